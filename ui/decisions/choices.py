"""A row of radio buttons for the choices of a decision (a ballot reply, a position on an
item), as the ballot page, the item panel and the reader's opinion dialog show it, and the
choice checked. GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton

from ui.decisions.words import word


def choice_row(
    group: QButtonGroup, table: Mapping[Any, object], choices: Iterable[str]
) -> QHBoxLayout:
    """A radio button a choice, in ``group``, named in the words of ``table``."""
    row = QHBoxLayout()
    for index, choice in enumerate(choices):
        button = QRadioButton(word(table, choice))
        button.setProperty("choice", str(choice))
        group.addButton(button, index)
        row.addWidget(button)
    return row


def checked_choice(group: QButtonGroup) -> str:
    """The choice of the button checked in a ``choice_row``; "" when none is."""
    button = group.checkedButton()
    return str(button.property("choice")) if button is not None else ""
