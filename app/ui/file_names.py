"""Where the window puts what a creator saves, and under which readable names.

Copies of videos go to the Videos folder, frames to the Pictures folder
(each the creator's home folder where the system has none), named after the
prompt's first words and the date. `free_path` finds a name not yet taken
("… (2).png"), so a one-click save never replaces a file; whoever writes
still refuses to overwrite (app.media.files), in case another program takes
the name meanwhile.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths

NAME_WORDS = 8  # prompt words in a suggested file name
#: How many numbered names `free_path` tries before giving up.
FREE_NAME_TRIES = 1000


def name_stem(title: str) -> str:
    """The prompt's first words, safe in a file name on every system."""
    words = re.sub(r"[^\w\s-]", " ", title).split()[:NAME_WORDS]
    return " ".join(words)[:80].strip() or "Framecast video"


def suggested_file_name(title: str, day: date, extension: str = "mp4") -> str:
    """A readable name for a copy: the prompt's first words and the date."""
    return f"{name_stem(title)} {day.isoformat()}.{extension}"


def frame_file_name(title: str, day: date, seconds: float) -> str:
    """A readable name for a still: the prompt's words, the date and where in
    the video it was taken ("… 2026-12-01 0m03.25s.png")."""
    minutes, secs = divmod(max(0.0, seconds), 60)
    return f"{name_stem(title)} {day.isoformat()} {int(minutes)}m{secs:05.2f}s.png"


def _location(kind: QStandardPaths.StandardLocation) -> Path:
    location = QStandardPaths.writableLocation(kind)
    return Path(location) if location else Path.home()


def videos_folder() -> Path:
    """The creator's Videos folder (their home folder where the system has none)."""
    return _location(QStandardPaths.StandardLocation.MoviesLocation)


def pictures_folder() -> Path:
    """The creator's Pictures folder (their home folder where the system has none)."""
    return _location(QStandardPaths.StandardLocation.PicturesLocation)


def free_path(folder: Path, name: str) -> Path:
    """`folder / name`, or the first of "stem (2).ext", "stem (3).ext", … not taken."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    for number in range(2, FREE_NAME_TRIES + 2):
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
        candidate = folder / f"{stem} ({number}){suffix}"
    raise FileExistsError(folder / name)
