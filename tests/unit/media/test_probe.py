"""The packet index: true frame times, keyframes and end, whatever the header says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.media import UnreadableVideoError, probe
from tests.support.media import ClipSpec
from tests.unit.media.conftest import CONTAINER_IDS, CONTAINERS, MakeClip


@pytest.mark.parametrize("spec", CONTAINERS, ids=CONTAINER_IDS)
def test_every_frame_and_the_true_duration_are_found(clip: MakeClip, spec: ClipSpec) -> None:
    info = probe(clip(spec))
    assert info.frame_count == spec.frames
    assert info.duration == pytest.approx(spec.seconds, abs=0.002)
    assert (info.width, info.height) == (spec.width, spec.height)
    assert info.time_of(info.frame_pts[0]) == 0.0
    assert info.keyframe_times == pytest.approx(
        [i / spec.fps for i in range(0, spec.frames, spec.gop)], abs=0.002
    )


def test_b_frames_show_as_frames_stored_out_of_order(clip: MakeClip) -> None:
    assert probe(clip(ClipSpec(bframes=2))).reordered
    assert not probe(clip(ClipSpec(bframes=0))).reordered


def test_the_container_start_offset_is_not_part_of_the_times(clip: MakeClip) -> None:
    # MPEG-TS starts its clock well above zero; times still count from the first frame.
    info = probe(clip(ClipSpec(container="mpegts")))
    assert info.origin > 0
    assert info.frame_index_at(0.0) == 0
    assert info.frame_index_at(1 / 24) == 1


def test_the_sound_codec_is_reported(clip: MakeClip) -> None:
    assert probe(clip(ClipSpec(audio=True))).audio_codec == "aac"
    assert probe(clip(ClipSpec())).audio_codec is None


def test_a_file_cut_short_keeps_the_frames_before_the_cut(clip: MakeClip, tmp_path: Path) -> None:
    whole = clip(ClipSpec(container="mpegts", frames=48))
    cut = tmp_path / "cut.ts"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    info = probe(cut)
    assert 5 < info.frame_count < 48


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.mp4", "does not exist"),
        (lambda p: p, "folder"),
        (
            lambda p: _write(p / "notes.mp4", b"not a video at all, just words\n" * 40),
            "not a video",
        ),
        (lambda p: _write(p / "empty.mp4", b""), "not a video"),
    ],
    ids=["missing", "folder", "text", "empty"],
)
def test_what_is_not_a_video_is_a_typed_error_saying_why(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(UnreadableVideoError) as caught:
        probe(path)
    assert caught.value.path == path
    assert reason in caught.value.reason
    assert path.name in caught.value.user_message


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
