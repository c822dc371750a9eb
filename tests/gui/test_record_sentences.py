"""The record speaks in sentences: every kind of act the server records has one, in
Vietnamese and in English, naming people and things and never showing a code or an id."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ecabinet.server.services import meetings
from ecabinet.wire.record import AUDIT_ACTIONS, AuditRow
from ui import i18n
from ui.record.sentences import SENTENCES, sentence

SERVER = Path(__file__).resolve().parents[2] / "ecabinet" / "server"
ACTION = re.compile(r"^[a-z]+\.[a-z_]+$")
CODE = re.compile(r"\b[a-z]+\.[a-z_]+\b")
ID = "0b7e6c1e-5f1a-4c55-9d7e-2f6a1c9e8b11"


def _recorded_in_the_code() -> set[str]:
    """Every action string the server's code passes to a recording call (audit.record,
    services.actor.record, and the helpers that wrap them)."""
    found: set[str] = set()
    for path in SERVER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            name = node.func.id if isinstance(node.func, ast.Name) else name
            if not (name.endswith("record") or name == "_audit_floor"):
                continue
            for arg in node.args:
                for leaf in ast.walk(arg):
                    if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                        if ACTION.match(leaf.value):
                            found.add(leaf.value)
    # meetings.transition records f"meeting.{action}" for each of its transitions.
    found |= {f"meeting.{act}" for act in meetings._TRANSITIONS}
    return found


def test_every_kind_the_server_records_is_known_and_has_a_sentence() -> None:
    in_code = _recorded_in_the_code()
    assert len(in_code) > 30  # the scan found the recording calls
    assert in_code <= AUDIT_ACTIONS, in_code - AUDIT_ACTIONS
    assert set(SENTENCES) == AUDIT_ACTIONS, set(SENTENCES) ^ AUDIT_ACTIONS


def _row(action: str) -> AuditRow:
    return AuditRow(
        id=1,
        at=datetime(2026, 12, 15, 1, 30, tzinfo=UTC),
        actor_id=ID,
        actor_name="Đặng Minh Tuấn",
        actor_title="Bộ trưởng Bộ Tài chính",
        action=action,
        object_type="meeting",
        object_id=ID,
        object_name="Phiên họp Chính phủ thường kỳ tháng 12",
        detail={"device_id": ID, "serial": "5A3F9C", "present": 20, "agree": 14},
    )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_sentence_names_the_person_and_shows_no_code(qtbot: object, language: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        i18n.install_translations(app, language)
        for action in sorted(AUDIT_ACTIONS):
            said = sentence(_row(action))
            assert "Đặng Minh Tuấn (Bộ trưởng Bộ Tài chính)" in said, said
            assert "{" not in said and ID not in said and "5A3F9C" not in said, said
            assert not CODE.search(said), said
            english = language == "en"
            assert (" đã " not in said and "Đã " not in said) is english, said
    finally:
        i18n.install_translations(app, "vi")


def test_the_sentences_read_as_the_interface_words_say() -> None:
    assert sentence(_row("auth.login")) == (
        "Đặng Minh Tuấn (Bộ trưởng Bộ Tài chính) đã đăng nhập trên máy "
        "“Phiên họp Chính phủ thường kỳ tháng 12”"
    )
    nobody = _row("meeting.close").model_copy(update={"actor_name": "", "actor_title": ""})
    assert sentence(nobody).startswith("Hệ thống đã kết thúc phiên họp")
    assert sentence(_row("vote.close")).endswith(": 14 thành viên tán thành")
