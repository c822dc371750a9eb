"""Languages, themes, text size and icons: Vietnamese by default, English from Qt's files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import i18n, theme
from ui.icons import ICON_NAMES, icon
from ui.settings.dialog import SettingsDialog


def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


def test_vietnamese_by_default_and_english_when_chosen(qtbot: QtBot, settings: None) -> None:
    try:
        i18n.install_translations(app())
        assert QCoreApplication.translate("MainWindow", "Đồng bộ") == "Đồng bộ"
        QSettings().setValue("language", "en")
        i18n.install_translations(app())
        assert QCoreApplication.translate("MainWindow", "Đồng bộ") == "Sync"
        assert QCoreApplication.translate("Labels", "Dự thảo") == "Draft"
    finally:
        i18n.install_translations(app(), "vi")


def test_every_string_of_the_window_has_its_english() -> None:
    ts = i18n.TRANSLATIONS / "ecabinet_en.ts"
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, (
        "new strings: run `python -m ui.i18n update`, translate them in ecabinet_en.ts, "
        "then `python -m ui.i18n compile`"
    )


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate") is None
    and not Path(sys.executable).with_name("pyside6-lupdate").exists(),
    reason="pyside6-lupdate is not installed",
)
def test_the_translation_files_are_up_to_date(tmp_path: Path) -> None:
    """The .ts holds every string of the code, and the committed .qm is built from it."""
    copy = tmp_path / "ecabinet_en.ts"
    shutil.copy(i18n.TRANSLATIONS / "ecabinet_en.ts", copy)
    tool = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    out = subprocess.run(
        [tool, *i18n.sources(), "-no-obsolete", "-ts", str(copy)],
        cwd=i18n.ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "0 new" in out.stdout, "run `python -m ui.i18n update` and translate the new strings"
    (built,) = i18n.compile_all(tmp_path)
    committed = i18n.TRANSLATIONS / "ecabinet_en.qm"
    assert built.read_bytes() == committed.read_bytes(), "run `python -m ui.i18n compile`"


def test_light_and_dark_themes(qtbot: QtBot, settings: None) -> None:
    try:
        assert theme.apply_theme(app(), theme.DARK)
        dark_text = app().palette().text().color()
        assert dark_text.lightness() > 128
        assert theme.colors() == theme.colors_for(dark=True)
        assert not theme.apply_theme(app(), theme.LIGHT)
        assert app().palette().text().color().lightness() < 128
    finally:
        theme.apply_theme(app(), theme.LIGHT)


def test_text_size_scales_and_is_bounded(qtbot: QtBot, settings: None) -> None:
    base = app().font().pointSizeF()
    try:
        assert theme.apply_font_scale(app(), 1.5) == 1.5
        assert app().font().pointSizeF() == pytest.approx(base * 1.5)
        assert theme.apply_font_scale(app(), 9.0) == theme.FONT_SCALES[-1]
    finally:
        theme.apply_font_scale(app(), 1.0)
    assert app().font().pointSizeF() == pytest.approx(base)


def test_every_icon_draws_in_both_themes(qtbot: QtBot) -> None:
    assert {"sync", "search", "zoom-in", "copy", "travel"} <= set(ICON_NAMES)
    try:
        for dark in (False, True):
            theme.apply_theme(app(), theme.DARK if dark else theme.LIGHT)
            for name in ICON_NAMES:
                image = icon(name).pixmap(24, 24).toImage()
                assert not image.isNull()
                assert any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24))
    finally:
        theme.apply_theme(app(), theme.LIGHT)
    with pytest.raises(KeyError, match="no icon named"):
        icon("no-such-icon")


def test_the_settings_dialog_applies_and_keeps_choices(qtbot: QtBot, settings: None) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    try:
        dialog.theme.setCurrentIndex(dialog.theme.findData(theme.DARK))
        assert theme.is_dark()
        assert QSettings().value("theme") == theme.DARK
        dialog.text_size.setCurrentIndex(dialog.text_size.findData(1.3))
        assert float(QSettings().value("font_scale")) == 1.3
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        assert QSettings().value("language") == "en"
        assert "mở lại" in dialog.note.text()
    finally:
        theme.apply_theme(app(), theme.LIGHT)
        theme.apply_font_scale(app(), 1.0)
