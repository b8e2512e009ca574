"""How the built-in renderer child is started from each kind of installation.

The source/wheel case is exercised for real by the integration tests (they
start `python -m app serve`) and the frozen Linux case by tests/packaging;
these pin down the argv choice, including the Windows frozen layout that
cannot run here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.local import launcher


def test_source_install_runs_the_app_module() -> None:
    assert launcher.serve_command("--port", "0") == [
        sys.executable,
        "-m",
        "app",
        "serve",
        "--port",
        "0",
    ]


def test_frozen_linux_build_is_its_own_renderer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exe = tmp_path / "framecast"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(sys, "platform", "linux")
    assert launcher.serve_command("--port", "0") == [str(exe), "serve", "--port", "0"]
    assert launcher._no_console_window() == 0


def test_frozen_windows_window_starts_its_console_twin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exe = tmp_path / "framecast.exe"
    cli = tmp_path / launcher.WINDOWS_CLI_NAME
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(sys, "platform", "win32")
    # Without the twin, the window's own executable is the fallback.
    assert launcher.serve_command()[0] == str(exe)
    cli.write_bytes(b"")
    assert launcher.serve_command("--port", "0") == [str(cli), "serve", "--port", "0"]
