"""The window asks the client core: nothing under ui/ reads the store's records by type name,
reads or writes its state strings, or reaches the server's API itself."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The store's generic access by type name and its state strings are the core's own business.
STATE_CALLS = {"get_state", "set_state", "states"}
RECORD_CALLS = {"get", "list"}


def _is_store(node: ast.expr) -> bool:
    """``store`` or ``<anything>.store``: the names the window gives the local store."""
    return (isinstance(node, ast.Name) and node.id == "store") or (
        isinstance(node, ast.Attribute) and node.attr == "store"
    )


def offences(source: str, name: str = "<source>") -> list[str]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Attribute) and node.attr == "api":
            found.append((line, "touches .api"))
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        method = node.func.attr
        if method in STATE_CALLS:
            found.append((line, f"calls {method}"))
        elif (
            method in RECORD_CALLS
            and _is_store(node.func.value)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((line, f"calls store.{method} with a type name"))
    return [f"{name}:{line} {what}" for line, what in sorted(found)]


def test_ui_asks_the_client_core() -> None:
    found = [
        offence
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for offence in offences(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == []


def test_the_check_sees_each_way_around_the_core() -> None:
    source = """
users = account.store.list("user")
meeting = store.get("meeting", meeting_id)
roles = store.get_state("roles").split(",")
store.set_state(online="1")
api = self.account.api
member.api.board(meeting_id)
"""
    assert [line.split(" ", 1)[1] for line in offences(source)] == [
        "calls store.list with a type name",
        "calls store.get with a type name",
        "calls get_state",
        "calls set_state",
        "touches .api",
        "touches .api",
    ]


def test_the_check_leaves_typed_reads_and_dicts_alone() -> None:
    source = """
users = account.store.users()
meeting = store.meeting(meeting_id)
word = WORDS.get("open", "")
names = self.names.get(user_id, user_id)
from ecabinet.client.api import Offline
"""
    assert offences(source) == []
