"""A private Xvfb display, and what the X server says about its windows.

`xvfb_display()` starts Xvfb on a display number it picks itself (`-displayfd`,
so parallel runs never collide) and yields `":N"`; `top_level_windows()`
asks the server, through xwininfo and xprop (Debian's x11-utils), for the
windows a person would see: name, whether it is mapped and viewable, where it
is, and the process that owns it (`_NET_WM_PID`).
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

X_TOOLS = ("Xvfb", "xwininfo", "xprop")
START_TIMEOUT_S = 30.0

_CHILD = re.compile(r'^\s+(0x[0-9a-f]+) "(.*)": ', re.MULTILINE)


def missing_x_tools() -> list[str]:
    """The X programs these helpers need that are not installed."""
    return [tool for tool in X_TOOLS if shutil.which(tool) is None]


@contextlib.contextmanager
def xvfb_display(log_path: Path, screen: str = "1280x720x24") -> Iterator[str]:
    """Run Xvfb with one screen of `screen` (WxHxDepth); yield its DISPLAY value."""
    read_end, write_end = os.pipe()
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
    os.close(write_end)
    try:
        # Xvfb writes the display number once it accepts clients; if it dies
        # first, the pipe reaches end of file instead.
        with os.fdopen(read_end, "rb") as numbers:
            ready, _, _ = select.select([numbers], [], [], START_TIMEOUT_S)
            number = numbers.readline().decode().strip() if ready else ""
        if not number.isdigit():
            raise RuntimeError(f"Xvfb did not start:\n{log_path.read_text(errors='replace')}")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@dataclass(frozen=True)
class XWindow:
    window_id: str
    name: str
    viewable: bool
    x: int
    y: int
    width: int
    height: int
    pid: int | None


def _x_tool(display: str, *argv: str) -> str:
    result = subprocess.run(
        argv,
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    return result.stdout if result.returncode == 0 else ""


def _field(text: str, label: str) -> str:
    match = re.search(rf"^\s*{re.escape(label)}:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else ""


def _describe(display: str, window_id: str, name: str) -> XWindow | None:
    info = _x_tool(display, "xwininfo", "-id", window_id)
    if not info:
        return None  # gone since the listing
    pid_text = _x_tool(display, "xprop", "-id", window_id, "_NET_WM_PID")
    pid = re.search(r"=\s*(\d+)", pid_text)
    return XWindow(
        window_id=window_id,
        name=name,
        viewable=_field(info, "Map State") == "IsViewable",
        x=int(_field(info, "Absolute upper-left X") or 0),
        y=int(_field(info, "Absolute upper-left Y") or 0),
        width=int(_field(info, "Width") or 0),
        height=int(_field(info, "Height") or 0),
        pid=int(pid.group(1)) if pid else None,
    )


def top_level_windows(display: str, name: str) -> list[XWindow]:
    """The root window's children called `name`, described by the X server."""
    listing = _x_tool(display, "xwininfo", "-root", "-children")
    windows = []
    for window_id, window_name in _CHILD.findall(listing):
        if window_name == name:
            window = _describe(display, window_id, window_name)
            if window is not None:
                windows.append(window)
    return windows
