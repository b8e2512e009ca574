"""The media engine stays below the window: no Qt, no numpy, nothing above it.

It runs in a fresh interpreter, because the test process itself has Qt and
numpy loaded; numpy is a test-only dependency the desktop package leaves out.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import json, sys
import app.media
import app.media.export, app.media.frames, app.media.scrub
print(json.dumps(sorted(sys.modules)))
"""


def test_the_media_engine_imports_no_qt_no_numpy_and_no_higher_layer() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    tops = {name.split(".")[0] for name in loaded}
    assert "numpy" not in tops
    assert not {"PySide6", "shiboken6", "qasync"} & tops
    framecast = {name for name in loaded if name.startswith("app.")}
    assert {n for n in framecast if not n.startswith(("app.media", "app.store"))} == set()
    assert "app.store.paths" in framecast
