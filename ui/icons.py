"""The window's icons: Material Design Icons (through qtawesome), drawn in the theme's text colour.

One maintained icon font instead of drawings of our own: every tool the member meets has a
familiar sign, and new tools find theirs without anyone drawing. Screens ask for an icon by
what it means (``icon("sync")``); this module is the one place that says which glyph that is,
so a screen never names a font. The colour is the palette's text colour when the icon is
made, so the same glyphs read on the light and the dark theme. e-Cabinet's own mark stays an
SVG of its own (resources/icons/ecabinet.svg). GUI thread.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

# qtawesome reaches Qt through qtpy, which would take whichever binding it finds first.
os.environ.setdefault("QT_API", "pyside6")

import qtawesome  # noqa: E402  (after QT_API is set)

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

# What an icon means -> its glyph in Material Design Icons 6 (https://pictogrammers.com).
GLYPHS: dict[str, str] = {
    "back": "mdi6.arrow-left",
    "ballot": "mdi6.vote-outline",
    "calendar": "mdi6.calendar-month-outline",
    "close": "mdi6.close",
    "compare": "mdi6.file-compare",
    "copy": "mdi6.content-copy",
    "documents": "mdi6.file-document-multiple-outline",
    "document": "mdi6.file-document-outline",
    "export": "mdi6.export-variant",
    "find-next": "mdi6.chevron-down",
    "find-previous": "mdi6.chevron-up",
    "fit-page": "mdi6.fit-to-page-outline",
    "fit-width": "mdi6.arrow-expand-horizontal",
    "home": "mdi6.home-outline",
    "inbox": "mdi6.inbox-arrow-down-outline",
    "lock": "mdi6.lock-outline",
    "meeting": "mdi6.account-group-outline",
    "next": "mdi6.chevron-right",
    "notification": "mdi6.bell-outline",
    "outbox": "mdi6.tray-arrow-up",
    "previous": "mdi6.chevron-left",
    "print": "mdi6.printer-outline",
    "record": "mdi6.history",
    "search": "mdi6.magnify",
    "settings": "mdi6.cog-outline",
    "sign": "mdi6.draw-pen",
    "stop": "mdi6.stop-circle-outline",
    "sync": "mdi6.sync",
    "travel": "mdi6.airplane",
    "zoom-in": "mdi6.magnify-plus-outline",
    "zoom-out": "mdi6.magnify-minus-outline",
    # The reader's note tools.
    "highlight": "mdi6.marker",
    "underline": "mdi6.format-underline",
    "strike": "mdi6.format-strikethrough-variant",
    "text-box": "mdi6.format-text",
    "note": "mdi6.comment-text-outline",
    "ink": "mdi6.draw",
    "eraser": "mdi6.eraser",
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    "thumbnails": "mdi6.view-grid-outline",
    "outline": "mdi6.format-list-bulleted",
    "notes-panel": "mdi6.note-text-outline",
    "select": "mdi6.cursor-default-outline",
    "pen-width": "mdi6.format-line-weight",
    "follow": "mdi6.crosshairs-gps",
}
ICON_NAMES = tuple(sorted(GLYPHS))


def product_icon() -> QIcon:
    """e-Cabinet's own mark, in its own colours: the window's and the tray's."""
    return QIcon(str(ICONS / "ecabinet.svg"))


def icon(name: str, colour: QColor | str | None = None) -> QIcon:
    """The icon meaning ``name``, in ``colour`` or else the theme's text colour."""
    if name not in GLYPHS:
        raise KeyError(f"no icon named {name!r}; known: {', '.join(ICON_NAMES)}")
    if colour is None:
        colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    return _icon(name, QColor(colour).name())


@lru_cache(maxsize=512)
def _icon(name: str, colour: str) -> QIcon:
    disabled = QColor(colour)
    disabled.setAlphaF(0.4)
    made: QIcon = qtawesome.icon(
        GLYPHS[name], color=colour, color_disabled=disabled.name(QColor.NameFormat.HexArgb)
    )
    return made
