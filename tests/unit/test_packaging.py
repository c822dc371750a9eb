"""The packaging files agree with each other and with the code: one application id, one
version (in ecabinet/__init__.py only), icons at every size, and no setting in the server's
example configuration that the server does not read."""

from __future__ import annotations

import configparser
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

import ecabinet

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "vn.gov.ecabinet"


def test_the_desktop_entry_names_the_program_and_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    entry.read(PACKAGING / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Icon"] == APP_ID
    assert section["Exec"].split()[0] == "/opt/ecabinet/ecabinet"  # where build.sh lays it
    assert section["Name[vi]"] and section["Comment[vi]"]  # Vietnamese first


def test_the_appstream_metadata_is_valid_and_takes_the_one_version() -> None:
    template = (PACKAGING / "linux" / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    assert re.search(r"\d+\.\d+\.\d+", template.split("<releases>")[1]) is None  # not typed in
    filled = template.replace("@VERSION@", ecabinet.__version__).replace("@DATE@", "2026-01-01")
    component = ET.fromstring(filled.encode())
    assert component.findtext("id") == APP_ID
    assert component.find("launchable").text == f"{APP_ID}.desktop"
    assert component.find("releases/release").get("version") == ecabinet.__version__


def test_icons_at_every_usual_size() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = (
            PACKAGING / "linux" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        )
        with Image.open(path) as image:
            assert image.size == (size, size)
    with Image.open(PACKAGING / "windows" / "ecabinet.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]


def test_the_version_is_written_in_one_place() -> None:
    installer = (PACKAGING / "windows" / "ecabinet.iss").read_text(encoding="utf-8")
    assert "AppVersion={#AppVersion}" in installer
    assert ecabinet.__version__ not in installer
    spec = (PACKAGING / "ecabinet.spec").read_text(encoding="utf-8")
    assert "from ecabinet import __version__" in spec


def test_every_setting_of_the_example_configuration_is_read_by_the_server() -> None:
    example = (PACKAGING / "server" / "ecabinet.env").read_text(encoding="utf-8")
    names = set(re.findall(r"^#?(ECABINET_[A-Z_]+)=", example, flags=re.MULTILINE))
    code = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "ecabinet").rglob("*.py"))
    assert names and {name for name in names if name not in code} == set()
    unit = (PACKAGING / "server" / "ecabinet-server.service").read_text(encoding="utf-8")
    assert "ecabinet-server serve" in unit and "EnvironmentFile=/etc/ecabinet/ecabinet.env" in unit
