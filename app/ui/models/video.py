"""A finished video as the player opens it: the local file, its poster, its title, its link."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Video:
    path: Path
    poster: Path | None = None
    title: str = ""
    url: str | None = None  # the service's link, for Copy link; never played
