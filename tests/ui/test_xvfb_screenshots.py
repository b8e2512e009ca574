"""End to end on a real X server: the window opens under Xvfb, a prompt is
rendered by the real local renderer and played, and screenshots of the main
states are saved to tests/artifacts/screenshots (git-ignored) for a person to
look at."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from tests.conftest import LocalServer

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "screenshots"
STATES = ("empty", "generating", "playing")


def assert_not_blank(path: Path) -> None:
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        assert rgb.width >= 1000 and rgb.height >= 600, rgb.size
        colours = rgb.getcolors(maxcolors=1 << 20)
        assert colours is None or len(colours) > 200, f"{path.name}: {len(colours)} colours"
        spread = ImageStat.Stat(rgb).stddev
        assert max(spread) > 8, f"{path.name} looks blank (stddev {spread})"


#: Skip where there is no X server to start.
needs_xvfb = pytest.mark.skipif(
    shutil.which("xvfb-run") is None or shutil.which("Xvfb") is None,
    reason="Xvfb/xvfb-run is not installed (apt-get install xvfb xauth)",
)


def run_under_xvfb(
    module: str, args: list[str], home: Path, screen: str, timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run a screenshot script (`python -m MODULE ARGS`) on its own Xvfb
    screen, with its own data and config folders and no cloud settings."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "FRAMECAST_DATA_DIR": str(home / "data"),
        "FRAMECAST_CONFIG_DIR": str(home / "config"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("SUPERDUPERAI_URL", None)
    env.pop("SUPERDUPERAI_TOKEN", None)
    return subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.xvfb
@pytest.mark.slow
@needs_xvfb
def test_real_window_under_xvfb_saves_screenshots(
    local_server: LocalServer, tmp_path: Path
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for state in STATES:
        (ARTIFACTS / f"{state}.png").unlink(missing_ok=True)
    result = run_under_xvfb(
        "tests.ui.screenshot_app",
        # a random token may start with "-"
        [str(ARTIFACTS), "--backend", local_server.url, f"--token={local_server.token}"],
        tmp_path,
        "1440x900",
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert local_server.token not in result.stdout + result.stderr
    for state in STATES:
        assert_not_blank(ARTIFACTS / f"{state}.png")


@pytest.mark.xvfb
@pytest.mark.slow
@pytest.mark.timeout(400)
@needs_xvfb
def test_the_small_screen_states_in_russian_under_xvfb(tmp_path: Path) -> None:
    """The hardest case of scripts/screenshots.sh: 1280x720 in Russian, on the
    window's own built-in renderer, through every state (first launch, two
    jobs, finished, offline when the renderer dies, recovered by itself)."""
    out = ARTIFACTS.parent / "states"
    out.mkdir(parents=True, exist_ok=True)
    states = ("first-launch", "two-jobs", "finished", "offline", "recovered")
    for state in states:
        (out / f"ru-1280x720-{state}.png").unlink(missing_ok=True)
    result = run_under_xvfb(
        "tests.ui.screenshot_states",
        [str(out), "--size", "1280x720", "--language", "ru", "--render-seconds", "6"],
        tmp_path,
        "1280x720",
        timeout=360,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    for state in states:
        path = out / f"ru-1280x720-{state}.png"
        assert_not_blank(path)
        with Image.open(path) as image:
            assert image.size == (1280, 720), image.size
