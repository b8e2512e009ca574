"""Starting the built-in renderer as a child process, for the CLI and the GUI.

    async with LocalRendererProcess.start() as renderer:
        client = ApiClient(renderer.url, renderer.token)

runs `framecast serve --port 0` (the same program, or the frozen executable
under PyInstaller) with a fresh random token, waits for its
`listening on http://HOST:PORT` line, keeps reading its output so it never
blocks on a full pipe, and stops it on exit: SIGTERM first, a kill after a
grace period. The token travels in the environment variable
`FRAMECAST_SERVE_TOKEN` rather than on the command line, so it never shows
in the process list; the server removes it from its environment at start.
Failures to start raise `LocalRendererError` in words a person can act on,
followed by the end of the child's output for whoever debugs it.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import secrets
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

log = logging.getLogger("framecast.local.launcher")

TOKEN_ENV = "FRAMECAST_SERVE_TOKEN"
# Set for a renderer started here: its stdin is a pipe from this process, and
# it stops by itself when that pipe closes, that is when this process exits or
# dies in any way (even SIGKILL), so a crashed app never leaves it running.
PARENT_PIPE_ENV = "FRAMECAST_SERVE_PARENT_PIPE"
START_TIMEOUT = 60.0
STOP_GRACE = 10.0
_READY_PREFIX = "listening on "
_TAIL_LINES = 40


class LocalRendererError(Exception):
    """The built-in renderer could not be started (or stopped on its own)."""


WINDOWS_CLI_NAME = "framecast-cli.exe"


def serve_command(*args: str) -> list[str]:
    """The argv that runs `framecast serve ARGS...` from this installation.

    Frozen, the executable is its own renderer. On Windows the frozen window
    (`framecast.exe`) is a GUI-subsystem program, so the console twin built
    next to it (`framecast-cli.exe`) serves instead: its output pipes behave
    like any console program's, and `CREATE_NO_WINDOW` keeps it invisible.
    """
    if getattr(sys, "frozen", False):
        executable = Path(sys.executable)
        if sys.platform == "win32" and (executable.parent / WINDOWS_CLI_NAME).is_file():
            executable = executable.parent / WINDOWS_CLI_NAME
        return [str(executable), "serve", *args]
    return [sys.executable, "-m", "app", "serve", *args]


def _no_console_window() -> int:
    """Process-creation flags that keep a Windows console child from opening a window."""
    return getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0


class LocalRendererProcess:
    """A running built-in renderer: its `url`, its `token`, and its process."""

    def __init__(
        self,
        process: asyncio.subprocess.Process,
        url: str,
        token: str,
        output: collections.deque[str],
        reader: asyncio.Task[None],
    ) -> None:
        self.process = process
        self.url = url
        self.token = token
        self._output = output
        self._reader = reader

    def __repr__(self) -> str:  # never show the token
        return f"LocalRendererProcess(url={self.url!r}, pid={self.process.pid})"

    @property
    def output_tail(self) -> str:
        """The last lines the renderer printed, for diagnostics."""
        return "".join(self._output)

    @classmethod
    @contextlib.asynccontextmanager
    async def start(
        cls,
        data_dir: Path | None = None,
        *,
        workers: int | None = None,
        timeout: float = START_TIMEOUT,
    ) -> AsyncIterator[LocalRendererProcess]:
        """Start a renderer, yield it once it accepts requests, stop it on exit."""
        renderer = await cls._launch(data_dir, workers, timeout)
        try:
            yield renderer
        finally:
            await renderer.stop()

    @classmethod
    async def _launch(
        cls, data_dir: Path | None, workers: int | None, timeout: float
    ) -> LocalRendererProcess:
        token = secrets.token_urlsafe(24)
        args = ["--port", "0"]
        if data_dir is not None:
            args += ["--data-dir", str(data_dir)]
        if workers is not None:
            args += ["--workers", str(workers)]
        env = {**os.environ, TOKEN_ENV: token, PARENT_PIPE_ENV: "1", "PYTHONUNBUFFERED": "1"}
        try:
            process = await asyncio.create_subprocess_exec(
                *serve_command(*args),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
                env=env,
                creationflags=_no_console_window(),
            )
        except OSError as exc:
            raise LocalRendererError(
                f"The built-in renderer could not be started: {exc.strerror or exc}."
            ) from exc
        output: collections.deque[str] = collections.deque(maxlen=_TAIL_LINES)
        ready: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        reader = asyncio.create_task(cls._read_output(process, output, ready))
        try:
            url = await asyncio.wait_for(asyncio.shield(ready), timeout)
        except (TimeoutError, LocalRendererError) as exc:
            renderer = cls(process, "", token, output, reader)
            await renderer.stop()
            if isinstance(exc, LocalRendererError):
                message = (
                    f"The built-in renderer stopped while starting (exit code "
                    f"{process.returncode})."
                )
            else:
                message = f"The built-in renderer did not start within {timeout:g} seconds."
            raise LocalRendererError(
                f"{message}\n--- renderer output ---\n{renderer.output_tail}"
            ) from None
        except BaseException:
            await cls(process, "", token, output, reader).stop()
            raise
        log.info("built-in renderer %d listening on %s", process.pid, url)
        return cls(process, url, token, output, reader)

    @staticmethod
    async def _read_output(
        process: asyncio.subprocess.Process,
        output: collections.deque[str],
        ready: asyncio.Future[str],
    ) -> None:
        assert process.stdout is not None
        while True:
            raw = await process.stdout.readline()
            if not raw:
                break
            line = raw.decode("utf-8", "replace")
            output.append(line)
            if not ready.done() and line.startswith(_READY_PREFIX):
                ready.set_result(line[len(_READY_PREFIX) :].strip())
            else:
                log.debug("renderer: %s", line.rstrip())
        await process.wait()
        if not ready.done():
            ready.set_exception(LocalRendererError("the renderer exited"))

    @property
    def running(self) -> bool:
        return self.process.returncode is None

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Ask the renderer to stop, kill it if it has not after `grace` seconds."""
        if self.process.returncode is None:
            # The polite request, on every platform: the renderer watches this pipe
            # and shuts down gracefully when it closes (a second request, such as
            # SIGTERM on top, would make it skip the graceful part).
            if self.process.stdin is not None:
                self.process.stdin.close()
            else:
                with contextlib.suppress(ProcessLookupError):
                    self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), grace)
            except TimeoutError:
                log.warning(
                    "built-in renderer %d did not stop in %gs; killing it", self.process.pid, grace
                )
                with contextlib.suppress(ProcessLookupError):
                    self.process.kill()
                await self.process.wait()
        with contextlib.suppress(asyncio.CancelledError, TimeoutError, LocalRendererError):
            await asyncio.wait_for(self._reader, 5)
        if not self._reader.done():
            self._reader.cancel()
        log.info("built-in renderer stopped (exit code %s)", self.process.returncode)
