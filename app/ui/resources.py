"""Where the window finds its stylesheet, translations and icons.

`app.resources_path` knows the three layouts (source checkout, installed
wheel, PyInstaller bundle); a broken install falls back to the checkout
layout so a missing stylesheet or translation degrades the look, never the
start-up (each loader logs what it did not find).
"""

from __future__ import annotations

import logging
from pathlib import Path

import app
from app.resources_path import resources_dir as _installed_resources_dir

log = logging.getLogger("framecast.ui")


def resources_dir() -> Path:
    """The directory holding `style/`, `translations/` and `icons/`."""
    try:
        return _installed_resources_dir()
    except FileNotFoundError as exc:
        log.warning("%s", exc)
        return Path(app.__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
