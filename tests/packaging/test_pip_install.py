"""`pip install .` into a clean virtual environment gives a working Framecast.

The installed `framecast` and `python -m app` report the version from
app/__init__.py, numpy (a test-only dependency) is not pulled in, and the
installed `framecast generate` renders a clip on its own built-in renderer,
which also proves the wheel carries its resources. Runs with the other
package checks (`make package-check`, `--run-package`): it installs every
dependency from the package index, which takes a while.
"""

from __future__ import annotations

import json
import os
import subprocess
import venv
from pathlib import Path

import av
import pytest

from app import __version__
from tests.packaging.conftest import ROOT, package_check_requested
from tests.packaging.test_frozen import isolated_env

INSTALL_TIMEOUT_S = 900


@pytest.fixture(scope="module")
def installed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with `pip install .` done; returns its bin (Scripts) directory."""
    if not package_check_requested(request.config):
        pytest.skip("installs from the package index (run `make package-check`)")
    env_dir = tmp_path_factory.mktemp("clean-venv")
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    result = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return bin_dir


def test_installed_entry_points_report_the_version(installed: Path, tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    for argv in (
        [str(installed / "framecast"), "--version"],
        [str(installed / "python"), "-m", "app", "--version"],
    ):
        result = subprocess.run(
            argv, capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"framecast {__version__}"


def test_runtime_does_not_install_numpy(installed: Path) -> None:
    result = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "import importlib.util as u; "
            "print(u.find_spec('numpy') is None, u.find_spec('av') is not None)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["True", "True"], result.stderr


def test_installed_generate_renders_on_its_own_renderer(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "sunset.mp4"
    result = subprocess.run(
        [
            str(installed / "framecast"),
            "generate",
            "a golden sunset over the sea",
            "--duration",
            "2",
            "--resolution",
            "854x480",
            "--json",
            "--timeout",
            "120",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=isolated_env(tmp_path),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    last = json.loads(result.stdout.strip().splitlines()[-1])
    assert last["type"] == "result" and last["state"] == "completed", last
    with av.open(str(out)) as container:
        frames = list(container.decode(container.streams.video[0]))
    assert frames, "the saved clip holds no video frames"
    assert (frames[0].width, frames[0].height) == (854, 480)
