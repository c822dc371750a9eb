"""Before the window: can Qt open one on this Linux machine?

Qt aborts the process (SIGABRT, exit 134, a wall of qt.qpa lines) when its X11 platform plugin
cannot load: a fresh Debian or Ubuntu lacks some of the xcb libraries the PySide6 wheel links
against, and a session without a display has nothing to connect to. ``main.py`` asks this
module first and, instead of the abort, prints one sentence (Vietnamese, then English) naming
what is missing and the command that installs it. Nothing here imports PySide6 until the
plugin's path is needed, and nothing creates a QApplication. Main thread, before the window.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

LDD_TIMEOUT_S = 10.0
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)
_SONAME = re.compile(r"^lib(?P<name>.+?)\.so\.(?P<major>\d+)")
# Debian names a library package after its soname (libxcb-icccm.so.4 -> libxcb-icccm4, with a
# hyphen when the name ends in a digit: libX11.so.6 -> libx11-6, and "_" spelt "-"); these few
# do not follow the rule.
_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libGLdispatch.so.0": "libglvnd0",
}


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ldd reports as "not found", each once, in the order ldd lists them."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def package_of(soname: str) -> str:
    """The Debian/Ubuntu package that installs a library, by the distributions' naming rule."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    match = _SONAME.match(soname)
    if match is None:
        return soname
    name, major = match["name"].lower().replace("_", "-"), match["major"]
    return f"lib{name}-{major}" if name[-1].isdigit() else f"lib{name}{major}"


def missing_message(sonames: list[str]) -> str:
    """One sentence in Vietnamese, then in English: what is missing, and how to install it."""
    libraries = ", ".join(sonames)
    command = "sudo apt-get install " + " ".join(dict.fromkeys(package_of(s) for s in sonames))
    return (
        f"e-Cabinet không mở được cửa sổ vì máy thiếu thư viện Qt ({libraries}); "
        f"hãy cài bằng lệnh: {command}\n"
        f"e-Cabinet cannot open its window: this machine lacks the Qt libraries "
        f"{libraries}; install them with: {command}"
    )


NO_DISPLAY = (
    "e-Cabinet không mở được cửa sổ vì không có màn hình đồ hoạ (chưa đặt DISPLAY); hãy chạy "
    "trong phiên đồ hoạ của máy, hoặc dùng dòng lệnh ecabinet.\n"
    "e-Cabinet cannot open its window: there is no graphical display (DISPLAY is not set); "
    "run it in the machine's desktop session, or use the ecabinet command line."
)


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Qt will try X11 first: asked for by QT_QPA_PLATFORM, or chosen by default on Linux
    outside a Wayland session."""
    if not sys.platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(";")[0].split(":")[0].strip() == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def xcb_plugin() -> Path | None:
    """The X11 platform plugin Qt will load, in a source checkout or in the bundle."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo

    places = (
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)),
        Path(PySide6.__file__).parent / "Qt" / "plugins",
    )
    for place in places:
        plugin = place / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def ldd(library: Path) -> str:
    """ldd's listing of what a library needs; "" when ldd is not there or fails (the check is
    then skipped: Qt's own message is the last word)."""
    try:
        done = subprocess.run(
            ["ldd", str(library)],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=LDD_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout


def platform_problem(environ: Mapping[str, str] = os.environ) -> str:
    """Why Qt could not open a window here, in words; "" when nothing stands in the way."""
    if not uses_xcb(environ):
        return ""
    plugin = xcb_plugin()
    missing = missing_libraries(ldd(plugin)) if plugin else []
    if missing:
        return missing_message(missing)
    if not environ.get("DISPLAY"):
        return NO_DISPLAY
    return ""
