"""The queue under Xvfb at 1280x720, in English and Russian: one video
rendering, three waiting, a fourth prompt in the form (tests/ui/screenshot_queue.py).
The PNGs go to tests/artifacts/queue (git-ignored) for a person to look at."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.ui.test_xvfb_screenshots import ROOT, assert_not_blank

OUT = ROOT / "tests" / "artifacts" / "queue"


@pytest.mark.xvfb
@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(
    shutil.which("xvfb-run") is None or shutil.which("Xvfb") is None,
    reason="Xvfb/xvfb-run is not installed (apt-get install xvfb xauth)",
)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_queue_with_three_waiting_under_xvfb(tmp_path: Path, language: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{language}-1280x720-queue.png"
    path.unlink(missing_ok=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "FRAMECAST_DATA_DIR": str(tmp_path / "data"),
        "FRAMECAST_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("SUPERDUPERAI_URL", None)
    env.pop("SUPERDUPERAI_TOKEN", None)
    result = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x720x24",
            sys.executable,
            "-m",
            "tests.ui.screenshot_queue",
            str(OUT),
            "--size",
            "1280x720",
            "--language",
            language,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert_not_blank(path)
    with Image.open(path) as image:
        assert image.size == (1280, 720), image.size
