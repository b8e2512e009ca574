"""What the engine tells the rest of Framecast about a job.

A `JobUpdate` is an immutable snapshot of one job's tracker, emitted on every
change. The CLI prints them, the Qt bridge turns them into signals, the history
store saves them; nobody else owns a copy of a job's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class JobState(StrEnum):
    SUBMITTING = "submitting"
    QUEUED = "queued"
    PROCESSING = "processing"
    DOWNLOADING = "downloading"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATES


TERMINAL_STATES = frozenset({JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED})


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
    INVALID = "invalid"  # the backend rejected the request
    OFFLINE = "offline"  # backend unreachable for too long
    RENDER = "render"  # the backend reported the render failed
    DOWNLOAD = "download"  # the result could not be fetched or verified
    TIMEOUT = "timeout"  # the caller's deadline passed
    INTERNAL = "internal"  # a fault in Framecast itself (the log has the traceback)
    PROTOCOL = "protocol"  # the service's answers could not be read, several in a row
    DISK_FULL = "disk_full"  # no room for the video: extra has folder, needed_mb
    FOLDER = "folder"  # the videos folder can't be written: extra has folder, reason
    INTERRUPTED = "interrupted"  # Framecast died while following or saving it before


@dataclass(frozen=True)
class JobUpdate:
    """A snapshot of one job. `progress` is the generation's overall progress
    (0..1, never decreasing, None while unknown); `download` is the download's
    own fraction while downloading."""

    job_id: str
    state: JobState
    file_id: str | None = None
    project_id: str | None = None
    progress: float | None = None
    message: str | None = None
    transport: Transport = Transport.NONE
    connection: ConnectionState = ConnectionState.CONNECTING
    poll_interval: float | None = None
    download: float | None = None
    url: str | None = None
    path: str | None = None
    thumbnail: str | None = None
    error: str | None = None
    error_kind: ErrorKind | None = None
    extra: dict[str, str] = field(default_factory=dict)
