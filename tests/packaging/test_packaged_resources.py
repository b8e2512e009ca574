"""The files packagers and desktops read: desktop entry, AppStream metainfo, icons.

Fast checks for the normal suite: each file exists, parses, and agrees with
the others and with pyproject (binary name, version, ids), and
`app.resources_path` finds the folder in the layouts it supports.
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

import app
from app import resources_path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP_FILE = RESOURCES / "framecast.desktop"
METAINFO_FILE = RESOURCES / "io.framecast.Framecast.metainfo.xml"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def console_script_name() -> str:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    scripts: dict[str, str] = pyproject["project"]["scripts"]
    (name,) = [n for n, target in scripts.items() if target == "app.cli:main"]
    return name


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_console_script() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Framecast"
    assert entry["GenericName"] == "AI Video Studio"
    assert entry["Comment"]
    assert entry["Exec"].split()[0] == console_script_name()
    assert entry["Icon"] == "framecast"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].split(";")[:2] == ["AudioVideo", "Video"]
    assert entry["Categories"].endswith(";")
    assert entry["StartupWMClass"] == "Framecast"


def test_metainfo_describes_the_app() -> None:
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.framecast.Framecast"
    assert METAINFO_FILE.name == f"{root.findtext('id')}.metainfo.xml"
    assert root.findtext("name") == "Framecast"
    assert root.findtext("summary")
    assert root.find("description/p") is not None
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == console_script_name()
    assert root.find("content_rating") is not None
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert app.__version__ in versions


def test_png_icons_have_the_size_their_name_says() -> None:
    for size in PNG_SIZES:
        with Image.open(RESOURCES / "icons" / f"framecast-{size}.png") as image:
            assert image.format == "PNG"
            assert image.size == (size, size)
            assert image.mode == "RGBA"
            # Transparent corners: the tile is rounded, not a square on a white ground.
            alpha = image.getchannel("A")
            assert alpha.getpixel((0, 0)) == 0
            assert alpha.getpixel((size // 2, size // 2)) == 255


def test_windows_and_macos_icons_hold_every_size() -> None:
    with Image.open(RESOURCES / "icons" / "framecast.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(RESOURCES / "icons" / "framecast.icns") as icns:
        assert icns.format == "ICNS"
        assert icns.size == (1024, 1024)
        assert {(16, 16, 2), (32, 32, 2), (128, 128, 1), (256, 256, 1), (512, 512, 2)} <= set(
            icns.info["sizes"]
        )


def test_svg_sources_parse() -> None:
    for name in ("framecast.svg", "framecast-small.svg"):
        root = ET.parse(RESOURCES / "icons" / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.get("viewBox") == "0 0 512 512"


def test_resources_path_finds_the_checkout_folder() -> None:
    found = resources_path.resources_dir()
    assert found.resolve() == RESOURCES.resolve() or (found / "icons").is_dir()
    assert resources_path.resource("icons", "framecast-256.png").is_file()
    assert resources_path.resource(DESKTOP_FILE.name).is_file()
    assert resources_path.resource(METAINFO_FILE.name).is_file()
    assert resources_path.resource("fonts", "DejaVuSans.ttf").is_file()
    assert resources_path.resource("fonts", "DejaVuSans-LICENSE.txt").is_file()


def test_resources_path_prefers_the_pyinstaller_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "resources"
    (bundled / "icons").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_path.resources_dir() == bundled


def test_resources_path_finds_the_wheel_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "app"
    (package / "resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(resources_path, "_PACKAGE_DIR", package)
    assert resources_path.resources_dir() == package / "resources"


def test_resources_path_names_every_place_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources_path, "_PACKAGE_DIR", tmp_path / "nowhere" / "app")
    with pytest.raises(FileNotFoundError, match=re.escape(str(tmp_path / "nowhere"))):
        resources_path.resources_dir()


@pytest.mark.parametrize(
    ("tool", "args", "target"),
    [
        ("desktop-file-validate", (), DESKTOP_FILE),
        ("appstreamcli", ("validate", "--no-net"), METAINFO_FILE),
    ],
)
def test_freedesktop_validators_accept_the_files(
    tool: str, args: tuple[str, ...], target: Path
) -> None:
    executable = shutil.which(tool)
    if executable is None:
        pytest.skip(f"{tool} is not installed")
    result = subprocess.run(
        [executable, *args, str(target)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
