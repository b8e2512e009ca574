"""Scrub strips: evenly spaced thumbnails from one pass, and their disk cache."""

from __future__ import annotations

import os
import shutil
import stat
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app.media import ScrubCache, UnreadableVideoError, scrub, scrub_frames
from tests.support.media import ClipSpec, read_frame_number
from tests.unit.media.conftest import CONTAINER_IDS, CONTAINERS, MakeClip

#: 96 frames, keyframes every 24: long GOPs (the decoder runs through) and
#: short ones (it jumps ahead) in the tests below.
LONG = ClipSpec(frames=96, gop=24, width=320, height=192)


def _numbers(strip: scrub.ScrubStrip) -> list[int]:
    return [read_frame_number(frame) for frame in strip.frames]


def _even(count: int, frames: int) -> list[int]:
    return [round(i * (frames - 1) / (count - 1)) for i in range(count)]


@pytest.mark.parametrize("spec", CONTAINERS, ids=CONTAINER_IDS)
def test_thumbnails_are_evenly_spaced_from_first_to_last(clip: MakeClip, spec: ClipSpec) -> None:
    strip = scrub_frames(clip(spec), 9, 80)
    assert _numbers(strip) == _even(9, spec.frames)  # 0, 6, 12 ... 47
    assert strip.duration == pytest.approx(spec.seconds, abs=0.002)


@pytest.mark.parametrize("gop", [4, 24, 96])
@pytest.mark.parametrize("bframes", [0, 2])
def test_exact_frames_whether_the_decoder_runs_through_or_jumps(
    clip: MakeClip, gop: int, bframes: int
) -> None:
    # Keyframes every 4 frames: it jumps from thumbnail to thumbnail; every 96:
    # it decodes through, leaving out the B-frames no thumbnail shows.
    spec = ClipSpec(frames=96, gop=gop, bframes=bframes, width=320, height=192)
    strip = scrub_frames(clip(spec), 12, 80)
    assert _numbers(strip) == _even(12, 96)
    assert [round(t * spec.fps) for t in strip.times] == _even(12, 96)


@pytest.mark.parametrize(("gop", "passes"), [(96, 1), (48, 2), (4, 4)])
def test_one_pass_through_long_gops_a_jump_per_thumbnail_on_short_ones(
    clip: MakeClip, monkeypatch: pytest.MonkeyPatch, gop: int, passes: int
) -> None:
    starts: list[int] = []
    real = scrub.decode_from

    def counting(*args: Any, **kwargs: Any) -> Any:
        starts.append(args[2].pts)
        return real(*args, **kwargs)

    monkeypatch.setattr(scrub, "decode_from", counting)
    # Thumbnails of frames 0, 32, 63 and 95: with a keyframe every 4 frames the
    # decoder jumps to each one's keyframe instead of decoding ~30 frames between.
    strip = scrub_frames(clip(ClipSpec(frames=96, gop=gop, width=320, height=192)), 4, 80)
    assert _numbers(strip) == [0, 32, 63, 95]
    assert len(starts) == passes
    assert starts == sorted(starts)


def test_thumbnails_are_the_width_asked_with_the_video_s_shape(clip: MakeClip) -> None:
    strip = scrub_frames(clip(LONG), 5, 100)
    assert {frame.size for frame in strip.frames} == {(100, 60)}
    assert {frame.mode for frame in strip.frames} == {"RGB"}


def test_more_thumbnails_than_frames_repeat_frames(clip: MakeClip) -> None:
    spec = ClipSpec(frames=10, gop=5)
    assert _numbers(scrub_frames(clip(spec), 30, 80)) == _even(30, 10)


def test_one_thumbnail_is_the_middle_frame(clip: MakeClip) -> None:
    assert _numbers(scrub_frames(clip(LONG), 1, 80)) == [47]


def test_the_pointer_picks_the_thumbnail_under_it(clip: MakeClip) -> None:
    strip = scrub_frames(clip(LONG), 10, 40)
    assert [strip.index_at(f) for f in (-1.0, 0.0, 0.05, 0.5, 0.99, 1.0, 2.0)] == [
        0, 0, 0, 5, 9, 9, 9,
    ]  # fmt: skip


def test_a_strip_of_an_unreadable_file_is_a_typed_error(tmp_path: Path) -> None:
    (tmp_path / "x.mp4").write_bytes(b"junk" * 100)
    with pytest.raises(UnreadableVideoError):
        scrub_frames(tmp_path / "x.mp4", 10, 80)


def test_a_strip_needs_a_thumbnail_and_a_width(clip: MakeClip) -> None:
    with pytest.raises(ValueError):
        scrub_frames(clip(LONG), 0, 80)
    with pytest.raises(ValueError):
        scrub_frames(clip(LONG), 5, 0)


# --------------------------------------------------------------------------- cache


class CountingExtraction:
    """scrub_frames, counting its calls (to prove a hit decodes nothing)."""

    def __init__(self) -> None:
        self.calls = 0
        self._real = scrub.scrub_frames
        self._lock = threading.Lock()

    def __call__(self, path: Path, count: int, width: int) -> scrub.ScrubStrip:
        with self._lock:
            self.calls += 1
        return self._real(path, count, width)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> CountingExtraction:
    counter = CountingExtraction()
    monkeypatch.setattr(scrub, "scrub_frames", counter)
    return counter


@pytest.fixture
def video(clip: MakeClip, tmp_path: Path) -> Path:
    """A private copy of a clip, free to touch."""
    return Path(shutil.copy(clip(LONG), tmp_path / "video.mp4"))


def test_a_second_request_comes_from_disk(
    video: Path, tmp_path: Path, counting: CountingExtraction
) -> None:
    first = ScrubCache(tmp_path / "cache").strip(video, 8, 80)
    again = ScrubCache(tmp_path / "cache").strip(video, 8, 80)  # a new instance: disk only
    assert counting.calls == 1
    assert again.times == first.times
    assert again.duration == first.duration
    assert _numbers(again) == _numbers(first)
    assert [f.size for f in again.frames] == [f.size for f in first.frames]


def test_entries_are_private_and_named_by_a_hash(video: Path, tmp_path: Path) -> None:
    cache = ScrubCache(tmp_path / "cache")
    cache.strip(video, 8, 80)
    (entry,) = (tmp_path / "cache").iterdir()
    assert entry.name == f"{cache.key(video, 8, 80)}.jpg"
    assert "video" not in entry.name
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_a_changed_file_or_another_shape_is_a_miss(
    video: Path, tmp_path: Path, counting: CountingExtraction
) -> None:
    cache = ScrubCache(tmp_path / "cache")
    cache.strip(video, 8, 80)
    cache.strip(video, 8, 120)
    cache.strip(video, 12, 80)
    assert counting.calls == 3
    later = time.time() + 5
    os.utime(video, (later, later))  # the file was replaced by another render
    cache.strip(video, 8, 80)
    assert counting.calls == 4


def test_a_damaged_entry_is_dropped_and_rebuilt(
    video: Path, tmp_path: Path, counting: CountingExtraction
) -> None:
    cache = ScrubCache(tmp_path / "cache")
    cache.strip(video, 8, 80)
    entry = tmp_path / "cache" / f"{cache.key(video, 8, 80)}.jpg"
    entry.write_bytes(entry.read_bytes()[:200])
    strip = cache.strip(video, 8, 80)
    assert counting.calls == 2
    assert len(strip.frames) == 8
    assert _numbers(cache.strip(video, 8, 80)) == _numbers(strip)
    assert counting.calls == 2


def test_the_cache_stays_under_its_size_dropping_the_least_recently_used(
    clip: MakeClip, tmp_path: Path, counting: CountingExtraction
) -> None:
    videos = [Path(shutil.copy(clip(LONG), tmp_path / f"v{i}.mp4")) for i in range(6)]
    cache = ScrubCache(tmp_path / "cache")

    def entry(i: int) -> Path:
        return tmp_path / "cache" / f"{cache.key(videos[i], 16, 80)}.jpg"

    def write(i: int) -> None:
        cache.strip(videos[i], 16, 80)
        stamp = time.time() - 100 + i  # written in order, a second apart
        os.utime(entry(i), (stamp, stamp))

    write(0)
    cache.max_bytes = int(entry(0).stat().st_size * 3.5)  # room for three
    write(1)
    write(2)
    cache.strip(videos[1], 16, 80)  # a hit: v1 is now the most recently used
    assert counting.calls == 3
    for i in (3, 4, 5):
        write(i)
    kept = [i for i in range(6) if entry(i).exists()]
    assert kept == [1, 4, 5]
    assert sum(f.stat().st_size for f in (tmp_path / "cache").iterdir()) <= cache.max_bytes


def test_leftovers_of_a_crashed_writer_are_cleared(video: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    stale, fresh = folder / ".abc.1234.part.jpg", folder / ".def.5678.part.jpg"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    ScrubCache(folder).strip(video, 4, 40)
    assert not stale.exists()
    assert fresh.exists()  # another process may be writing it right now


def test_threads_asking_for_one_strip_decode_it_once(
    video: Path, tmp_path: Path, counting: CountingExtraction
) -> None:
    cache = ScrubCache(tmp_path / "cache")
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            results.append(_numbers(cache.strip(video, 10, 80)))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert counting.calls == 1
    assert len(results) == 6 and all(r == results[0] for r in results)
    assert cache._locks == {}  # nothing kept per clip once nobody waits


def test_caches_sharing_a_folder_only_ever_read_whole_entries(
    clip: MakeClip, tmp_path: Path
) -> None:
    # Two caches (as two processes would be) write and read the same entries
    # concurrently: every read is a whole strip, never a torn file.
    videos = [Path(shutil.copy(clip(LONG), tmp_path / f"v{i}.mp4")) for i in range(3)]
    caches = [ScrubCache(tmp_path / "cache"), ScrubCache(tmp_path / "cache")]
    errors: list[BaseException] = []
    lengths: list[int] = []

    def work(cache: ScrubCache) -> None:
        try:
            for _ in range(3):
                for path in videos:
                    lengths.append(len(cache.strip(path, 6, 60).frames))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c,)) for c in caches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert lengths == [6] * 18
    assert not [f for f in (tmp_path / "cache").iterdir() if ".part" in f.name]


def test_a_cache_that_cannot_be_written_still_gives_the_strip(video: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    strip = ScrubCache(blocker / "cache").strip(video, 4, 40)
    assert len(strip.frames) == 4


def test_the_default_cache_lives_in_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FRAMECAST_DATA_DIR", str(tmp_path / "data"))
    assert ScrubCache.default().folder == tmp_path / "data" / "scrub-cache"
