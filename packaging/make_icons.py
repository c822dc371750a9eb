"""Draw the application icon (resources/icons/ecabinet.svg) at the sizes desktops ask for:
PNGs in the freedesktop hicolor layout for Linux, and a multi-size .ico for Windows.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

The drawings are committed; run this again only when the SVG changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "ecabinet.svg"
APP_ID = "vn.gov.ecabinet"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def draw(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SOURCE))
    hicolor = ROOT / "packaging" / "linux" / "icons" / "hicolor"
    for size in SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        draw(renderer, size).save(str(target))
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SOURCE.read_bytes())
    largest = Image.open(hicolor / "256x256" / "apps" / f"{APP_ID}.png")
    largest.save(
        ROOT / "packaging" / "windows" / "ecabinet.ico",
        sizes=[(s, s) for s in SIZES if s <= 256],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
