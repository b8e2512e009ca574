"""What the command line prints: JSON Lines, a rich progress bar, or plain lines.

With `--json`, stdout holds only JSON Lines (updates, then one result line);
diagnostics and errors go to stderr. Every text that reaches the terminal
passes `app.logs.clean_text` first: server text can't move the cursor, clear
the screen, set the title or fake a line, and the token never shows. Nothing
here interprets markup in it.
"""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING, TextIO

from app.cli.wording import update_message
from app.engine.updates import JobState, JobUpdate
from app.logs import clean_text

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


def err(text: str) -> None:
    """One line of diagnostics on stderr."""
    print(f"framecast: {clean_text(text)}", file=sys.stderr, flush=True)


class Reporter:
    """Shows updates: JSON Lines, a rich progress bar, or plain lines."""

    def __init__(self, json_mode: bool, out: TextIO = sys.stdout) -> None:
        self.json_mode = json_mode
        self.out = out
        self.started = time.monotonic()
        self._last_line: str | None = None
        self._last_plain: tuple[str, int] | None = None
        self._progress: Progress | None = None
        #: The engine's counters for this run, added to the JSON result line.
        self.diagnostics: dict[str, int] | None = None
        self._task_id: TaskID | None = None
        self._bars: dict[str, TaskID | None] = {}
        if not json_mode and out.isatty():
            from rich.progress import (
                BarColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]{task.fields[state]:<11}"),
                BarColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[transport]}"),
                TimeElapsedColumn(),
                transient=False,
            )

    def __enter__(self) -> Reporter:
        if self._progress is not None:
            self._progress.start()
            self._task_id = self._progress.add_task(
                "job", total=1.0, state="starting", transport=""
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, update: JobUpdate) -> None:
        if self.json_mode:
            line: dict[str, object] = {
                "type": "update",
                "file_id": update.file_id,
                "state": str(update.state),
                "progress": update.progress,
                "message": update_message(update),
                "transport": str(update.transport),
            }
            if update.state == JobState.DOWNLOADING and update.download is not None:
                line["download"] = update.download
            self._write_json(line)
        elif self._progress is not None and self._task_id is not None:
            self._progress.update(
                self._bar_of(update.job_id),
                completed=update.progress or 0.0,
                state=str(update.state),
                transport=f"via {update.transport}" if update.transport != "none" else "",
            )
        else:
            pct = int((update.progress or 0) * 100)
            key = (str(update.state), pct // 10)
            if key != self._last_plain:
                self._last_plain = key
                elapsed = time.monotonic() - self.started
                message = update_message(update)
                print(
                    f"{update.state:<11} {pct:3d}%  {update.transport:<7} {elapsed:6.1f}s"
                    + (f"  {clean_text(message)}" if message else ""),
                    file=self.out,
                    flush=True,
                )

    def _bar_of(self, job_id: str) -> TaskID:
        """The progress bar of this job: the first job's is the one shown from
        the start, each further take (`generate --takes`) gets its own."""
        assert self._progress is not None and self._task_id is not None
        bar = self._bars.setdefault(job_id, self._task_id if not self._bars else None)
        if bar is None:
            bar = self._progress.add_task("job", total=1.0, state="starting", transport="")
            self._bars[job_id] = bar
        return bar

    def result(self, result: dict[str, object]) -> None:
        if self.json_mode:
            if self.diagnostics is not None:
                result = {**result, "diagnostics": self.diagnostics}
            self._write_json(result)
        elif result.get("state") == "completed":
            print(f"Saved: {clean_text(str(result.get('path')))}", file=self.out, flush=True)
        else:
            err(str(result.get("error") or result.get("state")))

    def _write_json(self, obj: dict[str, object]) -> None:
        # JSON escapes C0 controls itself, but not C1 or direction controls.
        obj = {k: clean_text(v) if isinstance(v, str) else v for k, v in obj.items()}
        line = json.dumps(obj, ensure_ascii=False)
        if line != self._last_line:
            self._last_line = line
            print(line, file=self.out, flush=True)
