"""The choice of a ministry from the organs table (ecabinet/domain/organs.py): an editable list
whose completer finds an organ by any part of its name ("tài chính"), where free text is still
allowed for a body outside the Government. Used by the agenda builder (the presenting
ministry) and the issue dialog (the recipient of a result). GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ecabinet.domain.organs import ORGANS, Organ, organ_matching


class OrganChoice(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        # Typed text is not added to the list: the list stays the Government's organs.
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for organ in ORGANS:
            self.addItem(organ.name, organ.code)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # editable, so it has one
        line.setMaxLength(200)
        line.setPlaceholderText(self.tr("Chọn trong danh sách hoặc nhập tên cơ quan"))
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setCurrentIndex(-1)

    def text(self) -> str:
        """The organ's name as the table writes it when the text is one of them ("btc", "Bộ
        tài chính"), else the text as typed."""
        written = self.currentText().strip()
        organ = organ_matching(written)
        return organ.name if organ else written

    def setText(self, text: str) -> None:  # noqa: N802 (the QLineEdit's name, kept for callers)
        self.setEditText(text)

    def organ(self) -> Organ | None:
        """The organ chosen, None when the text names none of the table."""
        return organ_matching(self.currentText())
