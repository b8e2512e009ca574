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
from app.session import BackendChoice
from app.startup import Notice, NoticeKind, StartupError, StartupProblem
from app.store.history import JobRecord
from app.store.settings import SettingsFileTrouble
from app.ui import wording
from app.ui.i18n import install_language
from app.ui.models.connection import ConnectionStatus
from app.ui.models.job_facts import (
    FailureFacts,
    Link,
    failure_of,
    link_of,
    record_failure,
    stage_of,
    update_failure,
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
#: Names that stay Latin in Russian: the product's, the example server's address, and
#: the environment variables (a name the creator must type as it is) with what they hold.
NAMES = re.compile(
    r"\b(API|VIP|Framecast|SuperDuperAI|UTF-8|videos\.example\.com|[A-Z]+_[A-Z_]+|https?://)"
)
LOCAL = BackendChoice("local", None)
CUSTOM = BackendChoice("custom", "https://videos.example.com/", "token")


@pytest.fixture
def russian(qapp: object) -> Iterator[None]:
    assert install_language("ru") == "ru"
    yield
    install_language("en")


@pytest.mark.parametrize(
    ("kind", "server_message", "expected"),
    [
        (ErrorKind.RENDER, "Out of GPU memory", (ErrorKind.RENDER, "Out of GPU memory")),
        (ErrorKind.RENDER, None, (ErrorKind.RENDER, None)),
        (ErrorKind.GONE, None, (ErrorKind.GONE, None)),
        (ErrorKind.INVALID, "duration must be 5", (ErrorKind.INVALID, "duration must be 5")),
        (ErrorKind.UNCONFIRMED, None, (ErrorKind.UNCONFIRMED, None)),
        (str(ErrorKind.AUTH), "", (ErrorKind.AUTH, None)),
        (None, None, (ErrorKind.INTERNAL, None)),
        ("a kind from a newer version", "whatever", (ErrorKind.INTERNAL, "whatever")),
    ],
)
def test_failures_are_read_as_the_engine_gave_them(
    kind: str | None, server_message: str | None, expected: tuple[ErrorKind, str | None]
) -> None:
    facts = failure_of(kind, server_message)
    assert (facts.failure, facts.server_text) == expected


def test_a_failure_is_read_alike_from_an_update_and_from_its_history_row() -> None:
    detail = FailureDetail(folder="/videos", needed_mb=12)
    update = JobUpdate(
        job_id="j",
        state=JobState.FAILED,
        error_kind=ErrorKind.DISK_FULL,
        error_detail=detail,
        server_message=None,
    )
    row = JobRecord(
        job_id="j", state="failed", error_kind="disk_full", error_detail=detail.to_json()
    )
    assert (
        update_failure(update)
        == record_failure(row)
        == FailureFacts(ErrorKind.DISK_FULL, None, detail)
    )
    assert update_failure(JobUpdate(job_id="j", state=JobState.PROCESSING)) is None
    broken = JobRecord(job_id="j", state="failed", error_kind="folder", error_detail='{"x": 1}')
    assert record_failure(broken) == FailureFacts(ErrorKind.FOLDER)


def test_the_stage_is_the_engines() -> None:
    assert [stage_of_state(state) for state in JobState] == [
        Stage.SENDING,
        Stage.WAITING,
        Stage.RENDERING,
        Stage.DOWNLOADING,
        None,
        None,
        None,
    ]
    verifying = JobUpdate(job_id="j", state=JobState.DOWNLOADING, stage=Stage.VERIFYING)
    assert stage_of(verifying) is Stage.VERIFYING
    assert wording.job_status(verifying) == "Checking the video…"


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
    def status(state: JobState, **fields: object) -> str:
        stage = fields.pop("stage", stage_of_state(state))
        update = JobUpdate(job_id="j", state=state, stage=stage, **fields)  # type: ignore[arg-type]
        return wording.job_status(update)

    assert status(JobState.SUBMITTING, stage=Stage.UPLOADING) == "Uploading the picture…"
    assert status(JobState.SUBMITTING) == "Sending your prompt…"
    assert status(JobState.QUEUED) == "Waiting in the queue…"
    assert status(JobState.PROCESSING) == "Rendering…"
    assert status(JobState.PROCESSING, progress=0.427) == "Rendering · 42%"
    assert status(JobState.DOWNLOADING, progress=1.0) == "Downloading the video…"
    assert status(JobState.DOWNLOADING, download=0.5) == "Downloading the video · 50%"
    assert status(JobState.COMPLETED) == "Done"
    assert status(JobState.FAILED, error_kind=ErrorKind.CREDITS).startswith(
        "Your account has no credits left"
    )
    # An update made without a stage (the engine always gives one) reads as its state's.
    assert wording.job_status(JobUpdate(job_id="j", state=JobState.QUEUED)) == (
        "Waiting in the queue…"
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
        (
            InvalidRequestError("HTTP 422", server_message="seed too big"),
            "refused these settings: seed too big",
        ),
        (InvalidRequestError("bad library page"), "The server refused these settings."),
        (ProtocolError("garbled"), "does not understand"),
        (ValueError("a bug"), "Something went wrong"),
        (NotConnected(), "Not connected to a backend yet."),
        (SettingsNotFound("j"), "settings of this video were not found"),
        (VideoMissing(Path("/videos/a.mp4")), "missing: /videos/a.mp4"),
        (VideoFailed(FailureFacts(ErrorKind.RENDER, "no GPU")), "The render failed: no GPU"),
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


def test_failures_with_their_detail_in_english() -> None:
    full = FailureFacts(ErrorKind.DISK_FULL, detail=FailureDetail(folder="/videos", needed_mb=12))
    assert wording.failure_text(full) == (
        "There is not enough disk space in /videos for this video (it needs 12 MB). "
        "Free some space, then press Retry."
    )
    folder = FailureFacts(ErrorKind.FOLDER, detail=FailureDetail(folder="/ro", reason="Read-only"))
    assert wording.failure_text(folder).startswith("Framecast can't save videos in /ro.")
    assert "Read-only" not in wording.failure_text(folder)  # the system's English stays out
    assert wording.failure_text(FailureFacts(ErrorKind.DISK_FULL)).startswith(
        "There is not enough disk space for this video."
    )
    # Only the server's own words are passed through, and only where they are the reason.
    assert wording.failure_text(FailureFacts(ErrorKind.AUTH, "Token expired")) == (
        wording.token_refused()
    )


def test_a_follow_budget_spent_says_how_often_and_that_retry_follows_it() -> None:
    spent = FailureFacts(ErrorKind.OFFLINE, detail=FailureDetail(count=12))
    assert wording.failure_text(spent) == (
        "Framecast checked on this video 12 times without an answer and stopped. "
        "Press Retry to follow it again."
    )
    once = wording.failure_text(FailureFacts(ErrorKind.OFFLINE, detail=FailureDetail(count=1)))
    assert once.startswith("Framecast checked on this video once without an answer")
    # No count (the server was unreachable when the job was sent): the plain sentence.
    assert wording.failure_text(FailureFacts(ErrorKind.OFFLINE)).startswith(
        "The server could not be reached."
    )


@pytest.mark.parametrize("free", [False, True])
def test_retry_says_what_it_does_for_each_failure(free: bool) -> None:
    follow = "Retry picks up this same video again"
    for failure in ErrorKind:
        followed = wording.retry_charge_note(failure, free, "file-1")
        never_made = wording.retry_charge_note(failure, free, None)
        assert follow not in never_made  # nothing to follow: sent again
        if failure in {ErrorKind.RENDER, ErrorKind.INVALID, ErrorKind.CREDITS, ErrorKind.AUTH}:
            assert followed == never_made
        elif failure is ErrorKind.GONE:
            assert followed == never_made
            assert free or "new video" in followed
        else:
            assert followed.startswith(follow), failure
            assert "free" in followed if free else "nothing new is made or charged" in followed
        if free:
            assert "free" in followed and "free" in never_made


def test_startup_notices_and_problems_in_english() -> None:
    moved = Notice(NoticeKind.HISTORY_MOVED, path=Path("/d/h.db"), moved_to=Path("/d/h-x.db"))
    assert wording.startup_notice(moved) == (
        "The history /d/h.db was damaged. It was kept as h-x.db and a new, empty history "
        "was started."
    )
    variable = Notice(NoticeKind.ENVIRONMENT, name="FRAMECAST_POLL_INTERVAL")
    assert wording.startup_notice(variable) == (
        "FRAMECAST_POLL_INTERVAL must be a number of seconds from 0.1 to 3600. "
        "Framecast uses its default value instead."
    )
    bad_value = Notice(
        NoticeKind.SETTINGS_FILE,
        path=Path("/c/settings.json"),
        name="language",
        trouble=SettingsFileTrouble.BAD_VALUE,
    )
    assert "has a bad value for language" in wording.startup_notice(bad_value)
    folder = StartupError(StartupProblem.DATA_FOLDER, path=Path("/ro"), reason="Read-only")
    assert wording.startup_problem(folder) == (
        "Framecast can't write to its data folder /ro. Make it writable, or choose another "
        "folder with FRAMECAST_DATA_DIR."
    )


#: Paths written in Cyrillic, so that the check for English left over sees only the words.
RU_PATH = Path("/данные/история")


def startup_facts() -> Iterator[Notice | StartupError]:
    yield Notice(NoticeKind.HISTORY_MOVED, path=RU_PATH, moved_to=RU_PATH)
    yield Notice(NoticeKind.LOG_FILE, path=RU_PATH, reason="Только чтение")
    yield Notice(NoticeKind.LOG_FILE)
    for name in ("FRAMECAST_POLL_INTERVAL", "SUPERDUPERAI_URL", "FRAMECAST_UNKNOWN"):
        yield Notice(NoticeKind.ENVIRONMENT, name=name)
    for trouble in SettingsFileTrouble:
        yield Notice(NoticeKind.SETTINGS_FILE, path=RU_PATH, name="язык", trouble=trouble)
    for problem in StartupProblem:
        yield StartupError(problem, path=RU_PATH, reason="нет места", names=("FRAMECAST_LOG",))


def russian_words() -> Iterator[str]:
    """Every sentence the wording module can say about a fact."""
    for stage in Stage:
        yield wording.stage_text(stage)
        yield wording.stage_text(stage, 40)
    for failure in ErrorKind:
        yield wording.failure_text(FailureFacts(failure))
        for count in (1, 2, 5):
            detail = FailureDetail(folder=str(RU_PATH), needed_mb=3, reason="нет", count=count)
            yield wording.failure_text(FailureFacts(failure, detail=detail))
        for free in (False, True):
            for file_id in (None, "file-1"):
                yield wording.retry_charge_note(failure, free, file_id)
    for fact in startup_facts():
        if isinstance(fact, Notice):
            yield wording.startup_notice(fact)
        else:
            yield wording.startup_problem(fact)
    for state in JobState:
        yield wording.state_label(str(state))
        yield wording.job_status(JobUpdate(job_id="j", state=state, stage=stage_of_state(state)))
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
