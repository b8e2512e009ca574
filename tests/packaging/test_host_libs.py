"""Which top-level libraries the Linux package leaves to the host desktop."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import host_libs  # noqa: E402

NEEDS = {
    "libQt6Gui.so.6": {"libfontconfig.so.1", "libglib-2.0.so.0", "libzstd.so.1"},
    "libQt6Network.so.6": {"libbrotlidec.so.1", "libzstd.so.1"},
    "libfontconfig.so.1": {"libfreetype.so.6", "libexpat.so.1"},
    "libfreetype.so.6": {"libbrotlidec.so.1", "libpng16.so.16"},
    "libglib-2.0.so.0": {"libpcre2-8.so.0"},
    "libpulse.so.0": {"libpulsecommon-16.1.so"},
    "libpulsecommon-16.1.so": {"libsndfile.so.1", "libdbus-1.so.3"},
    "libsndfile.so.1": {"libFLAC.so.12"},
    "_ctypes.so": {"libffi.so.8"},
    "libgobject-2.0.so.0": {"libffi.so.8", "libglib-2.0.so.0"},
}
TOP_LEVEL = {
    "libQt6Gui.so.6",
    "libQt6Network.so.6",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libexpat.so.1",
    "libpng16.so.16",
    "libbrotlidec.so.1",
    "libzstd.so.1",
    "libglib-2.0.so.0",
    "libpcre2-8.so.0",
    "libpulse.so.0",
    "libpulsecommon-16.1.so",
    "libsndfile.so.1",
    "libFLAC.so.12",
    "libdbus-1.so.3",
    "libffi.so.8",
    "libgobject-2.0.so.0",
    "libpython3.11.so.1.0",
}


def test_host_libraries_and_what_only_they_need_are_dropped() -> None:
    dropped = host_libs.dropped_libraries(NEEDS, TOP_LEVEL)
    assert dropped == {
        "libfontconfig.so.1",
        "libfreetype.so.6",
        "libexpat.so.1",
        "libpng16.so.16",
        "libglib-2.0.so.0",
        "libpcre2-8.so.0",
        "libpulse.so.0",
        "libpulsecommon-16.1.so",
        "libsndfile.so.1",
        "libFLAC.so.12",
        "libdbus-1.so.3",
        "libgobject-2.0.so.0",
    }


def test_libraries_something_kept_still_needs_stay() -> None:
    dropped = host_libs.dropped_libraries(NEEDS, TOP_LEVEL)
    # brotli: Qt Network needs it too; libffi: Python's ctypes needs it too;
    # libzstd: Qt needs it; libpython: nothing links to it, the bootloader loads it.
    for kept in (
        "libbrotlidec.so.1",
        "libffi.so.8",
        "libzstd.so.1",
        "libpython3.11.so.1.0",
        "libQt6Gui.so.6",
    ):
        assert kept not in dropped


def test_only_top_level_libraries_are_considered() -> None:
    # A wheel's private copy (av.libs/..., PySide6/Qt/lib/...) is never top level.
    dropped = host_libs.dropped_libraries({"x.so": {"libX11.so.6"}}, {"libzstd.so.1"})
    assert dropped == set()
