"""The application's style sheet, built from the tokens for the light or the dark theme.

One sheet for every screen: calm buttons (the default one and the "primary" one in the
accent), text inputs with a clear focus (spin boxes and date fields keep the style's own
arrows: a sheet that draws their frame loses them), lists and trees on a white (or dark)
card, tabs underlined, group boxes as cards with their title inside, chips for states (a
QLabel with the property ``tone``), captions in the muted colour (a QLabel named
``caption``). No font sizes here: text follows the member's text size
(ui/theme.apply_font_scale). Any thread (builds a string).
"""

from __future__ import annotations

from ui.style.tokens import CARD_RADIUS, RADIUS, TONES, Palette

CARD_NAMES = ("home-card", "card")


def style_sheet(p: Palette) -> str:
    chips = "\n".join(
        f'QLabel[tone="{tone}"] {{ background: {p.chips[tone][0]}; color: {p.chips[tone][1]}; '
        f"border-radius: 9px; padding: 1px 8px; }}"
        for tone in TONES
    )
    cards = ", ".join(f"QFrame#{name}" for name in CARD_NAMES)
    return f"""
QToolTip {{ color: {p.text}; background: {p.base}; border: 1px solid {p.border};
    padding: 4px 6px; }}
QPushButton {{ background: {p.base}; color: {p.text}; border: 1px solid {p.border};
    border-radius: {RADIUS}px; padding: 3px 12px; }}
QPushButton:hover {{ background: {p.hover}; }}
QPushButton:pressed, QPushButton:checked {{ background: {p.selected}; }}
QPushButton:default {{ background: {p.accent}; color: {p.on_accent}; border-color: {p.accent}; }}
QPushButton[primary="true"] {{ background: {p.accent}; color: {p.on_accent};
    border-color: {p.accent}; font-weight: bold; }}
QPushButton[primary="true"]:disabled {{ background: {p.border}; color: {p.muted}; }}
QPushButton:disabled {{ color: {p.muted}; background: {p.window}; }}
QPushButton:focus {{ border-color: {p.accent}; }}
QCommandLinkButton {{ background: transparent; border: 1px solid transparent;
    border-radius: {RADIUS}px; padding: 6px; color: {p.text}; }}
QCommandLinkButton:hover {{ background: {p.hover}; border-color: {p.border}; }}
QCommandLinkButton:focus {{ border-color: {p.accent}; }}
QToolButton {{ border: 1px solid transparent; border-radius: {RADIUS}px; padding: 3px; }}
QToolButton:hover {{ background: {p.hover}; border-color: {p.border}; }}
QToolButton:checked, QToolButton:pressed {{ background: {p.selected}; }}
QLineEdit, QPlainTextEdit, QTextEdit {{
    background: {p.base}; color: {p.text}; border: 1px solid {p.border};
    border-radius: {RADIUS}px; padding: 4px 6px;
    selection-background-color: {p.accent}; selection-color: {p.on_accent}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border-color: {p.accent}; }}
QTreeView, QListView, QTableView {{ background: {p.base}; border: 1px solid {p.border};
    border-radius: {RADIUS}px; selection-background-color: {p.selected};
    selection-color: {p.text}; outline: 0; }}
QHeaderView::section {{ background: {p.base}; color: {p.muted}; border: none;
    border-bottom: 1px solid {p.border}; padding: 4px 6px; }}
QTabWidget::pane {{ border: 1px solid {p.border}; border-radius: {RADIUS}px; top: -1px;
    background: {p.base}; }}
QTabBar::tab {{ padding: 6px 14px; border: none; border-bottom: 2px solid transparent;
    color: {p.muted}; background: transparent; }}
QTabBar::tab:selected {{ color: {p.text}; border-bottom-color: {p.accent}; }}
QTabBar::tab:hover {{ color: {p.text}; }}
QGroupBox {{ background: {p.card}; border: 1px solid {p.border};
    border-radius: {CARD_RADIUS}px; margin-top: 0; padding: 1.6em 4px 2px 4px; }}
QGroupBox::title {{ subcontrol-origin: padding; subcontrol-position: top left; left: 8px;
    top: 0.3em; padding: 0 4px; color: {p.text}; font-weight: bold; }}
{cards} {{ background: {p.card}; border: 1px solid {p.border}; border-radius: {CARD_RADIUS}px; }}
QToolBar {{ border: none; border-bottom: 1px solid {p.border}; spacing: 4px; padding: 2px 6px; }}
QToolBar#reader-tools {{ spacing: 1px; padding: 2px 2px; }}
QToolBar#reader-tools QToolButton {{ padding: 2px; }}
QStatusBar {{ border-top: 1px solid {p.border}; }}
QStatusBar::item {{ border: none; }}
QMenu {{ background: {p.base}; border: 1px solid {p.border}; padding: 4px; }}
QMenu::item {{ padding: 5px 24px 5px 12px; border-radius: 4px; }}
QMenu::item:selected {{ background: {p.selected}; color: {p.text}; }}
QMenu::icon {{ padding-left: 6px; }}
QMenuBar {{ background: {p.window}; }}
QMenuBar::item:selected {{ background: {p.hover}; border-radius: 4px; }}
QSplitter::handle {{ background: {p.window}; }}
QProgressBar {{ border: 1px solid {p.border}; border-radius: {RADIUS}px; background: {p.base};
    text-align: center; }}
QProgressBar::chunk {{ background: {p.accent}; border-radius: {RADIUS - 1}px; }}
QLabel#caption {{ color: {p.muted}; }}
QWidget#notice-banner {{ background: {p.chips["accent"][0]}; border-radius: {RADIUS}px; }}
{chips}
"""
