"""Fonts for the prompt the built-in renderer draws into its videos.

Pillow's built-in font covers Latin letters only, so a Russian prompt came
out as a row of boxes. The renderer ships DejaVu Sans
(`resources/fonts/DejaVuSans.ttf`, its licence beside it), which covers Latin,
Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic and much else. For
characters it lacks (Chinese, Japanese, Korean, Thai, Devanagari...) an
installed font that has them is found: through fontconfig (`fc-match`) where
it exists, else by looking through the system's font folders.

Which font has which character is read from each font's `cmap` table, so a
character is only ever drawn in a font that has a glyph for it, never as
the font's "missing glyph" box. A character no available font has is left
out. `runs()` splits a word into pieces that each take one font, from the
faces `faces_for()` picks for the whole prompt.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import os
import shutil
import struct
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import ImageFont

from app.resources_path import resource

log = logging.getLogger("framecast.local.fonts")

SHIPPED_FONT = ("fonts", "DejaVuSans.ttf")
#: How many installed fonts are opened, at most, to find missing characters:
#: of fontconfig's list (best first), and of the font folders' files.
MAX_FONTCONFIG_FONTS = 60
MAX_FOLDER_FONTS = 3000
_FC_TIMEOUT = 10.0
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


@dataclass(frozen=True)
class FontFace:
    """One face of a font file (collections such as .ttc hold several)."""

    path: Path
    index: int = 0


# --------------------------------------------------------------- cmap


class CharMap:
    """Which characters a font face has glyphs for, from its `cmap` table."""

    def __init__(self, ranges: list[tuple[int, int]], singles: set[int]) -> None:
        # Inclusive code point ranges that map to real glyphs (a font's ranges
        # do not overlap), plus single code points.
        self._ranges = sorted(ranges)
        self._starts = [lo for lo, _ in self._ranges]
        self._singles = singles

    def __contains__(self, char: str) -> bool:
        code = ord(char)
        if code in self._singles:
            return True
        at = bisect.bisect_right(self._starts, code) - 1
        return at >= 0 and code <= self._ranges[at][1]

    def missing(self, text: str) -> set[str]:
        """The characters of `text` with no glyph here (spaces and marks aside)."""
        return {c for c in set(text) if _needs_glyph(c) and c not in self}

    @classmethod
    def read(cls, face: FontFace, formats: tuple[int, ...] = (12, 4)) -> CharMap:
        """The face's character map, from the first of the subtable `formats`
        it has (12 covers all of Unicode, 4 the Basic Multilingual Plane); an
        empty map when the file cannot be read."""
        try:
            with face.path.open("rb") as font:
                return _read_cmap(font, face.index, formats)
        except (OSError, ValueError, struct.error) as exc:
            log.debug("cannot read the character map of %s: %s", face.path, exc)
            return cls([], set())


def _needs_glyph(char: str) -> bool:
    # Spaces, joiners and other format characters draw nothing of their own.
    return not char.isspace() and unicodedata.category(char) not in ("Cf", "Cc", "Zs")


def _read(font: BinaryIO, offset: int, size: int) -> bytes:
    font.seek(offset)
    data = font.read(size)
    if len(data) != size:
        raise ValueError("the font file is cut short")
    return data


def _read_cmap(font: BinaryIO, index: int, formats: tuple[int, ...]) -> CharMap:
    start = 0
    tag = _read(font, 0, 4)
    if tag == b"ttcf":  # a collection: find the face's own table directory
        count = struct.unpack(">I", _read(font, 8, 4))[0]
        if not 0 <= index < count:
            raise ValueError(f"no face {index} in this collection")
        start = struct.unpack(">I", _read(font, 12 + 4 * index, 4))[0]
    tables = struct.unpack(">H", _read(font, start + 4, 2))[0]
    directory = _read(font, start + 12, 16 * tables)
    for i in range(tables):
        name, _, offset, length = struct.unpack(">4sIII", directory[16 * i : 16 * i + 16])
        if name == b"cmap":
            return _parse_cmap(_read(font, offset, length), formats)
    raise ValueError("the font has no cmap table")


def _parse_cmap(table: bytes, formats: tuple[int, ...]) -> CharMap:
    count = struct.unpack_from(">H", table, 2)[0]
    subtables: dict[int, int] = {}  # format -> offset, Unicode subtables only
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", table, 4 + 8 * i)
        if platform == 0 or (platform == 3 and encoding in (1, 10)):
            fmt = struct.unpack_from(">H", table, offset)[0]
            subtables.setdefault(fmt, offset)
    for fmt in formats:
        if fmt in subtables:
            return _PARSERS[fmt](table, subtables[fmt])
    raise ValueError("the font has no Unicode character map it can read")


def _format12(table: bytes, offset: int) -> CharMap:
    groups = struct.unpack_from(">I", table, offset + 12)[0]
    ranges = []
    for i in range(groups):
        lo, hi, glyph = struct.unpack_from(">III", table, offset + 16 + 12 * i)
        if glyph == 0:  # a group starting at the missing glyph: its first code has none
            lo += 1
        if lo <= hi:
            ranges.append((lo, hi))
    return CharMap(ranges, set())


def _format4(table: bytes, offset: int) -> CharMap:
    segments = struct.unpack_from(">H", table, offset + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", table, offset + 14)
    starts_at = offset + 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", table, starts_at)
    deltas = struct.unpack_from(f">{segments}h", table, starts_at + 2 * segments)
    range_offsets_at = starts_at + 4 * segments
    range_offsets = struct.unpack_from(f">{segments}H", table, range_offsets_at)
    ranges: list[tuple[int, int]] = []
    singles: set[int] = set()
    for seg, (lo, hi, delta, ro) in enumerate(
        zip(starts, ends, deltas, range_offsets, strict=True)
    ):
        if lo == 0xFFFF:
            continue
        if ro == 0:
            # Glyph = code + delta: only the code that lands on glyph 0 has none.
            zero = (-delta) % 0x10000
            ranges.extend((a, b) for a, b in ((lo, min(hi, zero - 1)), (max(lo, zero + 1), hi)))
            continue
        for code in range(lo, hi + 1):
            at = range_offsets_at + 2 * seg + ro + 2 * (code - lo)
            if at + 2 <= len(table) and struct.unpack_from(">H", table, at)[0] != 0:
                singles.add(code)
    return CharMap([(a, b) for a, b in ranges if a <= b], singles)


_PARSERS = {12: _format12, 4: _format4}


# --------------------------------------------------------------- choosing


@functools.cache
def charmap(face: FontFace) -> CharMap:
    return CharMap.read(face)


@functools.cache
def shipped_face() -> FontFace:
    """DejaVu Sans, shipped in the resources folder."""
    return FontFace(resource(*SHIPPED_FONT))


@functools.cache
def font(face: FontFace, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(face.path), size, index=face.index)


def system_program_env() -> dict[str, str]:
    """The environment for running a program of the system (`fc-match`): a frozen
    build's loader points LD_LIBRARY_PATH at its own libraries, which must not
    replace the system's under that program, so the user's own value comes back."""
    env = dict(os.environ)
    if getattr(sys, "frozen", False):
        original = env.pop("LD_LIBRARY_PATH_ORIG", None)
        if original is None:
            env.pop("LD_LIBRARY_PATH", None)
        else:
            env["LD_LIBRARY_PATH"] = original
    return env


def _fontconfig_faces(chars: set[str]) -> list[FontFace]:
    """Installed fonts, best for `chars` first, as fontconfig sorts them."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return []
    charset = " ".join(f"{ord(c):x}" for c in sorted(chars))
    try:
        found = subprocess.run(
            [fc_match, "-s", "--format=%{file}\t%{index}\n", f"sans-serif:charset={charset}"],
            capture_output=True,
            text=True,
            timeout=_FC_TIMEOUT,
            check=False,
            env=system_program_env(),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("fc-match failed: %s", exc)
        return []
    faces = []
    for line in found.stdout.splitlines():
        path, _, index = line.partition("\t")
        if path:
            faces.append(FontFace(Path(path), int(index) if index.isdigit() else 0))
    return faces


def _font_folders() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts"]


def _folder_faces() -> Iterator[FontFace]:
    """Font files in the system's font folders (the first face of each)."""
    for folder in _font_folders():
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix.lower() in _FONT_SUFFIXES:
                    yield FontFace(path)


@functools.cache
def fallback_faces(chars: frozenset[str]) -> tuple[FontFace, ...]:
    """Installed faces that between them have glyphs for as many of `chars`
    as possible, each adding some the ones before it lack."""
    candidates = _fontconfig_faces(set(chars))[:MAX_FONTCONFIG_FONTS] or list(
        itertools.islice(_folder_faces(), MAX_FOLDER_FONTS)
    )
    shipped = shipped_face()
    left = set(chars)
    chosen: list[FontFace] = []
    for face in candidates:
        if not left:
            break
        if face == shipped:
            continue
        has = {c for c in left if c in charmap(face)}
        if has:
            chosen.append(face)
            left -= has
    if left:
        log.info("no installed font has %s; left out of the video", "".join(sorted(left)))
    return tuple(chosen)


def faces_for(text: str) -> list[FontFace]:
    """The faces that draw `text`: the shipped one, then installed ones for what it lacks."""
    shipped = shipped_face()
    missing = charmap(shipped).missing(text)
    return [shipped, *fallback_faces(frozenset(missing))] if missing else [shipped]


def runs(text: str, faces: list[FontFace] | None = None) -> list[tuple[str, FontFace]]:
    """`text` cut into pieces that each draw in one font that has all their
    glyphs: the first of `faces` (default: `faces_for(text)`) that has each
    character. Characters no font has are left out; marks stay with the
    letter before them."""
    faces = faces_for(text) if faces is None else faces
    pieces: list[tuple[str, FontFace]] = []
    for char in text:
        if pieces and (not _needs_glyph(char) or unicodedata.combining(char)):
            pieces[-1] = (pieces[-1][0] + char, pieces[-1][1])
            continue
        face = next((f for f in faces if not _needs_glyph(char) or char in charmap(f)), None)
        if face is None:
            continue
        if pieces and pieces[-1][1] == face:
            pieces[-1] = (pieces[-1][0] + char, face)
        else:
            pieces.append((char, face))
    return pieces
