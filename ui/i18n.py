"""Languages: Vietnamese (the source language of every string) and English, through Qt.

Every string of the window is written in Vietnamese inside ``tr()``; English comes from
resources/translations/ecabinet_en.ts, compiled to ecabinet_en.qm (both committed, so a fresh
clone and a packaged build need no Qt tools). After changing strings:

    python -m ui.i18n update    # pyside6-lupdate: collect new strings into the .ts
    (translate the new entries, e.g. with pyside6-linguist)
    python -m ui.i18n compile   # pyside6-lrelease: rebuild the .qm

The language is the member's choice (QSettings "language"), else Vietnamese: the Government
works in Vietnamese whatever language the laptop's system was installed in.
GUI thread (install); the command line for the tools.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
SOURCE_LANGUAGE = "vi"


def chosen_language() -> str:
    value = str(QSettings().value("language", SOURCE_LANGUAGE))
    return value if value in LANGUAGES else SOURCE_LANGUAGE


def install_translations(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Load our strings and Qt's own (dialog buttons and the like) for ``language``."""
    language = language or chosen_language()
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    installed = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_folder)]
    if language != SOURCE_LANGUAGE:
        candidates.append((f"ecabinet_{language}", str(TRANSLATIONS)))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        raise SystemExit(
            f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)"
        )
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update() -> None:
    for language in LANGUAGES:
        if language != SOURCE_LANGUAGE:
            target = str((TRANSLATIONS / f"ecabinet_{language}.ts").relative_to(ROOT))
            subprocess.run(
                [_tool("pyside6-lupdate"), *sources(), "-source-language", "vi_VN",
                 "-target-language", language, "-no-obsolete", "-ts", target],
                cwd=ROOT, check=True,
            )  # fmt: skip


def compile_all(folder: Path = TRANSLATIONS) -> list[Path]:
    out = []
    for ts in sorted(TRANSLATIONS.glob("ecabinet_*.ts")):
        qm = folder / ts.with_suffix(".qm").name
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
    elif argv[:1] == ["compile"]:
        compile_all()
    else:
        sys.stderr.write("usage: python -m ui.i18n update|compile\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
