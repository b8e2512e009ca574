"""Where Framecast's `resources` folder lives: icons, stylesheet, translations, desktop
entry, and the font the built-in renderer draws prompts with (`fonts/`, used in its
worker processes too).

Three layouts exist, tried in this order:

1. a PyInstaller build: the spec copies `resources/` next to the bundled code,
   under `sys._MEIPASS` (the `_internal` folder of a one-folder build);
2. an installed wheel: pyproject force-includes `resources` as `app/resources`;
3. a source checkout (and an editable install): `resources/` beside `app/`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger("framecast.resources")

_PACKAGE_DIR = Path(__file__).resolve().parent


def candidate_dirs() -> list[Path]:
    """Every place `resources` may be, most specific first."""
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(_PACKAGE_DIR / "resources")
    candidates.append(_PACKAGE_DIR.parent / "resources")
    return candidates


def resources_dir() -> Path:
    """The `resources` folder of this installation.

    Raises FileNotFoundError naming every place looked in when there is none
    (a broken install), so the failure says what is missing.
    """
    candidates = candidate_dirs()
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"Framecast's resources folder is missing (looked in: {looked})")


def resource(*parts: str) -> Path:
    """A path inside the resources folder, such as `resource("icons", "framecast-256.png")`."""
    return resources_dir().joinpath(*parts)
