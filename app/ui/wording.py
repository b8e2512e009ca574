"""Every sentence the window says about jobs, connections and failures, translated.

Models and the engine hand over facts (a job's state and stage, why it
failed, the connection's status, an exception); the functions here turn them
into the creator's words, once, through `QCoreApplication.translate`. Text a
server wrote (a render failure's reason, a refused setting) is passed through
as it came, inside a translated sentence. No widget builds such a sentence
itself, so a wording or a translation changes here and nowhere else.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from app.api.errors import (
    ApiError,
    BackendUnavailableError,
    InvalidRequestError,
    RateLimitedError,
)
from app.engine.tracker import error_kind_of
from app.engine.updates import JobState, JobUpdate
from app.session import BackendChoice, Session
from app.ui.models.connection import ConnectionStatus
from app.ui.models.job_facts import (
    Failure,
    FailureFacts,
    Link,
    Stage,
    stage_of,
    update_failure,
)
from app.ui.models.jobs import Waiting
from app.ui.models.problems import (
    NotConnected,
    Problem,
    SettingsNotFound,
    SettingsNotSaved,
    VideoFailed,
    VideoMissing,
)

translate = QCoreApplication.translate


def _fill(text: str, *values: object) -> str:
    """Qt's `%1`, `%2` placeholders (translations may reorder them)."""
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


# --------------------------------------------------------------------------- numbers and times


def seconds(count: int) -> str:
    return _fill(translate("Jobs", "%1 s"), count)


def clock(total_seconds: float) -> str:
    """A running time such as 1:05 or 1:02:03."""
    total = max(0, round(total_seconds))
    minutes, secs = divmod(total, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def elapsed_and_left(elapsed: float, left: float | None) -> str:
    if left is None:
        return clock(elapsed)
    return _fill(translate("Jobs", "%1 · about %2 left"), clock(elapsed), clock(left))


def date(iso: str) -> str:
    """When a job was made: "Today 14:05", else the date in the window's language."""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    if moment.date() == datetime.now().astimezone().date():
        return _fill(translate("Jobs", "Today %1"), moment.strftime("%H:%M"))
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, "d MMM yyyy, HH:mm")


# --------------------------------------------------------------------------- jobs


def untitled_job() -> str:
    return translate("Jobs", "New video")


def job_subtitle(model_label: str, duration: int | None, aspect: str) -> str:
    """A card's second line: length, frame and model, as far as they are known (the
    short facts first: a narrow card shortens the model's name, not them)."""
    length = seconds(duration) if duration is not None else ""
    return "  ·  ".join(part for part in (length, aspect, model_label) if part)


def in_progress(count: int) -> str:
    if count > 1:
        return _fill(translate("Jobs", "In progress (%1)"), count)
    return translate("Jobs", "In progress")


def stage_text(stage: Stage, percent: int | None = None) -> str:
    """What a job in flight is doing, with its percentage where one is known."""
    if stage is Stage.RENDERING and percent is not None:
        return _fill(translate("Jobs", "Rendering · %1%"), percent)
    if stage is Stage.DOWNLOADING and percent is not None:
        return _fill(translate("Jobs", "Downloading the video · %1%"), percent)
    return {
        Stage.UPLOADING: translate("Jobs", "Uploading the picture…"),
        Stage.SENDING: translate("Jobs", "Sending your prompt…"),
        Stage.WAITING: translate("Jobs", "Waiting in the queue…"),
        Stage.RENDERING: translate("Jobs", "Rendering…"),
        Stage.DOWNLOADING: translate("Jobs", "Downloading the video…"),
        Stage.VERIFYING: translate("Jobs", "Checking the video…"),
    }[stage]


def job_status(update: JobUpdate) -> str:
    """A job's status line: its stage and percentage, or how it ended."""
    failure = update_failure(update)
    if failure is not None:
        return failure_text(failure)
    if update.state is JobState.COMPLETED:
        return translate("Jobs", "Done")
    if update.state is JobState.CANCELLED:
        return translate("Jobs", "Stopped following this job")
    stage = stage_of(update)
    assert stage is not None  # every state but the three endings has a stage
    fraction = update.download if stage is Stage.DOWNLOADING else update.progress
    return stage_text(stage, None if fraction is None else int(fraction * 100))


def state_label(state: str) -> str:
    """A history row's one-word state."""
    words = {
        JobState.SUBMITTING: translate("Jobs", "Sending"),
        JobState.QUEUED: translate("Jobs", "Queued"),
        JobState.PROCESSING: translate("Jobs", "Rendering"),
        JobState.DOWNLOADING: translate("Jobs", "Downloading"),
        JobState.COMPLETED: translate("Jobs", "Ready"),
        JobState.FAILED: translate("Jobs", "Failed"),
        JobState.CANCELLED: translate("Jobs", "Stopped"),
    }
    try:
        return words[JobState(state)]
    except ValueError:
        return state


def link_text(link: Link, poll_interval: float | None = None) -> str:
    """How a job in flight hears from the server (its card's badge)."""
    if link is Link.POLLING:
        every = max(1, round(poll_interval or 2))
        return translate("Jobs", "Checking every %n s", None, every)
    return {
        Link.CONNECTING: connecting(),
        Link.LIVE: translate("Jobs", "Live"),
        Link.RECONNECTING: translate("Jobs", "Reconnecting…"),
        Link.OFFLINE: translate("Jobs", "Offline"),
    }[link]


def video_ready() -> str:
    return translate("Jobs", "Your video is ready")


def video_failed() -> str:
    return translate("Jobs", "A video failed")


# --------------------------------------------------------------------------- connection


def connecting() -> str:
    return translate("Connection", "Connecting…")


def backend_name(choice: BackendChoice) -> str:
    if choice.kind == "local":
        return translate("Connection", "Built-in renderer")
    if choice.kind == "cloud":
        return translate("Connection", "SuperDuperAI cloud")
    host = (choice.url or "").split("://", 1)[-1].rstrip("/")
    custom = translate("Connection", "Custom server")
    return f"{custom} · {host}" if host else custom


def session_text(session: Session | None) -> str:
    """Which backend, at which address (for Diagnostics; never the token)."""
    if session is None:
        return not_connected()
    return f"{backend_name(session.choice)} — {session.url}"


def connection_status(state: ConnectionStatus, backend: BackendChoice | None) -> str:
    """The top bar's few words on the backend."""
    if state is ConnectionStatus.CONNECTING:
        if backend is not None and backend.kind == "local":
            return translate("Connection", "Starting the built-in renderer…")
        return connecting()
    if state is ConnectionStatus.CONNECTED and backend is not None:
        return backend_name(backend)
    if state is ConnectionStatus.TOKEN_REFUSED:
        return translate("Connection", "Token refused")
    if state is ConnectionStatus.OFFLINE and backend is not None:
        return _fill(translate("Connection", "%1 · offline"), backend_name(backend))
    return not_connected()


def not_connected() -> str:
    return translate("Connection", "Not connected")


def connection_problem(
    backend: BackendChoice | None,
    has_session: bool,
    error: BaseException | None,
    retry_in: int | None = None,
) -> str:
    """Why the backend cannot be used, for the banner, and when Framecast tries
    again by itself (`retry_in` seconds; None when it does not)."""
    if backend is not None and backend.kind == "local" and not has_session:
        return translate(
            "Connection",
            "The built-in renderer did not start. Try again, or choose another backend in "
            "Settings. The details are in the log file (Help → Diagnostics).",
        )
    if error is None or isinstance(error, BackendUnavailableError | OSError):
        reason = unreachable(backend)
    else:
        reason = error_text(error)
    if retry_in is None:
        return reason
    return f"{reason} {trying_again(retry_in)}"


def catalogue_problem(state: ConnectionStatus, has_session: bool) -> str:
    """Why the model list is empty, in its place (the banner says more)."""
    if state is ConnectionStatus.TOKEN_REFUSED:
        return translate("Connection", "Sign-in needed")
    if not has_session:
        return not_connected()
    if state is ConnectionStatus.OFFLINE:  # it tries again by itself
        return translate("Connection", "Waiting for the server…")
    return translate("Connection", "Models unavailable")


def token_refused() -> str:
    """The one sentence for a refused token: banner, Settings and a failed job's card."""
    return failure_text(FailureFacts(Failure.AUTH))


# ------------------------------------------------------------- the connection, trying again


def unreachable(backend: BackendChoice | None) -> str:
    if backend is not None and backend.kind == "local":
        return translate("Connection", "The built-in renderer stopped answering.")
    return translate("Connection", "Can't reach the server. Check your internet connection.")


def trying_again(seconds_left: int) -> str:
    """When the next automatic attempt starts (the banner counts down)."""
    if seconds_left <= 0:
        return translate("Connection", "Trying again now…")
    return translate("Connection", "Trying again in %n s.", None, seconds_left)


def not_sent_unreachable() -> str:
    """A video that could not be sent because the server can't be reached."""
    return translate(
        "Connection",
        "Your video was not sent: the server can't be reached. Your prompt is kept; "
        "press Generate again when the server is back.",
    )


def try_now() -> str:
    return translate("Connection", "Try now")


def balance(amount: float) -> str:
    """The account's balance in the top bar."""
    return _fill(translate("Connection", "Balance %1"), f"${amount:,.2f}")


def vip() -> str:
    return translate("Connection", "★ VIP")


def vip_tip() -> str:
    return translate("Connection", "Your account can use the VIP models.")


# ------------------------------------------------------------- jobs in flight, as shown


def offline_status(status: str) -> str:
    """A job's status line while the server can't be reached: the last news, marked old."""
    return _fill(translate("Jobs", "Last heard: %1"), status)


def time_left_paused() -> str:
    """Why a card shows no time left while offline (its tooltip)."""
    return translate("Jobs", "The time left shows again when the server answers.")


def safe_to_close(backend: BackendChoice | None) -> tuple[str, str]:
    """The progress header's note on quitting mid-render: (short words, full sentence)."""
    if backend is not None and backend.kind == "local":
        return (
            translate("Jobs", "Safe to close: they continue next time"),
            translate(
                "Jobs",
                "You can close Framecast: the built-in renderer stops, and these videos "
                "continue from the start when you open Framecast again.",
            ),
        )
    return (
        translate("Jobs", "Safe to close: the service keeps rendering"),
        translate(
            "Jobs",
            "You can close Framecast: the service keeps rendering, and Framecast picks "
            "these videos up when you open it again.",
        ),
    )


# --------------------------------------------------------------------------- the player


def play() -> str:
    return translate("Player", "Play")


def dismiss() -> str:
    return translate("Player", "Dismiss")


def new_video_ready(count: int) -> str:
    """The strip above a playing video when another has finished (its title in the tip)."""
    if count > 1:
        return translate("Player", "%n new videos are ready", None, count)
    return translate("Player", "Your new video is ready")


def always_play_new() -> str:
    return translate("Player", "Always play new videos")


def always_play_new_tip() -> str:
    return translate(
        "Player", "Play every new video as soon as it is ready (Playback menu to turn off)"
    )


def empty_player(waiting: Waiting) -> tuple[str, str]:
    """The empty player's title and body, from what the jobs are doing."""
    if waiting is Waiting.ON_ITS_WAY:
        return (
            translate("Player", "Your video is on its way"),
            translate(
                "Player",
                "It will play here as soon as it is ready.\n"
                "Meanwhile you can write the next prompt.",
            ),
        )
    if waiting is Waiting.OFFLINE:
        return (
            translate("Player", "Waiting for the connection"),
            translate(
                "Player",
                "Your video continues as soon as the server can be reached again.",
            ),
        )
    if waiting is Waiting.FAILED:
        return (
            translate("Player", "No video this time"),
            translate(
                "Player", "The card below says what went wrong. Press Retry to send it again."
            ),
        )
    return (
        translate("Player", "Your video will play here"),
        translate(
            "Player",
            "Describe a scene on the left and press Generate.\n"
            "You can keep working while it renders.",
        ),
    )


def copied(link: str) -> str:
    return _fill(translate("Player", "Copied: %1"), link)


def saved_to(path: Path) -> str:
    return _fill(translate("Player", "Saved to %1"), path)


def not_saved(error: BaseException) -> str:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return _fill(translate("Player", "Could not save the copy: %1"), reason)


# --------------------------------------------------------------------------- questions and About


def cancel_title() -> str:
    return translate("MainWindow", "Cancel this video?")


def cancel_question() -> str:
    return translate("MainWindow", "Stop following this video?")


def cancel_details(backend: BackendChoice | None) -> str:
    if backend is not None and backend.kind == "local":
        return translate(
            "MainWindow",
            "Framecast will stop waiting for it and will not show it. The built-in renderer "
            "may still finish it in the background.",
        )
    return translate(
        "MainWindow",
        "The service has no way to stop a render once it has started, so the server may "
        "still finish it (and charge for it). Framecast will stop waiting for it.",
    )


def about_text() -> str:
    return translate(
        "MainWindow",
        "A desktop studio for AI video generation: type a prompt, watch it render, play the video.",
    )


# --------------------------------------------------------------------------- failures


def failure_text(facts: FailureFacts) -> str:
    """Why a job failed and what to do next, with the server's reason where it gave one."""
    failure, reason = facts.failure, facts.server_text
    if failure is Failure.RENDER and reason:
        return _fill(translate("Errors", "The render failed: %1"), reason)
    if failure is Failure.INVALID and reason:
        return _fill(translate("Errors", "The server refused these settings: %1"), reason)
    return {
        Failure.AUTH: translate(
            "Errors",
            "The server did not accept your API token. Paste a valid token in Settings "
            "to continue.",
        ),
        Failure.CREDITS: translate(
            "Errors",
            "Your account has no credits left for this video. Top up your balance, "
            "or choose a shorter or cheaper model.",
        ),
        Failure.INVALID: translate("Errors", "The server refused these settings."),
        Failure.OFFLINE: translate(
            "Errors", "The server could not be reached. Press Retry when you are back online."
        ),
        Failure.RENDER: translate("Errors", "The render failed."),
        Failure.GONE: translate("Errors", "The server no longer knows this video."),
        Failure.DOWNLOAD: translate(
            "Errors",
            "The finished video could not be downloaded or does not play. "
            "Press Retry to try again.",
        ),
        Failure.TIMEOUT: translate("Errors", "The video took longer than Framecast could wait."),
        Failure.INTERRUPTED: translate(
            "Errors",
            "Framecast was closed before the server confirmed this video, so it may not "
            "have started. Press Retry to send it again.",
        ),
        Failure.PROTOCOL: translate(
            "Errors",
            "The server sent an answer Framecast does not understand. "
            "Try again later; if it keeps happening, check for a Framecast update.",
        ),
        Failure.DISK_FULL: translate(
            "Errors",
            "There is not enough disk space for this video. Free some space, then press Retry.",
        ),
        Failure.FOLDER: translate(
            "Errors",
            "Framecast can't save videos in the chosen folder. Choose another folder in "
            "Settings, then press Retry.",
        ),
        Failure.INTERNAL: something_went_wrong(),
    }[failure]


def something_went_wrong() -> str:
    return translate(
        "Errors", "Something went wrong. The details are in the log file (Help → Diagnostics)."
    )


def error_text(exc: BaseException) -> str:
    """An error raised while doing what the creator asked, in their words."""
    if isinstance(exc, Problem):
        return _problem_text(exc)
    if isinstance(exc, RateLimitedError):
        return translate("Errors", "The server asked us to slow down. Try again in a moment.")
    if isinstance(exc, BackendUnavailableError):
        return translate(
            "Errors",
            "Can't reach the server right now. Check your connection; Framecast will keep trying.",
        )
    if isinstance(exc, ApiError):
        detail = exc.detail if isinstance(exc, InvalidRequestError) else None
        return failure_text(FailureFacts(Failure(error_kind_of(exc).value), detail or None))
    return something_went_wrong()


def _problem_text(problem: Problem) -> str:
    if isinstance(problem, NotConnected):
        return translate("Errors", "Not connected to a backend yet.")
    if isinstance(problem, SettingsNotFound):
        return translate("Errors", "The settings of this video were not found.")
    if isinstance(problem, VideoMissing):
        return _fill(translate("Errors", "The video file is missing: %1"), problem.path)
    if isinstance(problem, VideoFailed):
        return failure_text(problem.facts)
    if isinstance(problem, SettingsNotSaved):
        return _fill(translate("Errors", "Settings could not be saved: %1"), problem.reason)
    return something_went_wrong()
