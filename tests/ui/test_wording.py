"""Facts into words: the engine's errors read as facts, and every fact has its words,
in English and in Russian."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.api.errors import (
    AuthenticationError,
    BackendUnavailableError,
    InsufficientCreditsError,
    InvalidRequestError,
    ProtocolError,
    RateLimitedError,
)
from app.engine.downloader import DownloadError
from app.engine.manager import INTERRUPTED_BEFORE_CONFIRMED
from app.engine.updates import ConnectionState, ErrorKind, JobState, JobUpdate, Transport
from app.session import BackendChoice
from app.ui import wording
from app.ui.i18n import install_language
from app.ui.models.connection import ConnectionStatus
from app.ui.models.job_facts import (
    Failure,
    FailureFacts,
    Link,
    Stage,
    failure_of,
    link_of,
    stage_of,
)
from app.ui.models.jobs import Waiting
from app.ui.models.problems import (
    NotConnected,
    SettingsNotFound,
    SettingsNotSaved,
    VideoFailed,
    VideoMissing,
)

CYRILLIC = re.compile("[а-яА-ЯёЁ]")
LATIN = re.compile("[A-Za-z]")
#: Names that stay Latin in Russian, and the example server's address.
NAMES = re.compile(r"\b(API|VIP|Framecast|SuperDuperAI|videos\.example\.com)\b")
LOCAL = BackendChoice("local", None)
CUSTOM = BackendChoice("custom", "https://videos.example.com/", "token")


@pytest.fixture
def russian(qapp: object) -> Iterator[None]:
    assert install_language("ru") == "ru"
    yield
    install_language("en")


@pytest.mark.parametrize(
    ("kind", "error", "expected"),
    [
        (
            ErrorKind.RENDER,
            "The render failed: Out of GPU memory",
            (Failure.RENDER, "Out of GPU memory"),
        ),
        (ErrorKind.RENDER, "The GPU caught fire", (Failure.RENDER, "The GPU caught fire")),
        (ErrorKind.RENDER, "The service reported that the render failed.", (Failure.RENDER, None)),
        (ErrorKind.RENDER, "The render failed.", (Failure.RENDER, None)),
        (ErrorKind.RENDER, "The video service no longer knows this video.", (Failure.GONE, None)),
        (
            ErrorKind.INVALID,
            InvalidRequestError("duration must be 5").user_message,
            (Failure.INVALID, "duration must be 5"),
        ),
        (ErrorKind.INVALID, InvalidRequestError().user_message, (Failure.INVALID, None)),
        (ErrorKind.AUTH, AuthenticationError().user_message, (Failure.AUTH, None)),
        (ErrorKind.DOWNLOAD, DownloadError("bad").user_message, (Failure.DOWNLOAD, None)),
        (ErrorKind.INTERNAL, INTERRUPTED_BEFORE_CONFIRMED, (Failure.INTERRUPTED, None)),
        (None, None, (Failure.INTERNAL, None)),
        ("a kind from a newer version", "whatever", (Failure.INTERNAL, None)),
    ],
)
def test_failures_read_as_facts(
    kind: str | None, error: str | None, expected: tuple[Failure, str | None]
) -> None:
    facts = failure_of(kind, error)
    assert (facts.failure, facts.server_text) == expected


def test_stages_follow_the_state() -> None:
    stages = [stage_of(JobUpdate(job_id="j", state=state)) for state in JobState]
    assert stages == [
        Stage.SENDING,
        Stage.WAITING,
        Stage.RENDERING,
        Stage.DOWNLOADING,
        None,
        None,
        None,
    ]


def test_the_link_badge_follows_connection_and_transport() -> None:
    def link(**fields: object) -> Link | None:
        return link_of(JobUpdate(job_id="j", state=JobState.PROCESSING, **fields))  # type: ignore[arg-type]

    assert link() is Link.CONNECTING
    assert link(connection=ConnectionState.LIVE, transport=Transport.SSE) is Link.LIVE
    assert link(connection=ConnectionState.LIVE, transport=Transport.POLLING) is Link.POLLING
    assert link(connection=ConnectionState.RECONNECTING) is Link.RECONNECTING
    assert link(connection=ConnectionState.OFFLINE, transport=Transport.POLLING) is Link.OFFLINE
    assert link_of(JobUpdate(job_id="j", state=JobState.COMPLETED)) is None


def test_status_lines_in_english() -> None:
    def status(**fields: object) -> str:
        return wording.job_status(JobUpdate(job_id="j", **fields))  # type: ignore[arg-type]

    assert status(state=JobState.SUBMITTING) == "Sending your prompt…"
    assert status(state=JobState.PROCESSING) == "Rendering…"
    assert status(state=JobState.PROCESSING, progress=0.427) == "Rendering · 42%"
    assert status(state=JobState.DOWNLOADING, progress=1.0) == "Downloading the video…"
    assert status(state=JobState.DOWNLOADING, download=0.5) == "Downloading the video · 50%"
    assert status(state=JobState.COMPLETED) == "Done"
    assert status(state=JobState.FAILED, error_kind=ErrorKind.CREDITS).startswith(
        "Your account has no credits left"
    )
    assert wording.link_text(Link.POLLING, 4.6) == "Checking every 5 s"
    assert wording.job_subtitle("Fake", 5, "16:9") == "5 s  ·  16:9  ·  Fake"
    assert wording.job_subtitle("", None, "") == ""
    assert wording.elapsed_and_left(65, None) == "1:05"
    assert wording.elapsed_and_left(3725, 30) == "1:02:05 · about 0:30 left"
    assert wording.in_progress(1) == "In progress" and wording.in_progress(3) == "In progress (3)"
    assert wording.date("2026-01-02T12:04:05.000006+00:00").startswith("2 Jan 2026, ")
    assert wording.date("not a date") == "not a date"


def test_the_refused_token_has_one_wording() -> None:
    sentence = wording.token_refused()
    assert "token" in sentence and "Settings" in sentence
    assert wording.error_text(AuthenticationError("401")) == sentence
    assert wording.failure_text(failure_of(str(ErrorKind.AUTH), "anything")) == sentence


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (BackendUnavailableError("down"), "Can't reach the server right now"),
        (RateLimitedError("429"), "slow down"),
        (InsufficientCreditsError("402"), "no credits left"),
        (InvalidRequestError("seed too big"), "refused these settings: seed too big"),
        (DownloadError("short read"), "could not be downloaded"),
        (ProtocolError("garbled"), "does not understand"),
        (ValueError("a bug"), "Something went wrong"),
        (NotConnected(), "Not connected to a backend yet."),
        (SettingsNotFound("j"), "settings of this video were not found"),
        (VideoMissing(Path("/videos/a.mp4")), "missing: /videos/a.mp4"),
        (VideoFailed(FailureFacts(Failure.RENDER, "no GPU")), "The render failed: no GPU"),
        (SettingsNotSaved("Disk full"), "could not be saved: Disk full"),
    ],
)
def test_errors_in_words(error: BaseException, words: str) -> None:
    assert words in wording.error_text(error)


def test_connection_words() -> None:
    assert wording.connection_status(ConnectionStatus.CONNECTING, LOCAL).startswith("Starting")
    assert wording.connection_status(ConnectionStatus.CONNECTING, CUSTOM) == "Connecting…"
    assert wording.connection_status(ConnectionStatus.CONNECTED, CUSTOM) == (
        "Custom server · videos.example.com"
    )
    assert "token" not in wording.connection_status(ConnectionStatus.CONNECTED, CUSTOM)
    assert wording.connection_problem(LOCAL, False, OSError("no fork")).startswith(
        "The built-in renderer did not start."
    )
    assert "no fork" not in wording.connection_problem(LOCAL, False, OSError("no fork"))
    assert wording.catalogue_problem(ConnectionStatus.OFFLINE, True) == "Waiting for the server…"
    assert wording.catalogue_problem(ConnectionStatus.OFFLINE, False) == "Not connected"


def russian_words() -> Iterator[str]:
    """Every sentence the wording module can say about a fact."""
    for stage in Stage:
        yield wording.stage_text(stage)
        yield wording.stage_text(stage, 40)
    for failure in Failure:
        yield wording.failure_text(FailureFacts(failure))
    for state in JobState:
        yield wording.state_label(str(state))
        yield wording.job_status(JobUpdate(job_id="j", state=state))
    for link in Link:
        yield wording.link_text(link, 2)
    for status in ConnectionStatus:
        for backend in (LOCAL, CUSTOM):
            yield wording.connection_status(status, backend)
            yield wording.catalogue_problem(status, True)
    yield wording.connection_problem(LOCAL, False, None)
    yield wording.untitled_job()
    yield wording.in_progress(1)
    yield wording.in_progress(2)
    yield wording.video_ready()
    yield wording.video_failed()
    yield wording.seconds(5)
    yield wording.elapsed_and_left(100, 50)
    yield wording.date("2026-01-02T03:04:05.000006+00:00")
    yield wording.date(datetime.now(UTC).isoformat())
    # The player, progress and connection words (issue 11).
    for backend in (LOCAL, CUSTOM):
        yield wording.connection_problem(backend, True, None, 12)
        yield wording.unreachable(backend)
        yield from wording.safe_to_close(backend)
        yield wording.cancel_details(backend)
    for seconds_left in (0, 1, 5):
        yield wording.trying_again(seconds_left)
    for waiting in Waiting:
        yield from wording.empty_player(waiting)
    for count in (1, 2, 5):
        yield wording.new_video_ready(count)
    yield wording.try_now()
    yield wording.not_sent_unreachable()
    yield wording.balance(12.5)
    yield wording.vip_tip()
    yield wording.offline_status(wording.stage_text(Stage.RENDERING, 28))
    yield wording.time_left_paused()
    yield wording.play()
    yield wording.dismiss()
    yield wording.always_play_new()
    yield wording.always_play_new_tip()
    yield wording.copied("/дом/видео/кот")
    yield wording.saved_to(Path("/дом/видео/кот"))
    yield wording.not_saved(OSError(28, "Нет места на устройстве"))
    yield wording.cancel_title()
    yield wording.cancel_question()
    yield wording.about_text()


def test_every_fact_has_russian_words(russian: None) -> None:
    for words in russian_words():
        assert CYRILLIC.search(words), f"not translated: {words!r}"
        english = LATIN.findall(NAMES.sub("", words))
        assert not english, f"English left in {words!r}"
