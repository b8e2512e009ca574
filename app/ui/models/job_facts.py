"""A job's facts (its stage, why it failed, the server's own words), read from the engine.

The engine publishes facts only: a `Stage` on every `JobUpdate`, every failure
as an `ErrorKind` with its `FailureDetail`, and the server's reason in a field
of its own. The history keeps the same facts. This module hands them to
`app.ui.wording`, which puts them into the creator's language; it also
decides the job's link to the server (its card's badge).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.engine.updates import (
    ConnectionState,
    ErrorKind,
    FailureDetail,
    JobState,
    JobUpdate,
    Stage,
    Transport,
    stage_of_state,
)
from app.store.history import JobRecord

__all__ = [
    "FailureFacts",
    "Link",
    "Stage",
    "failure_of",
    "link_of",
    "record_failure",
    "stage_of",
    "update_failure",
]


def stage_of(update: JobUpdate) -> Stage | None:
    """The job's stage; None once it has ended. The engine always gives one
    in flight; an update made elsewhere without one reads as its state's."""
    return update.stage if update.stage is not None else stage_of_state(update.state)


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


@dataclass(frozen=True)
class FailureFacts:
    failure: ErrorKind
    server_text: str | None = None  # the server's own reason, shown as it wrote it
    detail: FailureDetail | None = None


def failure_of(
    kind: str | None, server_message: str | None, detail: FailureDetail | None = None
) -> FailureFacts:
    """The facts of a failure from its kind (a `JobUpdate`'s or a history row's
    string; one this Framecast does not know reads as internal), the server's
    reason and the detail."""
    try:
        failure = ErrorKind(kind) if kind else ErrorKind.INTERNAL
    except ValueError:
        failure = ErrorKind.INTERNAL
    return FailureFacts(failure, server_message or None, detail)


def record_failure(record: JobRecord) -> FailureFacts:
    """Why the job of a history row failed."""
    detail = FailureDetail.from_json(record.error_detail)
    return failure_of(record.error_kind, record.server_message, detail)


def update_failure(update: JobUpdate) -> FailureFacts | None:
    """Why this job failed; None unless it did."""
    if update.state is not JobState.FAILED:
        return None
    return failure_of(update.error_kind, update.server_message, update.error_detail)
