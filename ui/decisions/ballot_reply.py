"""What the ballot page and the reader's "other opinion" share when a member replies to a
written ballot: the question before signing, the signing itself and the sentence that says
it was signed. One place, so both sign and say it alike.

``sign_reply`` runs on the network lane (asking for a timestamp may wait on the network; the
write goes through the local lane inside ecabinet.client.acts); the rest on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ecabinet.client import acts
from ecabinet.client.signed_in import Member
from ui import labels


def confirmed(parent: QWidget, choice_words: str) -> bool:
    """Asked before anything is signed: the member sees the choice once more."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("BallotReply", "Xác nhận trả lời"),
        QCoreApplication.translate(
            "BallotReply", "Gửi ý kiến “{choice}”? Phiếu trả lời sẽ được ký số trên máy này."
        ).format(choice=choice_words),
    )
    return answer == QMessageBox.StandardButton.Yes


def sign_reply(member: Member, ballot_id: str, choice: str, comment: str) -> str:
    """Compose, sign and keep the reply; its PAdES level ("B-T", or "B-B" with no timestamp).
    Network lane."""
    from ecabinet.signing.pades import pades_level

    acts.reply_to_ballot(member, ballot_id, choice, comment)
    return pades_level(acts.last_form(member, ballot_id))


def signed_words(level: str) -> str:
    """The sentence that says the reply was signed and kept, and what its signature holds."""
    saved = QCoreApplication.translate(
        "BallotReply", "Đã ký và lưu phiếu trả lời trên máy; sẽ gửi khi có kết nối."
    )
    return f"{saved} {labels.signature_words(level)}"
