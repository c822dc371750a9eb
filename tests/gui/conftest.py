"""GUI tests reuse the real loopback server of the client tests, and get a task manager."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.client.conftest import client_ca, client_postgres, live_server  # noqa: F401
from ui.tasks import TaskManager


@pytest.fixture
def tasks() -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()
