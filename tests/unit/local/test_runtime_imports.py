"""The app runs without numpy: the desktop package leaves it out to stay small.

numpy is still installed for the tests, so an import of it anywhere in the
runtime code would go unnoticed without this check; it runs in a fresh
interpreter because the test process itself has numpy loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
RUNTIME_MODULES = (
    "app.local.server",
    "app.local.renderer",
    "app.local.worker",
    "app.engine.manager",
    "app.engine.downloader",
    "app.cli.commands",
    "app.cli",
)
PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps({"imported": [n for n in sys.argv[1:] if n in sys.modules],
                  "numpy": sorted(m for m in sys.modules if m.split(".")[0] == "numpy")}))
"""


def test_runtime_modules_do_not_import_numpy() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *RUNTIME_MODULES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    assert loaded["imported"] == list(RUNTIME_MODULES)
    assert loaded["numpy"] == []
