"""Numbered clips for the media engine's tests, each encoded once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.media import ClipSpec, make_numbered_video

_SUFFIXES = {"mp4": ".mp4", "mp4-fragmented": ".mp4", "mpegts": ".ts", "webm": ".webm"}

MakeClip = Callable[[ClipSpec], Path]


@pytest.fixture(scope="session")
def clip(tmp_path_factory: pytest.TempPathFactory) -> MakeClip:
    """`clip(spec)`: the path of a numbered clip made to `spec` (shared, read-only:
    tests that change a file copy it first)."""
    folder = tmp_path_factory.mktemp("clips")
    made: dict[ClipSpec, Path] = {}

    def make(spec: ClipSpec) -> Path:
        if spec not in made:
            path = folder / f"clip{len(made)}{_SUFFIXES[spec.container]}"
            made[spec] = make_numbered_video(path, spec)
        return made[spec]

    return make


#: The shapes every exactness test runs on: H.264 with and without B-frames
#: in an MP4, a fragmented MP4 and an MPEG-TS (neither has a duration in its
#: header), and VP9 in WebM.
CONTAINERS = [
    ClipSpec(bframes=2),
    ClipSpec(bframes=0),
    ClipSpec(bframes=2, container="mp4-fragmented"),
    ClipSpec(bframes=2, container="mpegts"),
    ClipSpec(codec="libvpx-vp9", container="webm", bframes=0),
]
CONTAINER_IDS = ["mp4-bframes", "mp4-no-bframes", "fragmented-mp4", "mpegts", "webm-vp9"]
