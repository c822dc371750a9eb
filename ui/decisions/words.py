"""The words of decisions, as domain.md gives them (Vietnamese; English when translated)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.domain import BallotChoice, PositionChoice, VoteChoice

POSITIONS = {
    PositionChoice.NO_OBJECTION: QT_TRANSLATE_NOOP("Decisions", "Không phản đối"),
    PositionChoice.WISH_TO_SPEAK: QT_TRANSLATE_NOOP("Decisions", "Đăng ký phát biểu"),
    PositionChoice.OBJECT: QT_TRANSLATE_NOOP("Decisions", "Phản đối"),
}
VOTES = {
    VoteChoice.AGREE: QT_TRANSLATE_NOOP("Decisions", "Tán thành"),
    VoteChoice.DISAGREE: QT_TRANSLATE_NOOP("Decisions", "Không tán thành"),
    VoteChoice.ABSTAIN: QT_TRANSLATE_NOOP("Decisions", "Không biểu quyết"),
}
BALLOT_CHOICES = {
    BallotChoice.AGREE: QT_TRANSLATE_NOOP("Decisions", "Đồng ý"),
    BallotChoice.DISAGREE: QT_TRANSLATE_NOOP("Decisions", "Không đồng ý"),
    BallotChoice.OTHER: QT_TRANSLATE_NOOP("Decisions", "Ý kiến khác"),
}
OUTLOOKS = {
    "likely_passed": QT_TRANSLATE_NOOP("Decisions", "Dự kiến thông qua"),
    "likely_failed": QT_TRANSLATE_NOOP("Decisions", "Dự kiến không thông qua"),
    "open": QT_TRANSLATE_NOOP("Decisions", "Chưa rõ"),
}


def word(table: Mapping[Any, object], key: str) -> str:
    """The translated word for ``key`` in one of the tables above (the key itself if unknown)."""
    source = table.get(key)
    return QCoreApplication.translate("Decisions", str(source)) if source else key
