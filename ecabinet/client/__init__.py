"""The client core: profile, local store, outbox, blob cache, sync engine, secrets, CLI.

Pure Python; never imports Qt, the UI or the server. Functions here run on worker threads
(the UI's task manager) or in the command line; each opens its own database session.
"""
