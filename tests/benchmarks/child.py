"""What a benchmark reads back from a child process it ran (a window, a
follower): its figures, the last JSON line it printed, or its error."""

from __future__ import annotations

import json
import subprocess


def child_result(proc: subprocess.CompletedProcess[str], what: str) -> dict[str, object]:
    """The figures a bench child printed (its last JSON line), or its error."""
    if proc.returncode != 0:
        raise RuntimeError(f"{what}: exit {proc.returncode}: {proc.stderr[-1500:]}")
    line = [x for x in proc.stdout.splitlines() if x.startswith("{")][-1]
    return dict(json.loads(line))
