"""GUI tests get a task manager (the real loopback server comes from tests/plugin.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ui.tasks import TaskManager


@pytest.fixture
def tasks() -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()
