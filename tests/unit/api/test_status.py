"""`app.api.status`: the one map from an HTTP status to a typed error, and the
server's own words read from the error body."""

from __future__ import annotations

import json

import pytest

from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    InsufficientCreditsError,
    InvalidRequestError,
    NotFoundError,
    ProtocolError,
    RateLimitedError,
)
from app.api.status import MAX_ERROR_BODY_BYTES, error_for_status, parse_retry_after, server_detail
from app.logs import register_secret

WHERE = "POST /api/v1/file/generate-video"


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, InvalidRequestError),
        (401, AuthenticationError),
        (402, InsufficientCreditsError),
        (403, AuthenticationError),
        (404, NotFoundError),
        (409, InvalidRequestError),
        (413, InvalidRequestError),
        (415, InvalidRequestError),
        (422, InvalidRequestError),
        (429, RateLimitedError),
        (500, BackendUnavailableError),
        (503, BackendUnavailableError),
        (599, BackendUnavailableError),
        (301, ProtocolError),
        (418, ProtocolError),
    ],
)
def test_every_status_has_one_typed_error(status: int, kind: type[ApiError]) -> None:
    error = error_for_status(status, WHERE, b'{"detail": "nope"}')
    assert type(error) is kind
    assert error.status == status
    assert WHERE in str(error)
    assert error.retryable is (kind in (RateLimitedError, BackendUnavailableError))


def test_retry_after_is_read_in_seconds_or_as_a_date() -> None:
    assert error_for_status(429, WHERE, retry_after="7").retry_after == 7.0  # type: ignore[attr-defined]
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
    assert parse_retry_after("-3") == 0.0


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (b'{"detail": "Duration 7 is not offered"}', "Duration 7 is not offered"),
        (b'{"message": "quota"}', "quota"),
        (b'{"error": "busy"}', "busy"),
        (
            json.dumps(
                {"detail": [{"loc": ["body", "config", "fps"], "msg": "too fast"}]}
            ).encode(),
            "config.fps: too fast",
        ),
        (b"plain words from a proxy", "plain words from a proxy"),
        (b"<html><body>502 Bad Gateway</body></html>", ""),
        (b'{"detail": 42}', ""),
        (b"", ""),
    ],
)
def test_the_servers_own_words_are_read_from_the_body(body: bytes, said: str) -> None:
    assert server_detail(body) == said


def test_a_hostile_error_body_gives_short_words_and_never_an_exception() -> None:
    assert len(server_detail(b"[" * 100_000)) <= 300  # too deep to parse
    assert len(server_detail(bytes(range(256)) * 1000)) <= 300


def test_a_huge_error_body_is_read_only_at_its_start() -> None:
    body = b'{"detail": "' + b"x" * (2 * MAX_ERROR_BODY_BYTES) + b'"}'
    assert len(server_detail(body)) <= 300  # cut short, and kept short
    assert len(server_detail(b"y" * (2 * MAX_ERROR_BODY_BYTES))) == 300


def test_the_servers_words_keep_no_token() -> None:
    token = "sk-status-map-7f3e9a1b"
    register_secret(token)
    body = json.dumps({"detail": f"token {token} is expired, Bearer abc"}).encode()
    error = error_for_status(401, WHERE, body, secret="another-secret-value")
    assert error.server_message is not None
    assert token not in error.server_message and "abc" not in error.server_message
    refused = error_for_status(
        422, WHERE, b'{"detail": "another-secret-value"}', secret="another-secret-value"
    )
    assert "another-secret-value" not in str(refused) and refused.server_message == "***"
