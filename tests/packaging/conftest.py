"""Options and fixtures for the packaging tests.

The frozen-build tests run only when asked (`pytest tests/packaging
--run-package`, as `make package-check` does, or `FRAMECAST_PACKAGE_CHECK=1`)
or when an up-to-date build already sits in `dist/framecast/`. Asked, they
build the package first if it is missing or older than the sources.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST_DIR = ROOT / "dist" / "framecast"
FROZEN_EXE = DIST_DIR / ("framecast.exe" if os.name == "nt" else "framecast")
SOURCE_DIRS = ("app", "packaging", "resources")
BUILD_TIMEOUT_S = 1800


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-package",
        action="store_true",
        default=False,
        help="build the PyInstaller package if needed and test the frozen app",
    )


def package_check_requested(config: pytest.Config) -> bool:
    flag = bool(config.getoption("--run-package", default=False))
    return flag or os.environ.get("FRAMECAST_PACKAGE_CHECK", "") not in ("", "0")


def newest_source_mtime() -> float:
    newest = 0.0
    for name in SOURCE_DIRS:
        for path in (ROOT / name).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


def build_is_current() -> bool:
    return FROZEN_EXE.is_file() and FROZEN_EXE.stat().st_mtime >= newest_source_mtime()


def build_package() -> None:
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    if result.returncode != 0:
        pytest.fail(
            f"packaging/build.sh failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )


@pytest.fixture(scope="session")
def frozen_app(request: pytest.FixtureRequest) -> Path:
    """The frozen `framecast` executable, built first when asked and needed."""
    if package_check_requested(request.config):
        if not build_is_current():
            build_package()
    elif not FROZEN_EXE.is_file():
        pytest.skip("no dist/framecast build (run `make package-check` or pass --run-package)")
    elif not build_is_current():
        pytest.skip("dist/framecast is older than the sources (run `make package-check`)")
    assert FROZEN_EXE.is_file(), f"the build produced no {FROZEN_EXE}"
    return FROZEN_EXE
