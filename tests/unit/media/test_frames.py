"""Save frame and Continue from last frame: exact frames, full size, whole files."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from app.api.images import image_content_type
from app.api.models import MAX_UPLOAD_BYTES
from app.media import (
    FolderNotWritableError,
    OutOfRangeError,
    OutputExistsError,
    UnreadableVideoError,
    decoding,
    frame_at,
    last_frame,
    last_frame_png,
    save_frame_png,
)
from tests.support.media import ClipSpec, read_frame_number
from tests.unit.media.conftest import CONTAINER_IDS, CONTAINERS, MakeClip

#: Frames with a band of noise, so a PNG of one is large.
NOISY = ClipSpec(width=320, height=176, noise=True)


@pytest.mark.parametrize("spec", CONTAINERS, ids=CONTAINER_IDS)
def test_frame_at_is_the_frame_showing_at_that_time(clip: MakeClip, spec: ClipSpec) -> None:
    path = clip(spec)
    fps = spec.fps
    # Mid-frame, a millisecond before the next frame (a player's clock is in
    # milliseconds, and WebM stores times to the millisecond), on a keyframe
    # and just before it (the previous GOP), and at the very start and end.
    cases = {
        0.0: 0,
        5.5 / fps: 5,
        6 / fps - 0.001: 5,
        spec.gop / fps: spec.gop,
        spec.gop / fps - 0.001: spec.gop - 1,
        (2 * spec.gop + 1.5) / fps: 2 * spec.gop + 1,
        spec.seconds - 0.001: spec.frames - 1,
        spec.seconds: spec.frames - 1,
    }
    for seconds, expected in cases.items():
        assert read_frame_number(frame_at(path, seconds)) == expected, seconds


@pytest.mark.parametrize("bframes", [0, 2])
def test_frame_at_the_start_time_of_each_frame_is_that_frame(clip: MakeClip, bframes: int) -> None:
    path = clip(ClipSpec(bframes=bframes))
    assert [read_frame_number(frame_at(path, i / 24)) for i in range(48)] == list(range(48))


def test_frame_at_still_finds_the_frame_when_the_quick_way_misses(
    clip: MakeClip, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first try (from the nearest keyframe, leaving out frames nobody
    # needs) comes back empty-handed: the slower tries still find the frame.
    real, calls = decoding._find, []

    def miss_once(frames: Iterator[decoding.VideoFrame], target: int) -> object:
        calls.append(target)
        return None if len(calls) == 1 else real(frames, target)

    monkeypatch.setattr(decoding, "_find", miss_once)
    assert read_frame_number(frame_at(clip(ClipSpec(bframes=2)), 30 / 24)) == 30
    assert len(calls) == 2


def test_frame_at_is_at_full_resolution(clip: MakeClip) -> None:
    image = frame_at(clip(ClipSpec(width=320, height=176)), 0.5)
    assert image.size == (320, 176)
    assert image.mode == "RGB"


@pytest.mark.parametrize("seconds", [-0.001, 2.1, float("nan"), float("inf")])
def test_a_time_outside_the_clip_is_a_typed_error(clip: MakeClip, seconds: float) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        frame_at(clip(ClipSpec()), seconds)  # 48 frames at 24 fps: 2 s
    assert caught.value.duration == pytest.approx(2.0)


@pytest.mark.parametrize("spec", CONTAINERS, ids=CONTAINER_IDS)
def test_last_frame_is_truly_the_last(clip: MakeClip, spec: ClipSpec) -> None:
    assert read_frame_number(last_frame(clip(spec))) == spec.frames - 1


def test_last_frame_of_a_clip_ending_mid_gop_with_b_frames(clip: MakeClip) -> None:
    # 50 frames, keyframes every 12: the last GOP is two frames long.
    spec = ClipSpec(frames=50, gop=12, bframes=2, container="mp4-fragmented")
    assert read_frame_number(last_frame(clip(spec))) == 49


def test_save_frame_png_writes_the_frame_at_the_video_size(clip: MakeClip, tmp_path: Path) -> None:
    out = tmp_path / "frame.png"
    assert save_frame_png(clip(ClipSpec(width=320, height=176)), 1.0, out) == out
    with Image.open(out) as saved:
        assert saved.format == "PNG"
        assert saved.size == (320, 176)
        assert read_frame_number(saved) == 24
    assert os.listdir(tmp_path) == ["frame.png"]  # no temporary file left


def test_save_frame_png_never_overwrites_unless_asked(clip: MakeClip, tmp_path: Path) -> None:
    out = tmp_path / "frame.png"
    out.write_bytes(b"the user's own file")
    with pytest.raises(OutputExistsError) as caught:
        save_frame_png(clip(ClipSpec()), 1.0, out)
    assert caught.value.path == out
    assert out.read_bytes() == b"the user's own file"
    save_frame_png(clip(ClipSpec()), 1.0, out, overwrite=True)
    with Image.open(out) as saved:
        assert read_frame_number(saved) == 24


def test_save_frame_png_into_a_missing_folder_says_so(clip: MakeClip, tmp_path: Path) -> None:
    with pytest.raises(FolderNotWritableError) as caught:
        save_frame_png(clip(ClipSpec()), 0.0, tmp_path / "gone" / "frame.png")
    assert caught.value.folder == tmp_path / "gone"


def test_save_frame_png_of_an_unreadable_file_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "broken.mp4"
    source.write_bytes(b"\x00" * 4096)
    with pytest.raises(UnreadableVideoError):
        save_frame_png(source, 0.0, tmp_path / "frame.png")
    assert os.listdir(tmp_path) == ["broken.mp4"]


def test_last_frame_png_is_ready_to_upload(clip: MakeClip, tmp_path: Path) -> None:
    out = last_frame_png(clip(ClipSpec(width=320, height=176)), tmp_path / "last.png")
    assert out == tmp_path / "last.png"
    data = out.read_bytes()
    assert image_content_type(data[:16]) == "image/png"
    assert len(data) <= MAX_UPLOAD_BYTES
    with Image.open(out) as saved:
        assert saved.size == (320, 176)
        assert read_frame_number(saved) == 47


def test_last_frame_png_too_big_becomes_a_jpeg_within_the_limit(
    clip: MakeClip, tmp_path: Path
) -> None:
    source = clip(NOISY)
    png_size = len(_png(last_frame(source)))
    limit = png_size // 3  # the PNG does not fit; a JPEG of the same frame does
    out = last_frame_png(source, tmp_path / "last.png", max_bytes=limit)
    assert out == tmp_path / "last.jpg"
    data = out.read_bytes()
    assert image_content_type(data[:16]) == "image/jpeg"
    assert len(data) <= limit
    with Image.open(out) as saved:
        assert saved.size == (
            NOISY.width,
            NOISY.height,
        )  # full size still: only the quality gave way
        assert read_frame_number(saved) == 47
    assert sorted(os.listdir(tmp_path)) == ["last.jpg"]


def test_last_frame_png_shrinks_the_jpeg_only_when_it_must(clip: MakeClip, tmp_path: Path) -> None:
    out = last_frame_png(clip(NOISY), tmp_path / "l.png", max_bytes=6000)
    assert out.suffix == ".jpg"
    assert len(out.read_bytes()) <= 6000
    with Image.open(out) as saved:
        assert saved.width < 320


def test_frames_from_many_threads_at_once(clip: MakeClip) -> None:
    path = clip(ClipSpec(bframes=2))
    results: dict[int, int] = {}
    errors: list[BaseException] = []

    def grab(index: int) -> None:
        try:
            results[index] = read_frame_number(frame_at(path, index / 24))
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=grab, args=(i,)) for i in range(0, 48, 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert results == {i: i for i in range(0, 48, 3)}


def _png(image: Image.Image) -> bytes:
    import io

    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()
