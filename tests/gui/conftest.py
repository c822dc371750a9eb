"""GUI tests reuse the real loopback server of the client tests."""

from tests.client.conftest import client_ca, live_server  # noqa: F401
