"""The queue under Xvfb at 1280x720, in English and Russian: one video
rendering, three waiting, a fourth prompt in the form (tests/ui/screenshot_queue.py).
The PNGs go to tests/artifacts/queue (git-ignored) for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.ui.test_xvfb_screenshots import ROOT, assert_not_blank, needs_xvfb, run_under_xvfb

OUT = ROOT / "tests" / "artifacts" / "queue"


@pytest.mark.xvfb
@pytest.mark.slow
@pytest.mark.timeout(300)
@needs_xvfb
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_queue_with_three_waiting_under_xvfb(tmp_path: Path, language: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{language}-1280x720-queue.png"
    path.unlink(missing_ok=True)
    result = run_under_xvfb(
        "tests.ui.screenshot_queue",
        [str(OUT), "--size", "1280x720", "--language", language],
        tmp_path,
        "1280x720",
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert_not_blank(path)
    with Image.open(path) as image:
        assert image.size == (1280, 720), image.size
