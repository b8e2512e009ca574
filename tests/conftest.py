"""Fixtures shared by every test area.

`local_server` runs the real built-in renderer (`python -m app serve`) as a
child process on loopback, exactly as the app and the CLI start it.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.support.fixtures"]


@dataclass
class LocalServer:
    url: str
    token: str
    data_dir: Path | None
    process: subprocess.Popen[str]
    output: list[str]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_local_server(
    data_dir: Path | None, *extra_args: str, token: str | None = None
) -> LocalServer:
    """Start `framecast serve --port 0` and wait for its `listening on` line.
    Without `data_dir`, no `--data-dir`: the server finds its folder itself."""
    token = token or secrets.token_urlsafe(16)
    folder = ["--data-dir", str(data_dir)] if data_dir is not None else []
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "serve",
            "--port",
            "0",
            f"--token={token}",  # one argument: a token may start with "-"
            *folder,
            *extra_args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    output: list[str] = []
    ready = threading.Event()
    url: list[str] = []

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line)
            if not ready.is_set() and line.startswith("listening on "):
                url.append(line.split("listening on ", 1)[1].strip())
                ready.set()
        ready.set()

    threading.Thread(target=pump, daemon=True).start()
    if not ready.wait(60) or not url:
        proc.kill()
        raise RuntimeError("local server did not start:\n" + "".join(output))
    return LocalServer(url[0], token, data_dir, proc, output)


@pytest.fixture(scope="session")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """One built-in renderer for the whole session (tests must not depend on its history)."""
    server = start_local_server(tmp_path_factory.mktemp("local-server"))
    yield server
    server.stop()


@pytest.fixture
def fresh_local_server(tmp_path: Path) -> Iterator[LocalServer]:
    """A built-in renderer of this test's own."""
    server = start_local_server(tmp_path / "server")
    yield server
    server.stop()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated FRAMECAST_DATA_DIR (history, videos) for one test."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("FRAMECAST_DATA_DIR", str(d))
    return d
