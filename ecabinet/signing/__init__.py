"""Keys, the body's certificate authority, detached vote signatures and PAdES PDF signatures.

Pure core (cryptography and pyHanko); used by the client to sign and by the server to check.
"""
