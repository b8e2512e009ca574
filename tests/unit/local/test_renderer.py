"""The procedural renderer: real MP4s of the asked size, rate and length, deterministic."""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from app.local.renderer import (
    RenderCancelled,
    RenderSpec,
    SourceImageError,
    base_hue,
    hsv_colour,
    iter_frames,
    render_video,
)

SMALL = RenderSpec(
    prompt="a red fox jumps over the moon",
    width=192,
    height=108,
    fps=24,
    duration=1,
    seed=7,
    style="neon",
)


def decode(path: Path) -> tuple[list[np.ndarray], Fraction, float]:
    """Every frame as RGB, the stream's frame rate, and its duration in seconds."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(stream)]
        rate = Fraction(stream.average_rate)
        assert stream.duration is not None and stream.time_base is not None
        seconds = float(stream.duration * stream.time_base)
    return frames, rate, seconds


def pixels(spec: RenderSpec) -> list[np.ndarray]:
    """Every frame `iter_frames` draws, as an RGB array to compare pixels with."""
    return [np.asarray(frame) for frame in iter_frames(spec)]


def render(tmp_path: Path, spec: RenderSpec, name: str = "clip") -> tuple[Path, Path]:
    video, poster = tmp_path / f"{name}.mp4", tmp_path / f"{name}.jpg"
    render_video(spec, video, poster)
    return video, poster


@pytest.mark.parametrize("fps", [24, 30, 60])
def test_video_has_requested_size_rate_and_duration(tmp_path: Path, fps: int) -> None:
    spec = dataclasses.replace(SMALL, fps=fps, duration=2)
    video, _ = render(tmp_path, spec)
    frames, rate, seconds = decode(video)
    assert len(frames) == fps * 2
    assert rate == fps
    assert seconds == pytest.approx(2.0, abs=0.5 / fps)
    assert frames[0].shape == (108, 192, 3)


def test_hd_video_is_1280x720(tmp_path: Path) -> None:
    spec = RenderSpec(
        prompt="ocean waves at dawn", width=1280, height=720, fps=24, duration=1, seed=3
    )
    video, poster = render(tmp_path, spec)
    frames, rate, _ = decode(video)
    assert (len(frames), rate, frames[0].shape) == (24, 24, (720, 1280, 3))
    with Image.open(poster) as img:
        assert img.size == (1280, 720)


def test_stream_is_h264_yuv420p(tmp_path: Path) -> None:
    video, _ = render(tmp_path, SMALL)
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"


def test_frames_are_rgb_pictures_of_the_requested_size() -> None:
    frames = list(iter_frames(SMALL))
    assert len(frames) == 24
    assert {(f.mode, f.size) for f in frames} == {("RGB", (192, 108))}


def test_same_seed_draws_identical_frames() -> None:
    first = pixels(SMALL)
    second = pixels(dataclasses.replace(SMALL))
    assert len(first) == len(second) == 24
    assert all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))


def test_same_seed_encodes_identical_videos(tmp_path: Path) -> None:
    frames_a, _, _ = decode(render(tmp_path, SMALL, "a")[0])
    frames_b, _, _ = decode(render(tmp_path, SMALL, "b")[0])
    assert len(frames_a) == len(frames_b) == 24
    assert all(np.array_equal(a, b) for a, b in zip(frames_a, frames_b, strict=True))


@pytest.mark.parametrize(
    "change", [{"seed": 8}, {"prompt": "a blue whale sings"}, {"style": "pastel"}]
)
def test_seed_prompt_or_style_change_the_frames(change: dict[str, object]) -> None:
    other = dataclasses.replace(SMALL, **change)  # type: ignore[arg-type]
    base_last = pixels(SMALL)[-1]
    other_last = pixels(other)[-1]
    assert np.abs(base_last.astype(int) - other_last.astype(int)).mean() > 2.0


def test_prompt_colour_word_sets_the_palette() -> None:
    assert base_hue("A Crimson tide") == 350
    assert base_hue("a quiet lake") == base_hue("  A quiet LAKE ")
    assert hsv_colour(0, 1.0, 1.0) == (255, 0, 0)
    assert hsv_colour(360 + 240, 2.0, 1.0) == (0, 0, 255)  # hue wraps, saturation clamps

    def redness(prompt: str) -> float:
        last = pixels(dataclasses.replace(SMALL, prompt=prompt, style="cinematic"))[-1]
        return float(last[..., 0].astype(int).mean() - last[..., 2].astype(int).mean())

    assert redness("a red balloon") > redness("a blue balloon") + 20


def test_frames_move_over_time() -> None:
    frames = pixels(SMALL)
    assert not np.array_equal(frames[0], frames[-1])
    assert not np.array_equal(frames[10], frames[11])


def test_prompt_words_are_drawn() -> None:
    spec = dataclasses.replace(SMALL, width=640, height=360, style="noir")
    with_text = pixels(spec)[-1]
    without = pixels(dataclasses.replace(spec, prompt=""))[-1]

    def white(frame: np.ndarray) -> int:
        return int((frame.min(axis=2) > 245).sum())

    # White letters with dark outlines: hundreds of pure-white pixels appear.
    assert white(with_text) > white(without) + 500


def test_poster_is_a_jpeg(tmp_path: Path) -> None:
    _, poster = render(tmp_path, SMALL)
    assert poster.read_bytes()[:3] == b"\xff\xd8\xff"
    with Image.open(poster) as img:
        assert img.format == "JPEG"
        assert img.size == (192, 108)


def test_progress_counts_every_frame(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    render_video(
        SMALL,
        tmp_path / "v.mp4",
        tmp_path / "p.jpg",
        on_progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(i, 24) for i in range(1, 25)]


def test_stopping_leaves_no_files(tmp_path: Path) -> None:
    calls = iter(range(100))
    with pytest.raises(RenderCancelled):
        render_video(
            SMALL, tmp_path / "v.mp4", tmp_path / "p.jpg", should_stop=lambda: next(calls) >= 5
        )
    assert list(tmp_path.iterdir()) == []


def make_picture(path: Path, size: tuple[int, int] = (300, 200)) -> Path:
    gradient = np.zeros((size[1], size[0], 3), np.uint8)
    gradient[..., 0] = np.linspace(0, 255, size[0], dtype=np.uint8)[None, :]
    gradient[..., 1] = np.linspace(0, 255, size[1], dtype=np.uint8)[:, None]
    gradient[50:100, 100:150] = (255, 255, 0)
    Image.fromarray(gradient).save(path)
    return path


def test_image_to_video_animates_the_picture(tmp_path: Path) -> None:
    spec = dataclasses.replace(
        SMALL, source_image=make_picture(tmp_path / "src.png"), prompt="zoom"
    )
    video, _ = render(tmp_path, spec)
    frames, rate, _ = decode(video)
    assert (len(frames), rate, frames[0].shape) == (24, 24, (108, 192, 3))
    assert not np.array_equal(frames[0], frames[-1])
    # The picture's red-to-right gradient survives the style's light tint.
    assert frames[0][:, -20:, 0].mean() > frames[0][:, :20, 0].mean() + 60


def test_truncated_picture_fails_readably(tmp_path: Path) -> None:
    good = tmp_path / "src.jpg"
    Image.fromarray(np.full((200, 300, 3), 120, np.uint8)).save(good, quality=95)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(good.read_bytes()[:400])
    spec = dataclasses.replace(SMALL, source_image=broken)
    with pytest.raises(SourceImageError, match="could not be read"):
        render_video(spec, tmp_path / "v.mp4", tmp_path / "p.jpg")
    assert not (tmp_path / "v.mp4").exists()


def test_missing_picture_fails_readably(tmp_path: Path) -> None:
    spec = dataclasses.replace(SMALL, source_image=tmp_path / "gone.png")
    with pytest.raises(SourceImageError, match="no longer on disk"):
        render_video(spec, tmp_path / "v.mp4", tmp_path / "p.jpg")
