"""Where the window finds its stylesheet, translations and icons.

The packaging helper may provide `app.resources_path`; when it does not exist
(a plain checkout), resources sit next to the package in `resources/`, and in
an installed wheel they are force-included as `app/resources`.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import app


def resources_dir() -> Path:
    """The directory holding `style/`, `translations/` and `icons/`."""
    try:
        module = importlib.import_module("app.resources_path")
    except ImportError:
        module = None
    if module is not None:
        finder = getattr(module, "resources_dir", None) or getattr(module, "resources_path", None)
        if callable(finder):
            found = finder()
            if found is not None:
                return Path(found)
    package_dir = Path(app.__file__).resolve().parent
    for candidate in (package_dir / "resources", package_dir.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return package_dir.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
