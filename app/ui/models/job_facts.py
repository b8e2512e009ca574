"""A job's facts (its stage, why it failed, the server's own words), read from the engine.

The window never shows the engine's text: `app.ui.wording` puts these facts
into the creator's language. Until the engine publishes facts only (a `stage`
on `JobUpdate`, every failure as an `ErrorKind`, the server's reason in a
field of its own), this module is the one place that reads the English the
engine still writes into `JobUpdate.error`; when it does, only these
functions change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.engine.manager import INTERRUPTED_BEFORE_CONFIRMED
from app.engine.updates import ConnectionState, ErrorKind, JobState, JobUpdate, Transport


class Stage(StrEnum):
    """Where a job in flight is (finer than `JobState`; none once it has ended)."""

    UPLOADING = "uploading"  # the source picture goes to the service
    SENDING = "sending"  # the request goes to the service
    WAITING = "waiting"  # queued at the service
    RENDERING = "rendering"
    DOWNLOADING = "downloading"
    VERIFYING = "verifying"  # the downloaded file is checked to play


_STAGE_OF_STATE = {
    JobState.SUBMITTING: Stage.SENDING,
    JobState.QUEUED: Stage.WAITING,
    JobState.PROCESSING: Stage.RENDERING,
    JobState.DOWNLOADING: Stage.DOWNLOADING,
}


def stage_of(update: JobUpdate) -> Stage | None:
    """The job's stage; None once it has ended. (The engine does not yet say
    when it uploads a picture or verifies a download: see the module doc.)"""
    return _STAGE_OF_STATE.get(update.state)


class Link(StrEnum):
    """How a job in flight hears from the server: its card's badge (words and colour)."""

    CONNECTING = "connecting"
    LIVE = "live"  # events arrive as they happen
    POLLING = "polling"  # asking every few seconds
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"  # the server cannot be reached; still trying


def link_of(update: JobUpdate) -> Link | None:
    """The job's link to the server; None once it has ended."""
    if update.state.is_terminal:
        return None
    if update.connection is ConnectionState.OFFLINE:
        return Link.OFFLINE
    if update.transport is Transport.POLLING:
        return Link.POLLING
    if update.connection is ConnectionState.RECONNECTING:
        return Link.RECONNECTING
    if update.connection is ConnectionState.LIVE:
        return Link.LIVE
    return Link.CONNECTING


class Failure(StrEnum):
    """Why a job failed: the engine's `ErrorKind`s, and two it only says in words today."""

    AUTH = ErrorKind.AUTH.value
    CREDITS = ErrorKind.CREDITS.value
    INVALID = ErrorKind.INVALID.value
    OFFLINE = ErrorKind.OFFLINE.value
    RENDER = ErrorKind.RENDER.value
    DOWNLOAD = ErrorKind.DOWNLOAD.value
    TIMEOUT = ErrorKind.TIMEOUT.value
    INTERNAL = ErrorKind.INTERNAL.value
    PROTOCOL = ErrorKind.PROTOCOL.value
    DISK_FULL = ErrorKind.DISK_FULL.value
    FOLDER = ErrorKind.FOLDER.value
    GONE = "gone"  # the service no longer knows the job
    INTERRUPTED = ErrorKind.INTERRUPTED.value  # Framecast closed before it was confirmed


@dataclass(frozen=True)
class FailureFacts:
    failure: Failure
    server_text: str | None = None  # the server's own reason, shown as it wrote it


# The engine's sentences around a server's reason (app/engine/tracker.py and
# app/api/errors.py), and its sentences that carry no reason at all.
_REASON_PREFIXES = {
    Failure.RENDER: "The render failed: ",
    Failure.INVALID: "The video service refused these settings: ",
}
_ENGINE_SENTENCES = {
    "The render failed.",
    "The service reported that the render failed.",
    "The video service refused these settings.",
    "The video service gave an address Framecast will not open, for your safety.",
}
_GONE = "The video service no longer knows this video."


def failure_of(kind: str | None, error: str | None) -> FailureFacts:
    """The facts of a failure from its kind and the engine's error text (a
    `JobUpdate` or a history row: both keep the kind as its string)."""
    if error == INTERRUPTED_BEFORE_CONFIRMED:
        return FailureFacts(Failure.INTERRUPTED)
    if error == _GONE:
        return FailureFacts(Failure.GONE)
    try:
        failure = Failure(kind) if kind else Failure.INTERNAL
    except ValueError:
        failure = Failure.INTERNAL
    return FailureFacts(failure, _server_text(failure, (error or "").strip()))


def _server_text(failure: Failure, error: str) -> str | None:
    if failure not in _REASON_PREFIXES or not error or error in _ENGINE_SENTENCES:
        return None
    prefix = _REASON_PREFIXES[failure]
    if error.startswith(prefix):
        return error[len(prefix) :].strip() or None
    # A render failure whose reason reads as a sentence is the server's own.
    return error if failure is Failure.RENDER else None


def update_failure(update: JobUpdate) -> FailureFacts | None:
    """Why this job failed; None unless it did."""
    if update.state is not JobState.FAILED:
        return None
    return failure_of(str(update.error_kind) if update.error_kind else None, update.error)
