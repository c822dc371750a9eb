"""The window's icons: SVG line drawings in resources/icons, drawn in the theme's text colour.

Each file strokes with ``currentColor``; it is replaced by the palette's text colour when the
icon is made, so the same drawings read on the light and the dark theme. GUI thread.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICON_NAMES = tuple(sorted(p.stem for p in ICONS.glob("*.svg") if p.stem != "ecabinet"))
SIZES = (16, 24, 32, 48)


def product_icon() -> QIcon:
    """e-Cabinet's own mark, in its own colours: the window's and the tray's."""
    return QIcon(str(ICONS / "ecabinet.svg"))


def icon(name: str) -> QIcon:
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return _icon(name, colour)


@lru_cache(maxsize=256)
def _icon(name: str, colour: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    if name not in ICON_NAMES:
        raise KeyError(f"no icon named {name!r} in {ICONS}")
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
