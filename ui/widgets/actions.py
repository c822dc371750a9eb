"""Actions with every key the platform binds to a standard command, plus our fallbacks.

QKeySequence(StandardKey) keeps only the first binding, and some platforms bind none (Quit and
Preferences on a plain Linux desktop); an action here gets all of the platform's bindings and
then the fallbacks given, and says its first key in its tooltip. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence

from ui.icons import icon

Shortcut = QKeySequence.StandardKey | str


def key_sequences(shortcuts: Sequence[Shortcut]) -> list[QKeySequence]:
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            found = QKeySequence.keyBindings(shortcut)
        else:
            found = [QKeySequence(shortcut)]
        keys += [key for key in found if not key.isEmpty() and key not in keys]
    return keys


def make_action(
    parent: QObject,
    text: str,
    shortcuts: Sequence[Shortcut],
    slot: Callable[..., Any],
    icon_name: str = "",
) -> QAction:
    action = QAction(icon(icon_name) if icon_name else QIcon(), text, parent)
    keys = key_sequences(shortcuts)
    action.setShortcuts(keys)
    if keys:
        native = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({native})")
    action.triggered.connect(slot)
    return action
