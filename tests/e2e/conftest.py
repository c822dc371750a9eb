"""End-to-end fixtures: the client tests' real server on loopback."""

from tests.client.conftest import client_ca, client_postgres, live_server

__all__ = ["client_ca", "client_postgres", "live_server"]
