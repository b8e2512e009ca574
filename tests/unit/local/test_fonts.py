"""Prompts in any script are drawn with real glyphs, never as "missing glyph" boxes.

A word drawn as boxes looks exactly like the same number of characters the
font has no glyph for (U+10FFFD, a private-use code no font maps), so each
check compares a drawing against that one; Pillow's own default font, which
has no Cyrillic, shows the check catches boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from app.local import fonts
from app.local.fonts import CharMap, FontFace, charmap, runs, shipped_face
from app.local.renderer import _draw_word, _fit_word, _layout_words, _word_width
from app.resources_path import resource

NO_GLYPH = "\U0010fffd"
RUSSIAN = "Съешь же ещё этих мягких французских булок, да выпей чаю"
OTHER_SCRIPTS = "Ελληνικά Հայերեն ქართული עברית العربية Українська Ўзбек"
# Characters DejaVu Sans lacks, one per script an installed font may have.
PROBES = "中あ한ก\u0915𝐀"


def mask(font: ImageFont.FreeTypeFont | ImageFont.ImageFont, text: str) -> bytes:
    img = Image.new("L", (40 * len(text) + 40, 80))
    ImageDraw.Draw(img).text((10, 10), text, font=font, fill=255)
    return img.tobytes()


def looks_like_boxes(font: ImageFont.FreeTypeFont | ImageFont.ImageFont, text: str) -> bool:
    return mask(font, text) == mask(font, NO_GLYPH * len(text))


def test_the_check_catches_boxes() -> None:
    default = ImageFont.load_default(size=24)  # what the renderer used before
    assert looks_like_boxes(default, "Кот")
    assert not looks_like_boxes(default, "Cat")


def test_the_shipped_font_is_dejavu_sans_with_its_licence() -> None:
    face = shipped_face()
    assert face.path == resource("fonts", "DejaVuSans.ttf")
    assert ImageFont.truetype(str(face.path), 12).getname() == ("DejaVu Sans", "Book")
    licence = resource("fonts", "DejaVuSans-LICENSE.txt").read_text("utf-8")
    assert "Bitstream Vera" in licence and "Arev" in licence


@pytest.mark.parametrize("text", [RUSSIAN, RUSSIAN.upper(), OTHER_SCRIPTS])
def test_the_shipped_font_has_every_glyph_of_these_scripts(text: str) -> None:
    assert charmap(shipped_face()).missing(text) == set()
    dejavu = fonts.font(shipped_face(), 24)
    for word in text.split():
        assert not looks_like_boxes(dejavu, word), word


@pytest.mark.parametrize(
    "block",
    [
        range(0x20, 0x250),  # Latin
        range(0x370, 0x530),  # Greek, Cyrillic
        range(0x590, 0x700),  # Hebrew, Arabic
        range(0x2000, 0x2300),  # punctuation, symbols
        range(0x4E00, 0x4E80),  # CJK, which it lacks
    ],
)
def test_the_character_map_agrees_with_what_freetype_draws(block: range) -> None:
    basic = ImageFont.truetype(str(shipped_face().path), 16, layout_engine=ImageFont.Layout.BASIC)
    boxes = bytes(basic.getmask(NO_GLYPH))
    table = charmap(shipped_face())
    wrong = [hex(c) for c in block if (chr(c) in table) != (bytes(basic.getmask(chr(c))) != boxes)]
    assert wrong == []


def test_both_character_map_formats_read_the_same() -> None:
    full = CharMap.read(shipped_face(), formats=(12,))
    bmp = CharMap.read(shipped_face(), formats=(4,))
    codes = [chr(c) for c in range(0x20, 0xFFFE) if not 0xD800 <= c < 0xE000]
    assert sum(c in full for c in codes) > 3000
    assert [c for c in codes if (c in full) != (c in bmp)] == []


def test_an_unreadable_font_has_no_characters(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00 cut short")
    assert "a" not in CharMap.read(FontFace(broken))


def test_a_russian_prompt_is_drawn_in_letters_not_boxes() -> None:
    sprites = _layout_words(RUSSIAN, 1280, 720, 1.0)
    assert len(sprites) == len(RUSSIAN.split())
    size, height, pad, stroke = 48, 62, 5, 3
    for word in RUSSIAN.split():
        pieces = runs(word)
        assert pieces == [(word, shipped_face())]
        drawn = _draw_word(pieces, size, height, pad, stroke)
        boxes = _draw_word([(NO_GLYPH * len(word), shipped_face())], size, height, pad, stroke)
        assert drawn.getchannel("A").tobytes() != boxes.getchannel("A").tobytes(), word


def installed_probe() -> tuple[str, FontFace]:
    """A character the shipped font lacks that some installed font has."""
    for char in PROBES:
        faces = fonts.fallback_faces(frozenset({char}))
        if faces:
            return char, faces[0]
    pytest.skip("no installed font has a character DejaVu Sans lacks")


def test_a_character_the_shipped_font_lacks_is_drawn_with_an_installed_font() -> None:
    char, face = installed_probe()
    assert char not in charmap(shipped_face())
    pieces = runs(f"ab{char}cd")
    assert pieces == [("ab", shipped_face()), (char, face), ("cd", shipped_face())]
    assert char in charmap(face)
    assert not looks_like_boxes(fonts.font(face, 32), char)


def test_without_fontconfig_the_font_folders_are_searched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    char, face = installed_probe()
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    monkeypatch.setattr(fonts, "_font_folders", lambda: [face.path.parent])
    fonts.fallback_faces.cache_clear()
    try:
        found = fonts.fallback_faces(frozenset({char}))
    finally:
        fonts.fallback_faces.cache_clear()
    assert found and char in charmap(found[0])


def test_a_character_no_font_has_is_left_out() -> None:
    assert "".join(text for text, _ in runs(f"a{NO_GLYPH}b")) == "ab"
    assert runs(NO_GLYPH) == []
    assert _layout_words(f"{NO_GLYPH} {NO_GLYPH}", 320, 180, 1.0) == []


def test_marks_stay_with_their_letter() -> None:
    word = "и\u0306"  # й written as и and a combining breve
    assert runs(word) == [(word, shipped_face())]


def test_a_word_wider_than_the_frame_is_cut_to_fit() -> None:
    word = runs("Ж" * 200)
    parts = _fit_word(word, 40, 500)
    assert len(parts) > 1
    assert "".join(t for part in parts for t, _ in part) == "Ж" * 200
    assert all(_word_width(part, 40) <= 500 for part in parts)


def test_fc_match_runs_with_the_systems_libraries_in_a_frozen_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/framecast/_internal:/home/me/lib")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/home/me/lib")
    assert fonts.system_program_env()["LD_LIBRARY_PATH"].startswith("/opt/framecast")
    monkeypatch.setattr(fonts.sys, "frozen", True, raising=False)
    env = fonts.system_program_env()
    assert env["LD_LIBRARY_PATH"] == "/home/me/lib" and "LD_LIBRARY_PATH_ORIG" not in env
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG")
    assert "LD_LIBRARY_PATH" not in fonts.system_program_env()
