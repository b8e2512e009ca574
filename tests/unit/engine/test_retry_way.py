"""What Retry does after each kind of failure (`retry_way`, the one rule):
follow the same job again wherever the service may have the video, send the
request again only where it made none or no longer knows the job."""

from __future__ import annotations

import pytest

from app.engine.errors import NOT_RENDERED, RetryWay, retry_way
from app.engine.updates import ErrorKind

#: Every kind, decided one by one: a kind added to ErrorKind must be added here.
EXPECTED = {
    ErrorKind.AUTH: RetryWay.SEND_AGAIN,  # refused before any render
    ErrorKind.CREDITS: RetryWay.SEND_AGAIN,
    ErrorKind.INVALID: RetryWay.SEND_AGAIN,
    ErrorKind.RENDER: RetryWay.SEND_AGAIN,  # the server's render failed: nothing to fetch
    ErrorKind.GONE: RetryWay.SEND_AGAIN,  # the server no longer knows the job
    ErrorKind.OFFLINE: RetryWay.FOLLOW,  # may still be rendering: ask again
    ErrorKind.DOWNLOAD: RetryWay.FOLLOW,  # made; the file did not arrive whole
    ErrorKind.DISK_FULL: RetryWay.FOLLOW,
    ErrorKind.FOLDER: RetryWay.FOLLOW,
    ErrorKind.BUSY: RetryWay.FOLLOW,  # another process was saving it
    ErrorKind.TIMEOUT: RetryWay.FOLLOW,  # our deadline, not the server's outcome
    ErrorKind.INTERNAL: RetryWay.FOLLOW,  # our own fault: the job itself is fine
    ErrorKind.PROTOCOL: RetryWay.FOLLOW,  # answers unreadable: the job goes on there
    ErrorKind.INTERRUPTED: RetryWay.FOLLOW,  # Framecast stopped while following
    ErrorKind.UNCONFIRMED: RetryWay.FOLLOW,  # followed when it has a file id after all
}


def test_every_kind_is_decided() -> None:
    assert set(EXPECTED) == set(ErrorKind)


@pytest.mark.parametrize("kind", list(ErrorKind))
def test_a_job_with_a_file_id_is_retried_by_its_kind(kind: ErrorKind) -> None:
    assert retry_way(kind, "file-1") is EXPECTED[kind]


@pytest.mark.parametrize("kind", [*ErrorKind, None])
def test_a_job_the_service_never_confirmed_is_sent_again(kind: ErrorKind | None) -> None:
    assert retry_way(kind, None) is RetryWay.SEND_AGAIN
    assert retry_way(kind, "") is RetryWay.SEND_AGAIN


def test_a_failure_without_a_kind_is_followed_like_our_own_fault() -> None:
    assert retry_way(None, "file-1") is retry_way(ErrorKind.INTERNAL, "file-1")


def test_not_rendered_failures_are_all_sent_again() -> None:
    sent_again = {k for k, way in EXPECTED.items() if way is RetryWay.SEND_AGAIN}
    assert sent_again == NOT_RENDERED | {ErrorKind.GONE}
