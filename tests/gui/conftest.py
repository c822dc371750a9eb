"""GUI tests reuse the real loopback server of the client tests."""

from tests.client.conftest import client_ca, client_postgres, live_server  # noqa: F401
