"""The window's icons: Material Design Icons, drawn in the theme's text colour.

One maintained icon font instead of drawings of our own: every tool the member meets has a
familiar sign, and new tools find theirs without anyone drawing. Screens ask for an icon by
what it means (``icon("sync")``); this module is the one place that says which glyph that is,
so a screen never names a font. The colour is the palette's text colour when the icon is
made, so the same glyphs read on the light and the dark theme. e-Cabinet's own mark stays an
SVG of its own (resources/icons/ecabinet.svg). GUI thread.

The font and its names come from the QtAwesome package's files, read here without importing
it: its import goes through qtpy, whose star imports of QtCore, QtGui and QtWidgets took about
as long as PySide6's own import, before the first paint; and its first icon loaded all ten of
its fonts. This module loads the one font it uses, at the first icon (docs/benchmarks.md,
"Start time").
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

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
    return QIcon(_GlyphEngine(_glyph(GLYPHS[name]), QColor(colour), disabled))


FONT_FILES = "materialdesignicons6-webfont-*"  # in QtAwesome's fonts folder; "mdi6." names


@lru_cache(maxsize=1)
def _font_files() -> tuple[Path, Path]:
    """The MDI 6 font and its charmap (glyph name -> code point) that QtAwesome ships."""
    spec = importlib.util.find_spec("qtawesome")  # found, not imported
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the QtAwesome package (the icon font) is not installed")
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    font = next(f for f in sorted(fonts.glob(FONT_FILES + ".ttf")) if "charmap" not in f.name)
    charmap = next(iter(sorted(fonts.glob(FONT_FILES.replace("*", "charmap-*.json")))))
    return font, charmap


@lru_cache(maxsize=1)
def _charmap() -> dict[str, str]:
    return dict(json.loads(_font_files()[1].read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _family() -> str:
    font_id = QFontDatabase.addApplicationFont(str(_font_files()[0]))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        raise RuntimeError(f"the icon font {_font_files()[0]} could not be loaded")
    return families[0]


def _glyph(glyph: str) -> str:
    """``mdi6.sync`` -> the character that draws it."""
    return chr(int(_charmap()[glyph.removeprefix("mdi6.")], 16))


class _GlyphEngine(QIconEngine):
    """One glyph, centred, in one colour (another when disabled), at any size and scale."""

    def __init__(self, char: str, colour: QColor, disabled: QColor) -> None:
        super().__init__()
        self.char, self.colour, self.disabled = char, colour, disabled

    def paint(
        self,
        painter: QPainter,
        rect: QRect,
        mode: QIcon.Mode,
        state: QIcon.State,  # noqa: ARG002 (Qt's signature: one look for every state)
    ) -> None:
        painter.save()
        painter.setPen(self.disabled if mode == QIcon.Mode.Disabled else self.colour)
        font = QFont(_family())
        # As QtAwesome draws: the glyph a little smaller than the icon, for the font's bearing.
        font.setPixelSize(max(1, round(0.875 * rect.height())))
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.char)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self.char, self.colour, self.disabled)
