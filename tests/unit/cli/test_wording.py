"""The command line's English (`app/cli/wording.py`): every fact the engine and
start-up hand over has its sentence, the server's words are passed through,
and the JSON Lines `message` of an update says what the job is doing."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.api.errors import (
    BackendUnavailableError,
    ImageProblem,
    InsufficientCreditsError,
    InvalidRequestError,
    PagingError,
    RateLimitedError,
    UnusableImageError,
)
from app.cli import wording
from app.engine.updates import ErrorKind, FailureDetail, JobState, JobUpdate, Stage
from app.startup import Notice, NoticeKind, StartupError, StartupProblem
from app.store.settings import SettingsFileTrouble


@pytest.mark.parametrize("kind", list(ErrorKind))
def test_every_kind_of_failure_has_a_sentence(kind: ErrorKind) -> None:
    text = wording.failure_text(kind)
    assert text.endswith(".") and text[0].isupper()
    said = wording.failure_text(kind, server_message="the service's own words")
    assert said.endswith("the service's own words")


def test_the_servers_reason_is_the_sentence_where_it_is_the_reason() -> None:
    assert wording.failure_text(ErrorKind.RENDER, server_message="out of memory") == (
        "The render failed: out of memory"
    )
    assert wording.failure_text(ErrorKind.INVALID, server_message="bad fps") == (
        "The video service refused these settings: bad fps"
    )


def test_the_detail_of_a_failure_is_in_its_sentence() -> None:
    full = FailureDetail(folder="/videos", needed_mb=12)
    assert wording.failure_text(ErrorKind.DISK_FULL, full).startswith(
        "Not enough disk space in /videos (needs 12 MB)."
    )
    folder = FailureDetail(folder="/ro", reason="Read-only file system")
    assert wording.failure_text(ErrorKind.FOLDER, folder).startswith(
        "Framecast can't save videos in /ro (Read-only file system)."
    )
    checks = wording.failure_text(ErrorKind.OFFLINE, FailureDetail(count=40))
    assert "checked on this video 40 times" in checks


def update(state: JobState, **fields: object) -> JobUpdate:
    return JobUpdate(job_id="j", state=state, **fields)  # type: ignore[arg-type]


def test_an_updates_message_says_what_the_job_is_doing() -> None:
    for stage in Stage:
        assert wording.update_message(update(JobState.PROCESSING, stage=stage)) == (
            wording.stage_text(stage)
        )
    rendering = update(JobState.PROCESSING, stage=Stage.RENDERING, server_progress="frame 3/9")
    assert wording.update_message(rendering) == "frame 3/9"  # the server's own words, as sent
    downloading = update(JobState.DOWNLOADING, stage=Stage.DOWNLOADING, server_progress="x")
    assert wording.update_message(downloading) == "Downloading the video…"
    assert wording.update_message(update(JobState.COMPLETED)) == "Done"
    assert "may still finish" in str(wording.update_message(update(JobState.CANCELLED)))
    failed = update(JobState.FAILED, error_kind=ErrorKind.GONE)
    assert wording.update_message(failed) == "The video service no longer knows this video."
    assert wording.update_message(update(JobState.QUEUED)) is None  # no stage, no words


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (BackendUnavailableError("down"), "Can't reach the video service"),
        (RateLimitedError("429"), "slow down"),
        (
            InsufficientCreditsError("402", server_message="balance 0"),
            "The service said: balance 0",
        ),
        (InvalidRequestError("422", server_message="fps 7"), "refused these settings: fps 7"),
        (PagingError("loop"), "could not read to the end"),
        (
            UnusableImageError(Path("/p/a.gif"), ImageProblem.NOT_A_PICTURE),
            "--image a.gif is not a JPEG, PNG or WebP picture",
        ),
    ],
)
def test_backend_errors_outside_a_job(error: Exception, words: str) -> None:
    assert words in wording.api_error_text(error)  # type: ignore[arg-type]


def test_image_problems_name_the_flag_and_the_file() -> None:
    path = Path("/pictures/big.png")
    big = UnusableImageError(path, ImageProblem.TOO_LARGE, size=12_500_000)
    assert wording.image_problem_text(big) == "--image big.png is 12.5 MB; the limit is 10 MB"
    missing = UnusableImageError(path, ImageProblem.MISSING)
    assert wording.image_problem_text(missing) == "--image /pictures/big.png: no such file"
    locked = UnusableImageError(path, ImageProblem.UNREADABLE, reason="Permission denied")
    assert "(Permission denied)" in wording.image_problem_text(locked)


def test_every_start_up_fact_has_a_sentence() -> None:
    path = Path("/data/history.sqlite3")
    notices = [
        Notice(NoticeKind.HISTORY_MOVED, path=path, moved_to=path.with_name("h-damaged.db")),
        Notice(NoticeKind.ENVIRONMENT, name="FRAMECAST_SSE_IDLE_TIMEOUT"),
        Notice(NoticeKind.ENVIRONMENT, name="SUPERDUPERAI_URL"),
        Notice(NoticeKind.LOG_FILE, path=Path("/logs"), reason="Read-only file system"),
        *(
            Notice(NoticeKind.SETTINGS_FILE, path=path, name="language", trouble=trouble)
            for trouble in SettingsFileTrouble
        ),
    ]
    texts = [wording.notice_text(notice) for notice in notices]
    assert texts[0] == (
        "The history /data/history.sqlite3 was damaged. It was kept as h-damaged.db "
        "and a new, empty history was started."
    )
    assert texts[1] == (
        "FRAMECAST_SSE_IDLE_TIMEOUT must be a number of seconds from 0.5 to 3600; "
        "using the default instead."
    )
    assert "http:// or https://" in texts[2]
    assert texts[3] == "Framecast can't write its log file in /logs (Read-only file system)."
    assert len(set(texts)) == len(texts)
    problems = [
        StartupError(problem, path=path, reason="No space", names=("FRAMECAST_POLL_INTERVAL",))
        for problem in StartupProblem
    ]
    sentences = [wording.startup_problem_text(problem) for problem in problems]
    assert all(s.endswith(".") for s in sentences) and len(set(sentences)) == len(sentences)
    assert sentences[-1] == "FRAMECAST_POLL_INTERVAL must be a number of seconds from 0.1 to 3600."
