"""Light and dark themes that follow the system, text that scales, colours with a meaning.

Fusion style with a sober palette (navy accents) for each scheme and the application's style
sheet, both built from the design tokens (ui/style); the member may override the
system's choice and the text size in the settings, kept in QSettings. Screens ask colors() for
"danger", "accent" and so on rather than naming colours, so both themes read well.
GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui.style.sheet import style_sheet
from ui.style.tokens import palette as tokens_for

SYSTEM, LIGHT, DARK = "system", "light", "dark"
FONT_SCALES = (0.9, 1.0, 1.15, 1.3, 1.5, 1.75)


@dataclass(frozen=True)
class Colors:
    accent: QColor
    danger: QColor
    warning: QColor
    ok: QColor
    muted: QColor
    notice: QColor  # the background of the "something new arrived" line


_LIGHT = Colors(
    QColor("#1f3f7a"), QColor("#b3261e"), QColor("#8a5a00"), QColor("#2e7d32"),
    QColor("#6b6f76"), QColor("#e8eef9"),
)  # fmt: skip
_DARK = Colors(
    QColor("#8fb3ff"), QColor("#ff8a80"), QColor("#ffcc66"), QColor("#81c784"),
    QColor("#9aa0a6"), QColor("#26324a"),
)  # fmt: skip
_state = {"dark": False}


def colors() -> Colors:
    return _DARK if _state["dark"] else _LIGHT


def is_dark() -> bool:
    return _state["dark"]


def _palette(dark: bool) -> QPalette:
    palette = QPalette()
    tokens = tokens_for(dark)
    base, window, text = QColor(tokens.base), QColor(tokens.window), QColor(tokens.text)
    button, highlight = QColor(tokens.hover), QColor("#3d5a99" if dark else tokens.accent)
    role = QPalette.ColorRole
    for name, colour in (
        (role.Window, window), (role.Base, base), (role.AlternateBase, window),
        (role.Text, text), (role.WindowText, text), (role.ButtonText, text),
        (role.ToolTipBase, base), (role.ToolTipText, text), (role.Button, button),
        (role.Highlight, highlight), (role.HighlightedText, QColor("#ffffff")),
        (role.Link, colors_for(dark).accent), (role.PlaceholderText, colors_for(dark).muted),
    ):  # fmt: skip
        palette.setColor(name, colour)
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, colors_for(dark).muted)
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, colors_for(dark).muted)
    return palette


def colors_for(dark: bool) -> Colors:
    return _DARK if dark else _LIGHT


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, choice: str | None = None) -> bool:
    """Apply the saved (or given) theme; returns whether it is dark."""
    settings = QSettings()
    choice = choice or str(settings.value("theme", SYSTEM))
    dark = system_is_dark() if choice not in (LIGHT, DARK) else choice == DARK
    _state["dark"] = dark
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    app.setStyleSheet(style_sheet(tokens_for(dark)))
    return dark


def follow_system(app: QApplication) -> None:
    """Re-apply when the system switches between light and dark (when the choice is system)."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if str(QSettings().value("theme", SYSTEM)) == SYSTEM:
            apply_theme(app)

    QGuiApplication.styleHints().colorSchemeChanged.connect(changed)


def apply_font_scale(app: QApplication, scale: float | None = None) -> float:
    """Scale the application's text from the platform's default size; saved as "font_scale"."""
    settings = QSettings()
    value = float(scale if scale is not None else settings.value("font_scale", 1.0))  # type: ignore[arg-type]
    value = min(max(value, FONT_SCALES[0]), FONT_SCALES[-1])
    base = app.property("base_point_size")
    if not isinstance(base, float):
        base = app.font().pointSizeF()
        app.setProperty("base_point_size", base)
    font = app.font()
    font.setPointSizeF(base * value)
    app.setFont(font)
    return value
