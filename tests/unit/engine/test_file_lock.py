"""`JobFileLock`: one holder at a time across processes, and a holder that
dies frees the lock at once (no stale lock to clean up by hand)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.engine.file_lock import JobFileLock, LockTimeout

HOLD = """
import asyncio, sys
from pathlib import Path
from app.engine.file_lock import JobFileLock

async def main():
    async with JobFileLock(Path(sys.argv[1]), wait_max=5):
        print("held", flush=True)
        await asyncio.sleep(600)

asyncio.run(main())
"""

ROOT = Path(__file__).resolve().parents[3]


def _holder(path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child


@pytest.mark.skipif(os.name != "posix", reason="kills the holder with SIGKILL")
def test_a_lock_held_by_another_process_waits_and_a_dead_holder_frees_it(tmp_path: Path) -> None:
    path = tmp_path / ".locks" / "v.mp4.lock"
    child = _holder(path)

    async def scenario() -> None:
        with pytest.raises(LockTimeout):
            async with JobFileLock(path, wait_max=0.3):
                pass
        child.send_signal(signal.SIGKILL)  # dies holding it
        lock = JobFileLock(path, wait_max=10)
        async with lock:
            assert lock.waited
            assert path.exists()
        assert not path.exists()  # the holder removes it on release

    try:
        asyncio.run(scenario())
    finally:
        child.kill()
        child.wait()


def test_two_holders_in_one_process_take_turns(tmp_path: Path) -> None:
    path = tmp_path / "v.lock"
    order: list[str] = []

    async def hold(name: str) -> None:
        async with JobFileLock(path, wait_max=10):
            order.append(f"{name} in")
            await asyncio.sleep(0.2)
            order.append(f"{name} out")

    async def scenario() -> None:
        await asyncio.gather(hold("a"), hold("b"))

    asyncio.run(scenario())
    assert order in (
        ["a in", "a out", "b in", "b out"],
        ["b in", "b out", "a in", "a out"],
    )
