"""Pydantic models of the sync protocol (docs/protocol.md), shared by client and server.

Everything that crosses the wire is validated here on both sides: the server never trusts a
client's body, and the client never trusts a server's answer. Pure data; runs on any thread.
"""
