"""Before the window (ui.qt_platform): Qt's X11 plugin that cannot load is one sentence with
the command that installs what lacks, not Qt's abort. Uses this machine's real ldd and plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.qt_platform import (
    ldd,
    missing_libraries,
    missing_message,
    package_of,
    platform_problem,
    uses_xcb,
    xcb_plugin,
)

ROOT = Path(__file__).resolve().parents[2]
# ldd of PySide6 6.12's libqxcb.so on a Debian 12 without libxcb-icccm4 and libxcb-keysyms1
# (recorded from a real run): the same library is reported once per library that needs it.
DEBIAN_LDD = """\
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007ff041741000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007ff041739000)
\tlibxcb-keysyms.so.1 => not found
\tlibX11.so.6 => /lib/x86_64-linux-gnu/libX11.so.6 (0x00007ff040264000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007ff041874000)
"""


def test_the_plugins_real_ldd_listing_gives_exactly_its_missing_libraries() -> None:
    plugin = xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    listing = ldd(plugin)
    assert "libxcb.so.1" in listing  # ldd ran and listed what the plugin needs
    missing = missing_libraries(listing)
    not_found = {line.split()[0] for line in listing.splitlines() if "=> not found" in line}
    assert set(missing) == not_found and len(missing) == len(not_found)
    if missing:
        message = missing_message(missing)
        assert all(package_of(name) in message for name in missing)


def test_missing_libraries_are_named_once_with_the_packages_to_install() -> None:
    assert missing_libraries(DEBIAN_LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    vietnamese, english = missing_message(missing_libraries(DEBIAN_LDD)).splitlines()
    command = "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    assert vietnamese.startswith("e-Cabinet không mở được cửa sổ") and vietnamese.endswith(command)
    assert english == (
        "e-Cabinet cannot open its window: this machine lacks the Qt libraries "
        f"libxcb-icccm.so.4, libxcb-keysyms.so.1; install them with: {command}"
    )


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11.so.6", "libx11-6"),
        ("libGL.so.1", "libgl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libgssapi_krb5.so.2", "libgssapi-krb5-2"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_a_library_is_named_by_its_debian_package(soname: str, package: str) -> None:
    assert package_of(soname) == package


def test_x11_is_what_qt_tries_unless_another_platform_or_wayland_is_asked_for() -> None:
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb;wayland"})
    assert uses_xcb({"DISPLAY": ":0"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"})
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}) == ""


def test_the_desktop_without_a_display_says_why_in_one_sentence_instead_of_aborting(
    tmp_path: Path,
) -> None:
    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environ |= {"QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--profile", str(tmp_path / "p")],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # not 134: Qt's abort
    assert "Traceback" not in done.stderr and "qt.qpa" not in done.stderr
    vietnamese, english = done.stderr.strip().splitlines()
    assert vietnamese.startswith("e-Cabinet không mở được cửa sổ")
    # Whichever stands first in the way on this machine: missing libraries, or no display.
    assert "apt-get install" in english or "DISPLAY is not set" in english
    assert done.stdout == ""
