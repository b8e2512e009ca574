"""The built-in renderer child never outlives the app that started it.

A real app process starts a real `framecast serve` child through the
launcher, reports the child's pid, and is then killed outright (SIGKILL: no
cleanup code runs). The child must notice its parent pipe closing and stop.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.local import launcher, server

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals and pidfd")

ROOT = Path(__file__).resolve().parents[2]

APP = textwrap.dedent("""
    import asyncio, os, signal, sys
    from pathlib import Path
    from app.local.launcher import LocalRendererProcess

    async def main():
        async with LocalRendererProcess.start(Path(sys.argv[1]), workers=1) as renderer:
            print(renderer.process.pid, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    asyncio.run(main())
""")


def wait_for_exit(pid: int, timeout: float) -> bool:
    """True once process `pid` (not our child) has exited, waiting on a pidfd."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        readable, _, _ = select.select([fd], [], [], timeout)
        return bool(readable)
    finally:
        os.close(fd)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="needs pidfd_open (Linux 5.3+)")
def test_renderer_stops_when_the_app_is_killed(tmp_path: Path) -> None:
    app = subprocess.run(
        [sys.executable, "-c", APP, str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert app.returncode == -signal.SIGKILL, app.stderr
    renderer_pid = int(app.stdout.strip())
    try:
        assert wait_for_exit(renderer_pid, timeout=30), "the renderer outlived its app"
    finally:
        if pid_alive(renderer_pid):
            os.kill(renderer_pid, signal.SIGKILL)


def test_launcher_and_server_agree_on_the_parent_pipe_setting() -> None:
    assert launcher.PARENT_PIPE_ENV == server.PARENT_PIPE_ENV
    assert launcher.TOKEN_ENV == server.TOKEN_ENV
