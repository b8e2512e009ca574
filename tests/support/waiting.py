"""Waiting for a condition with a deadline, never sleeping in its place."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


def wait_until(
    condition: Callable[[], object],
    timeout: float = 10.0,
    *,
    interval: float = 0.005,
    what: str = "condition",
) -> None:
    """Poll `condition` until it is truthy; AssertionError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met within {timeout} s")
        time.sleep(interval)


async def await_until(
    condition: Callable[[], object],
    timeout: float = 10.0,
    *,
    interval: float = 0.005,
    what: str = "condition",
) -> None:
    """The same inside a coroutine: yields to the event loop between polls."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met within {timeout} s")
        await asyncio.sleep(interval)
