"""Every sentence the command line says about jobs, failures and start-up, in English.

The engine, the API layer and start-up hand over facts (a job's `Stage`, an
`ErrorKind` with its `FailureDetail` and the server's own words, a typed
error, a start-up `Notice`); the functions here put them into words, once,
for the terminal and for the JSON Lines `message` and `error` fields
(docs/cli.md). The window has its own, translated wording (`app/ui/wording.py`).
Text a server wrote is passed through as it came.
"""

from __future__ import annotations

from pathlib import Path

from app.api.errors import (
    ApiError,
    ImageProblem,
    PagingError,
    RateLimitedError,
    UnusableImageError,
)
from app.api.models import (
    FRAME_RATES,
    IMAGE_TO_IMAGE,
    MAX_SEED,
    MAX_UPLOAD_BYTES,
    SHOT_SIZES,
    TEXT_TO_AUDIO,
    TEXT_TO_IMAGE,
    VIDEO_TO_VIDEO,
    GenerationConfig,
)
from app.api.requests import (
    AspectNotOffered,
    BadAspect,
    BadFrameSize,
    BadSeed,
    DurationNotOffered,
    EmptyPrompt,
    FrameRateNotOffered,
    ImageNeeded,
    ModelNotUsable,
    NoModel,
    PromptTooLong,
    Refused,
    RequestProblem,
    UnknownModel,
    UnknownShotSize,
    VipOnly,
)
from app.engine.errors import error_kind_of, server_reason_of
from app.engine.updates import ErrorKind, FailureDetail, JobState, JobUpdate, Stage
from app.startup import Notice, NoticeKind, StartupError, StartupProblem
from app.store.paths import DATA_DIR_ENV
from app.store.settings import INTERVAL_LIMITS, URL_ENV, SettingsFileTrouble

_STAGES = {
    Stage.UPLOADING: "Uploading the picture…",
    Stage.SENDING: "Sending to the video service…",
    Stage.WAITING: "Waiting in the queue…",
    Stage.RENDERING: "Rendering…",
    Stage.DOWNLOADING: "Downloading the video…",
    Stage.VERIFYING: "Checking that the video plays…",
}

_FAILURES = {
    ErrorKind.AUTH: "The video service did not accept your API token. Pass a valid one with "
    "--token or SUPERDUPERAI_TOKEN, or save it in the window's Settings.",
    ErrorKind.CREDITS: "Your SuperDuperAI account has no credits left for this video. "
    "Top up your balance, or pick a shorter or cheaper model.",
    ErrorKind.INVALID: "The video service refused these settings.",
    ErrorKind.OFFLINE: "Can't reach the video service. Check your internet connection, "
    "then follow the job again with `framecast track`.",
    ErrorKind.RENDER: "The render failed.",
    ErrorKind.GONE: "The video service no longer knows this video.",
    ErrorKind.DOWNLOAD: "The finished video could not be downloaded or does not play. "
    "Try again with `framecast track`.",
    ErrorKind.BUSY: "Another Framecast window or command is still saving this video. "
    "Try again when it has finished.",
    ErrorKind.TIMEOUT: "The video took longer than Framecast could wait.",
    ErrorKind.INTERNAL: "Framecast hit a problem of its own while following this video; "
    "the details are in the log file.",
    ErrorKind.PROTOCOL: "The video service keeps sending answers Framecast does not "
    "understand. Try again later; if it keeps happening, check for a Framecast update.",
    ErrorKind.DISK_FULL: "There is not enough disk space for this video. Free some space, "
    "then try again with `framecast track`.",
    ErrorKind.FOLDER: "Framecast can't save videos in the chosen folder. Choose another "
    "folder in the window's Settings, then try again with `framecast track`.",
    ErrorKind.INTERRUPTED: "Framecast stopped unexpectedly while following this video. "
    "Follow it again with `framecast track`.",
    ErrorKind.UNCONFIRMED: "Framecast was closed before the video service confirmed this "
    "job, so it may not have started. Send it again.",
}


# --------------------------------------------------------------------------- jobs


def stage_text(stage: Stage) -> str:
    return _STAGES[stage]


def update_message(update: JobUpdate) -> str | None:
    """The `message` of an update line: what the job is doing (the server's own
    progress words while it renders, when it sent some), or how it ended."""
    if update.state is JobState.FAILED:
        return update_failure_text(update)
    if update.state is JobState.COMPLETED:
        return "Done"
    if update.state is JobState.CANCELLED:
        return stopped_following()
    if update.stage is Stage.RENDERING and update.server_progress:
        return update.server_progress
    return stage_text(update.stage) if update.stage is not None else None


def stopped_following() -> str:
    return "Stopped following. The service may still finish this video."


def failure_text(
    kind: ErrorKind, detail: FailureDetail | None = None, server_message: str | None = None
) -> str:
    """Why a job failed and what to do next, with the server's reason where it gave one."""
    if kind is ErrorKind.RENDER and server_message:
        return f"The render failed: {server_message}"
    if kind is ErrorKind.INVALID and server_message:
        return f"The video service refused these settings: {server_message}"
    sentence = _detailed(kind, detail) or _FAILURES[kind]
    return f"{sentence} The service said: {server_message}" if server_message else sentence


def _detailed(kind: ErrorKind, detail: FailureDetail | None) -> str | None:
    """The sentence of a failure whose detail says more than its kind, if any."""
    if detail is None:
        return None
    if kind is ErrorKind.DISK_FULL and detail.folder and detail.needed_mb:
        return (
            f"Not enough disk space in {detail.folder} (needs {detail.needed_mb} MB). "
            "Free some space, then try again with `framecast track`."
        )
    if kind is ErrorKind.FOLDER and detail.folder:
        why = f" ({detail.reason})" if detail.reason else ""
        return (
            f"Framecast can't save videos in {detail.folder}{why}. Choose another folder in "
            "the window's Settings, then try again with `framecast track`."
        )
    if kind is ErrorKind.OFFLINE and detail.count:
        return (
            f"Framecast checked on this video {detail.count} times without an answer and "
            "stopped. Follow it again with `framecast track`."
        )
    return None


def update_failure_text(update: JobUpdate) -> str:
    """Why a failed job failed (an unfinished one "did not finish")."""
    if update.error_kind is None:
        return "The job did not finish."
    return failure_text(update.error_kind, update.error_detail, update.server_message)


def api_error_text(exc: ApiError) -> str:
    """A backend error met outside a job (listing models, checking the account)."""
    if isinstance(exc, UnusableImageError):
        return image_problem_text(exc)
    if isinstance(exc, RateLimitedError):
        return "The video service asked Framecast to slow down. Try again in a moment."
    if isinstance(exc, PagingError):
        return (
            "The video service sent a list Framecast could not read to the end. "
            "Try again later; if it keeps happening, check for a Framecast update."
        )
    return failure_text(error_kind_of(exc), server_message=server_reason_of(exc))


def image_problem_text(exc: UnusableImageError) -> str:
    """Why `--image` can't be used."""
    name = exc.path.name
    if exc.problem is ImageProblem.MISSING:
        return f"--image {exc.path}: no such file"
    if exc.problem is ImageProblem.UNREADABLE:
        return f"--image {exc.path}: can't read it ({exc.reason})"
    if exc.problem is ImageProblem.TOO_LARGE:
        size = (exc.size or 0) / 1e6
        return f"--image {name} is {size:.1f} MB; the limit is {MAX_UPLOAD_BYTES // 2**20} MB"
    return f"--image {name} is not a JPEG, PNG or WebP picture"


# --------------------------------------------------------------------------- the run's result


def timed_out(seconds: float, file_id: str | None) -> str:
    return f"gave up after {seconds:g} s{_resume_hint(file_id)}"


def interrupted(file_id: str | None) -> str:
    return f"interrupted{_resume_hint(file_id)}"


def _resume_hint(file_id: str | None) -> str:
    return f"; resume with `framecast track {file_id}`" if file_id else ""


def no_token() -> str:
    return "no API token: pass --token or set SUPERDUPERAI_TOKEN"


def not_saved(video: str, out: str, reason: str) -> str:
    return f"the video is at {video} but could not be saved to {out}: {reason}"


def unexpected_problem(error_name: str, log_file: Path | None) -> str:
    details = f"the details are in {log_file}" if log_file else "run again with FRAMECAST_LOG=debug"
    return f"Framecast hit an unexpected problem ({error_name}); {details}"


def configurations_skipped(count: int) -> str:
    return f"{count} configuration(s) could not be read and are not listed"


# --------------------------------------------------------------------------- models


def unusable_reason(model: GenerationConfig) -> str | None:
    """Why Framecast does not offer this configuration, in plain words (None if it does)."""
    if model.usable:
        return None
    if model.type == VIDEO_TO_VIDEO:
        return "turns a video into another video; Framecast cannot send a source video yet"
    if model.type in (TEXT_TO_IMAGE, IMAGE_TO_IMAGE):
        return "makes pictures, not videos"
    if model.type == TEXT_TO_AUDIO:
        return "makes sound, not videos"
    if model.type is None:
        return "the service does not say what it makes"
    return f"makes something Framecast does not know ({model.type:.40}), not a video"


def request_problem(problem: RequestProblem) -> str:
    """A refused choice in the command line's words (its flags where they help)."""
    if isinstance(problem, BadFrameSize):
        return "--resolution must be between 16 and 7680 pixels each way"
    if isinstance(problem, BadAspect):
        return f"--aspect must look like 16:9, not {problem.text!r}"
    if isinstance(problem, BadSeed):
        return f"--seed must be a whole number from 0 to {MAX_SEED}"
    if isinstance(problem, FrameRateNotOffered):
        return f"--fps must be one of {', '.join(map(str, FRAME_RATES))}"
    if isinstance(problem, UnknownShotSize):
        return f"--shot-size must be one of {', '.join(SHOT_SIZES)}"
    if isinstance(problem, ImageNeeded):
        return f"{problem.model.name} turns a picture into a video: give one with --image"
    if isinstance(problem, NoModel):
        return "no model given and the backend offers none; see `framecast models`"
    if isinstance(problem, UnknownModel):
        return f"the backend has no model {problem.name!r}; see `framecast models`"
    if isinstance(problem, ModelNotUsable):
        return f"{problem.model.name} {unusable_reason(problem.model)}; see `framecast models`"
    if isinstance(problem, VipOnly):
        return f"{problem.model.name} needs a VIP account, and this account is not VIP"
    if isinstance(problem, DurationNotOffered):
        offered = ", ".join(map(str, problem.offered))
        return f"{problem.model.name} offers durations of {offered} seconds, not {problem.duration}"
    if isinstance(problem, AspectNotOffered):
        offered = ", ".join(problem.offered)
        return f"{problem.model.name} makes {offered} videos, not {problem.aspect}"
    if isinstance(problem, EmptyPrompt):
        return "the prompt is empty"
    if isinstance(problem, PromptTooLong):
        return f"the prompt is longer than {problem.limit} characters"
    if isinstance(problem, Refused):
        return f"the settings were refused: {problem.reason}"
    return str(problem)


# --------------------------------------------------------------------------- start-up


def variable_rule(name: str) -> str:
    """What an environment variable must hold: its one rule, in words."""
    if name in INTERVAL_LIMITS:
        low, high = INTERVAL_LIMITS[name]
        return f"must be a number of seconds from {low:g} to {high:g}"
    if name == URL_ENV:
        return (
            "must be an http:// or https:// URL without a user name or password, "
            "such as https://example.com"
        )
    return "holds a value Framecast can't use"


def notice_text(notice: Notice) -> str:
    """Something start-up worked around."""
    if notice.kind is NoticeKind.HISTORY_MOVED:
        kept = notice.moved_to.name if notice.moved_to else "a copy"
        return (
            f"The history {notice.path} was damaged. It was kept as {kept} "
            "and a new, empty history was started."
        )
    if notice.kind is NoticeKind.SETTINGS_FILE:
        return _settings_file_text(notice)
    if notice.kind is NoticeKind.ENVIRONMENT:
        name = notice.name or "An environment variable"
        return f"{name} {variable_rule(name)}; using the default instead."
    where = notice.path or "its log folder"
    return f"Framecast can't write its log file in {where} ({notice.reason})."


def _settings_file_text(notice: Notice) -> str:
    path = notice.path
    if notice.trouble is SettingsFileTrouble.BAD_VALUE:
        return f"The settings file {path} has a bad value for {notice.name}; ignoring it."
    if notice.trouble is SettingsFileTrouble.NOT_TEXT:
        return f"The settings file {path} is not UTF-8 text; using the default settings."
    if notice.trouble is SettingsFileTrouble.UNREADABLE:
        return (
            f"The settings file {path} can't be read ({notice.reason}); using the default settings."
        )
    return f"The settings file {path} is damaged; using the default settings."


def startup_problem_text(exc: StartupError) -> str:
    """Why Framecast can't start on this machine's state, and what to do."""
    if exc.problem is StartupProblem.DATA_FOLDER:
        return (
            f"Framecast can't write to its data folder {exc.path} ({exc.reason}). Make it "
            f"writable, or choose another folder with {DATA_DIR_ENV}."
        )
    if exc.problem is StartupProblem.HISTORY_NEWER:
        return (
            f"The history {exc.path} was made by a newer Framecast. Update Framecast, "
            "or move the file away to start a new history."
        )
    if exc.problem is StartupProblem.HISTORY_UNUSABLE:
        return f"Framecast can't open its history {exc.path} ({exc.reason})."
    return "; ".join(f"{name} {variable_rule(name)}" for name in exc.names) + "."
