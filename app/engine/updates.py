"""What the engine tells the rest of Framecast about a job: facts, never prose.

A `JobUpdate` is an immutable snapshot of one job's tracker, emitted on every
change. The CLI prints them, the Qt bridge turns them into signals, the history
store saves them; nobody else owns a copy of a job's state.

The engine writes no sentence for people: a job in flight has a `Stage`, a
failed one an `ErrorKind` with its `FailureDetail`, and text the server wrote
(its progress words, its reason for a failure) travels as data in fields of
its own (`server_progress`, `server_message`), cleaned but never wrapped in
English. The window (`app/ui/wording.py`, translated) and the command line
(`app/cli/wording.py`) each put these facts into words, once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from enum import StrEnum

from app.store.history import TERMINAL_STATES, JobState

__all__ = [
    "TERMINAL_STATES",
    "ConnectionState",
    "ErrorKind",
    "FailureDetail",
    "JobState",
    "JobUpdate",
    "Stage",
    "Transport",
    "stage_of_state",
    "with_changes",
]

log = logging.getLogger("framecast.engine")


class Stage(StrEnum):
    """Where a job in flight is, finer than its `JobState` (None once it has ended)."""

    UPLOADING = "uploading"  # the source picture goes to the service
    SENDING = "sending"  # the request goes to the service
    WAITING = "waiting"  # queued at the service
    RENDERING = "rendering"
    DOWNLOADING = "downloading"
    VERIFYING = "verifying"  # the downloaded file is checked to play to the end


_STAGE_OF_STATE = {
    JobState.SUBMITTING: Stage.SENDING,
    JobState.QUEUED: Stage.WAITING,
    JobState.PROCESSING: Stage.RENDERING,
    JobState.DOWNLOADING: Stage.DOWNLOADING,
}


def stage_of_state(state: JobState) -> Stage | None:
    """The stage a job enters with `state` (None for the three endings)."""
    return _STAGE_OF_STATE.get(state)


class Transport(StrEnum):
    """How the tracker is learning about the job right now."""

    SSE = "sse"
    POLLING = "polling"
    NONE = "none"


class ConnectionState(StrEnum):
    """The tracker's link to the backend, for the UI's connection badge."""

    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"


class ErrorKind(StrEnum):
    """Why a job failed, so the UI and CLI can say what to do next."""

    AUTH = "auth"  # token refused: open Settings
    CREDITS = "credits"  # no credits left
    INVALID = "invalid"  # the backend (or the picture check) refused the request
    OFFLINE = "offline"  # backend unreachable for too long, or no answer after many checks
    RENDER = "render"  # the backend reported the render failed (its reason: server_message)
    GONE = "gone"  # the backend no longer knows this video
    DOWNLOAD = "download"  # the result could not be fetched, or does not play to the end
    BUSY = "busy"  # another Framecast process kept this video's download too long
    TIMEOUT = "timeout"  # the caller's deadline passed
    INTERNAL = "internal"  # a fault in Framecast itself (the log has the traceback)
    PROTOCOL = "protocol"  # the service's answers could not be read, several in a row
    DISK_FULL = "disk_full"  # no room for the video: detail has folder, needed_mb
    FOLDER = "folder"  # the videos folder can't be written: detail has folder, reason
    INTERRUPTED = "interrupted"  # Framecast died while following or saving it before
    UNCONFIRMED = "unconfirmed"  # Framecast closed before the service confirmed the job


@dataclass(frozen=True)
class FailureDetail:
    """The structured facts of a failure, where its kind has any.

    `folder` and `needed_mb` for DISK_FULL; `folder` and `reason` (the
    system's own words, such as "Permission denied") for FOLDER; `count` for
    PROTOCOL (unreadable answers in a row), OFFLINE after a spent budget
    (checks made) and INTERRUPTED (times Framecast stopped while following)."""

    folder: str | None = None
    needed_mb: int | None = None
    reason: str | None = None
    count: int | None = None

    def to_json(self) -> str:
        """The detail as the history keeps it: a JSON object of the fields that are set."""
        return json.dumps({k: v for k, v in asdict(self).items() if v is not None})

    @classmethod
    def from_json(cls, text: str | None) -> FailureDetail | None:
        """The detail from the history's JSON; None for none, or for text that
        is not what `to_json` writes (a hand-edited row must not stop a window)."""
        if not text:
            return None
        try:
            raw = json.loads(text)
        except ValueError:
            raw = None
        if not isinstance(raw, dict):
            log.warning("ignoring a failure detail that is not a JSON object")
            return None
        types = {"folder": str, "needed_mb": int, "reason": str, "count": int}
        values = {
            f.name: raw[f.name]
            for f in fields(cls)
            if type(raw.get(f.name)) is types[f.name]  # bool is no count
        }
        return cls(**values) if values else None


@dataclass(frozen=True)
class JobUpdate:
    """A snapshot of one job. `progress` is the generation's overall progress
    (0..1, never decreasing, None while unknown); `download` is the download's
    own fraction while downloading. `stage` is None once the job has ended;
    `error_kind`, `error_detail` and `server_message` say why a failed one failed."""

    job_id: str
    state: JobState
    stage: Stage | None = None
    file_id: str | None = None
    project_id: str | None = None
    progress: float | None = None
    #: The server's own words about the render's progress, as it wrote them.
    server_progress: str | None = None
    transport: Transport = Transport.NONE
    connection: ConnectionState = ConnectionState.CONNECTING
    poll_interval: float | None = None
    download: float | None = None
    url: str | None = None
    path: str | None = None
    thumbnail: str | None = None
    error_kind: ErrorKind | None = None
    error_detail: FailureDetail | None = None
    #: The server's own reason for the failure, as it wrote it.
    server_message: str | None = None


_FIELDS = frozenset(f.name for f in fields(JobUpdate))


def with_changes(update: JobUpdate, changes: Mapping[str, object]) -> JobUpdate:
    """`dataclasses.replace(update, **changes)`, several times faster: the
    tracker makes one per event, and `replace` rebuilds every field through
    the frozen `__init__`. JobUpdate has no `__post_init__` to skip; an
    unknown field is a TypeError, as with `replace`."""
    if not changes.keys() <= _FIELDS:
        raise TypeError(f"JobUpdate has no field {sorted(changes.keys() - _FIELDS)}")
    new = object.__new__(JobUpdate)
    new.__dict__.update(update.__dict__)
    new.__dict__.update(changes)
    return new
