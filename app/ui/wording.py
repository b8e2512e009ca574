"""Every sentence the window says about jobs, connections and failures, translated.

Models, the engine and start-up hand over facts (a job's state and stage, why
it failed and its detail, the connection's status, an exception, a start-up
notice); the functions here turn them into the creator's words, once, through
`QCoreApplication.translate`. Text a server wrote (a render failure's reason,
a refused setting) is passed through as it came, inside a translated
sentence; so are paths and the names of settings. No widget builds such a
sentence itself, so a wording or a translation changes here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from app.api import requests
from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    RateLimitedError,
)
from app.api.models import (
    IMAGE_TO_IMAGE,
    MAX_SEED,
    TEXT_TO_AUDIO,
    TEXT_TO_IMAGE,
    GenerationConfig,
)
from app.api.requests import Frame, RequestProblem
from app.engine.errors import NOT_RENDERED, RetryWay, error_kind_of, retry_way, server_reason_of
from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.media.errors import (
    DiskFullError,
    ExportCancelled,
    ExportFailedError,
    FolderNotWritableError,
    MediaError,
    OutOfRangeError,
    OutputExistsError,
    UnreadableVideoError,
    UnsupportedExportError,
)
from app.session import BackendChoice, Session
from app.startup import Notice, NoticeKind, StartupError, StartupProblem
from app.store.credentials import TokenPlace
from app.store.paths import DATA_DIR_ENV
from app.store.settings import INTERVAL_LIMITS, URL_ENV, SettingsFileTrouble
from app.ui.models.connection import ConnectionStatus
from app.ui.models.history import HistoryFilter
from app.ui.models.job_facts import (
    FailureFacts,
    Link,
    Stage,
    stage_of,
    update_failure,
)
from app.ui.models.jobs import Waiting
from app.ui.models.library import LibraryStatus
from app.ui.models.problems import (
    AccountDeleteFailed,
    AccountVideoElsewhere,
    AccountVideoGone,
    AccountVideoNotFetched,
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
    moment = _local(iso)
    if moment is None:
        return iso
    if _is_today(moment):
        return _fill(translate("Jobs", "Today %1"), moment.strftime("%H:%M"))
    return _long_date(moment)


def _local(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return None


def _is_today(moment: datetime) -> bool:
    return moment.date() == datetime.now().astimezone().date()


def _long_date(moment: datetime) -> str:
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


# --------------------------------------------------------------------------- history


def history_date(iso: str, estimated: bool, imported_at: str | None) -> str:
    """A history row's date in full (its tooltip): when it was made, or, for a
    video from the account whose date the service did not give, when it was
    added here."""
    added = _local(imported_at) if estimated and imported_at else None
    if added is None:
        return date(iso)
    if _is_today(added):
        return _fill(translate("History", "Added today %1"), added.strftime("%H:%M"))
    return _fill(translate("History", "Added %1"), _long_date(added))


def row_date(iso: str, estimated: bool, imported_at: str | None) -> str:
    """A history row's date, short enough for a narrow panel: "Today 14:05",
    "20 Feb", "3 Mar 2025"; "Added today" or "Added 20 Feb" for an account
    video the service gave no date."""
    added = _local(imported_at) if estimated and imported_at else None
    if added is not None:
        if _is_today(added):
            return translate("History", "Added today")
        return _fill(translate("History", "Added %1"), _short_date(added))
    moment = _local(iso)
    if moment is None:
        return iso
    if _is_today(moment):
        return _fill(translate("Jobs", "Today %1"), moment.strftime("%H:%M"))
    return _short_date(moment)


def _short_date(moment: datetime) -> str:
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    same_year = moment.year == datetime.now().astimezone().year
    return QLocale().toString(stamp, "d MMM" if same_year else "d MMM yyyy")


def from_account_tooltip(downloaded: bool) -> str:
    """Why an account video is in the history, and what playing it does."""
    where = translate("History", "From your account: made in the web app or on another computer.")
    if downloaded:
        return where
    return f"{where} " + translate("History", "Playing it downloads it to this computer.")


def in_the_cloud() -> str:
    """The state of an account video not downloaded yet."""
    return translate("History", "In the cloud")


def fetching(fraction: float | None) -> str:
    """An account video on its way to this computer (its row's state)."""
    if fraction is None or fraction < 0:
        return translate("History", "Downloading…")
    return _fill(translate("History", "Downloading %1%"), int(fraction * 100))


def now_playing() -> str:
    return translate("History", "Now playing")


def history_count(shown: int, total: int) -> str:
    """The count beside the history's title."""
    if total > shown:
        return _fill(translate("History", "%1 of %2"), shown, total)
    return str(shown) if shown else ""


def history_filter(kind: HistoryFilter) -> str:
    """A choice of the history's filter."""
    words = {
        HistoryFilter.ALL: translate("History", "All"),
        HistoryFilter.FAVOURITES: translate("History", "Favourites"),
        HistoryFilter.READY: translate("History", "Ready"),
        HistoryFilter.FAILED: translate("History", "Failed"),
        HistoryFilter.ACCOUNT: translate("History", "From my account"),
    }
    return words[kind]


def history_nothing_shown(kind: HistoryFilter, searching: bool) -> str:
    """The history's empty place when its filter or search leaves no row."""
    if searching:
        return translate("History", "Nothing matches this search.")
    if kind is HistoryFilter.FAVOURITES:
        return translate("History", "No favourites yet.\nStar a video to keep it here.")
    return translate("History", "No videos of this kind.")


def history_view_toggle(grid: bool) -> str:
    """The button that switches the history between its list and its grid."""
    if grid:
        return translate("History", "Show as a list")
    return translate("History", "Show as a grid")


def favourite_action(starred: bool) -> str:
    """The star's button and menu entry."""
    if starred:
        return translate("History", "Remove from favourites")
    return translate("History", "Add to favourites")


def clear_history_question(count: int) -> str:
    return _fill(translate("History", "Videos to remove from the history: %1"), count)


def clear_history_details(favourites: int, in_progress: int) -> str:
    """What "Clear history" keeps and what it deletes."""
    parts = [
        translate(
            "History",
            "Their files on this computer are deleted. Videos in your account stay there.",
        )
    ]
    if favourites:
        parts.append(_fill(translate("History", "Favourites are kept (%1)."), favourites))
    if in_progress:
        parts.append(
            _fill(translate("History", "Videos still being made are kept (%1)."), in_progress)
        )
    return " ".join(parts)


def library_status(status: LibraryStatus, added: int, error: BaseException | None) -> str:
    """The line under the history's search box about the account's library."""
    if status is LibraryStatus.IMPORTING:
        if added:
            return _fill(translate("History", "Adding videos from your account… %1 added"), added)
        return translate("History", "Looking for videos in your account…")
    if status is LibraryStatus.FAILED:
        reason = error_text(error) if error is not None else something_went_wrong()
        return _fill(
            translate(
                "History",
                "Couldn't read the videos in your account: %1 Nothing was lost; Framecast "
                "will try again.",
            ),
            reason,
        )
    return ""


def folder_not_opened(folder: object) -> str:
    return _fill(
        translate(
            "History", "Framecast couldn't open the folder %1. Open it in your file manager."
        ),
        folder,
    )


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
    return failure_text(FailureFacts(ErrorKind.AUTH))


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
            translate("Player", "The card below says what went wrong and what Retry does."),
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
    failure, reason, detail = facts.failure, facts.server_text, facts.detail
    if failure is ErrorKind.RENDER and reason:
        return _fill(translate("Errors", "The render failed: %1"), reason)
    if failure is ErrorKind.INVALID and reason:
        return _fill(translate("Errors", "The server refused these settings: %1"), reason)
    if failure is ErrorKind.DISK_FULL and detail and detail.folder and detail.needed_mb:
        return _fill(
            translate(
                "Errors",
                "There is not enough disk space in %1 for this video (it needs %2 MB). "
                "Free some space, then press Retry.",
            ),
            detail.folder,
            detail.needed_mb,
        )
    if failure is ErrorKind.FOLDER and detail and detail.folder:
        return _fill(
            translate(
                "Errors",
                "Framecast can't save videos in %1. Choose another folder in Settings, "
                "then press Retry.",
            ),
            detail.folder,
        )
    if failure is ErrorKind.OFFLINE and detail and detail.count:
        return _budget_spent(detail.count)
    return _failure_sentence(failure)


def _budget_spent(checks: int) -> str:
    """The engine stopped following after this many checks without an outcome."""
    if checks == 1:
        return translate(
            "Errors",
            "Framecast checked on this video once without an answer and stopped. "
            "Press Retry to follow it again.",
        )
    return translate(
        "Errors",
        "Framecast checked on this video %n times without an answer and stopped. "
        "Press Retry to follow it again.",
        None,
        checks,
    )


def _failure_sentence(failure: ErrorKind) -> str:
    return {
        ErrorKind.AUTH: translate(
            "Errors",
            "The server did not accept your API token. Paste a valid token in Settings "
            "to continue.",
        ),
        ErrorKind.CREDITS: translate(
            "Errors",
            "Your account has no credits left for this video. Top up your balance, "
            "or choose a shorter or cheaper model.",
        ),
        ErrorKind.INVALID: translate("Errors", "The server refused these settings."),
        ErrorKind.OFFLINE: translate(
            "Errors", "The server could not be reached. Press Retry when you are back online."
        ),
        ErrorKind.RENDER: translate("Errors", "The render failed."),
        ErrorKind.GONE: translate("Errors", "The server no longer knows this video."),
        ErrorKind.DOWNLOAD: translate(
            "Errors",
            "The finished video could not be downloaded or does not play. "
            "Press Retry to try again.",
        ),
        ErrorKind.BUSY: translate(
            "Errors",
            "Another Framecast window or command is still saving this video. "
            "Press Retry when it has finished.",
        ),
        ErrorKind.TIMEOUT: translate("Errors", "The video took longer than Framecast could wait."),
        ErrorKind.INTERRUPTED: translate(
            "Errors",
            "Framecast stopped unexpectedly while following this video. Press Retry to "
            "follow it again.",
        ),
        ErrorKind.UNCONFIRMED: translate(
            "Errors",
            "Framecast was closed before the server confirmed this video, so it may not "
            "have started. Press Retry to send it again.",
        ),
        ErrorKind.PROTOCOL: translate(
            "Errors",
            "The server sent an answer Framecast does not understand. "
            "Try again later; if it keeps happening, check for a Framecast update.",
        ),
        ErrorKind.DISK_FULL: translate(
            "Errors",
            "There is not enough disk space for this video. Free some space, then press Retry.",
        ),
        ErrorKind.FOLDER: translate(
            "Errors",
            "Framecast can't save videos in the chosen folder. Choose another folder in "
            "Settings, then press Retry.",
        ),
        ErrorKind.INTERNAL: something_went_wrong(),
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
        return failure_text(FailureFacts(error_kind_of(exc), server_reason_of(exc)))
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
    return _account_problem_text(problem)


def _account_problem_text(problem: Problem) -> str:
    if isinstance(problem, AccountVideoGone):
        return translate(
            "Errors", "This video is no longer in your account, so it can't be downloaded."
        )
    if isinstance(problem, AccountVideoElsewhere):
        return translate(
            "Errors",
            "This video is in your account on another server. Connect to that server in "
            "Settings to download it.",
        )
    if isinstance(problem, AccountVideoNotFetched):
        return _not_fetched_text(problem.failure)
    if isinstance(problem, AccountDeleteFailed):
        if isinstance(problem.cause, NotConnected):
            reason = translate("Errors", "Framecast is not connected to that account.")
        else:
            reason = error_text(problem.cause)
        return _fill(
            translate(
                "Errors",
                "The video could not be deleted from your account, so it was kept here too. %1",
            ),
            reason,
        )
    return something_went_wrong()


def _not_fetched_text(failure: ErrorKind) -> str:
    if failure is ErrorKind.OFFLINE:
        return translate(
            "Errors",
            "Can't reach the server to download this video. Check your connection, then "
            "play it again.",
        )
    if failure is ErrorKind.DISK_FULL:
        return translate(
            "Errors",
            "There is not enough disk space to download this video. Free some space, then "
            "play it again.",
        )
    if failure is ErrorKind.FOLDER:
        return translate(
            "Errors",
            "Framecast can't save videos in the chosen folder. Choose another folder in "
            "Settings, then play the video again.",
        )
    return translate(
        "Errors",
        "This video from your account could not be downloaded or does not play. "
        "Play it again to try once more.",
    )


# =========================================================================== the form, Settings
# and Diagnostics: the prompt form's, the Settings dialog's and the Diagnostics
# dialog's own sentences (kept in one block of their own).


def price(amount: float | None) -> str:
    """A cost in USD; unknown is said, never shown as free."""
    if amount is None:
        return translate("PromptForm", "price unknown")
    if amount <= 0:
        return translate("PromptForm", "Free")
    return f"${amount:,.2f}"


def price_per_second(amount: float | None) -> str:
    if amount is None:
        return translate("PromptForm", "price unknown")
    if amount <= 0:
        return translate("PromptForm", "Free")
    return _fill(translate("PromptForm", "%1/s"), f"${amount:g}")


def model_mode(model: GenerationConfig) -> str:
    """What a model makes from what: an image model never reads as text."""
    if model.needs_image:
        return translate("PromptForm", "Image → video")
    return translate("PromptForm", "Text → video")


def model_caption(model: GenerationConfig) -> str:
    """The line under the model picker: mode, price, VIP."""
    mode = (
        translate("PromptForm", "Animates a picture")
        if model.needs_image
        else translate("PromptForm", "Text to video")
    )
    if model.price_per_second is None:
        cost = translate("PromptForm", "price unknown")
    elif model.price_per_second > 0:
        cost = _fill(translate("PromptForm", "%1 per second"), f"${model.price_per_second:g}")
    else:
        cost = translate("PromptForm", "Free")
    parts = [mode, cost]
    if model.vip_required:
        parts.append(translate("PromptForm", "★ VIP only"))
    return "  ·  ".join(parts)


def model_tooltip(model: GenerationConfig, durations: tuple[int, ...], locked: bool) -> str:
    lines = [
        model.display_name,
        model.name,
        _fill(translate("PromptForm", "Durations: %1"), ", ".join(map(seconds, durations))),
    ]
    if locked:
        lines.append(vip_locked_note())
    elif model.vip_required:
        lines.append(translate("PromptForm", "Needs a VIP account"))
    return "\n".join(lines)


def vip_locked_note() -> str:
    return translate("PromptForm", "★ VIP models need a VIP account, and yours is not VIP.")


def left_out_note(count: int) -> str:
    """Under the picker: the backend's models that are not in it, and why."""
    if count == 1:
        return translate(
            "PromptForm", "Not listed: 1 model making pictures, sound or video from video."
        )
    return translate(
        "PromptForm",
        "Not listed: %n models making pictures, sound or video from video.",
        None,
        count,
    )


def left_out_reason(model: GenerationConfig) -> str:
    """One left-out model and why, for the note's tooltip."""
    if model.needs_video:
        why = translate("PromptForm", "turns a video into another video")
    elif model.type in (TEXT_TO_IMAGE, IMAGE_TO_IMAGE):
        why = translate("PromptForm", "makes pictures, not videos")
    elif model.type == TEXT_TO_AUDIO:
        why = translate("PromptForm", "makes sound, not videos")
    else:
        why = translate("PromptForm", "does not say that it makes videos")
    return f"{model.display_name}: {why}"


def fps(rate: int) -> str:
    return _fill(translate("PromptForm", "%1 fps"), rate)


def frame_text(frame: Frame) -> str:
    return f"{frame.aspect}  ·  {frame.width}×{frame.height}"


def not_charged() -> str:
    """Said wherever a failed video's cost matters (the cost, a failed card)."""
    return translate("PromptForm", "Failed videos are not charged.")


def balance_short(balance: float | None, cost: float | None) -> str:
    return _fill(
        translate(
            "PromptForm",
            "Your balance (%1) is less than this video's estimated cost (%2). Top up, or "
            "choose a shorter or cheaper model.",
        ),
        price(balance),
        price(cost),
    )


def request_problem(problem: RequestProblem) -> str:
    """Why the form can't be sent yet, for the creator (the CLI says `str(problem)`)."""
    if isinstance(problem, requests.EmptyPrompt):
        return translate("PromptForm", "Describe the video you want to start.")
    if isinstance(problem, requests.PromptTooLong):
        return _fill(
            translate("PromptForm", "The prompt is too long: shorten it to %1 characters."),
            problem.limit,
        )
    if isinstance(problem, requests.NoModel | requests.UnknownModel):
        return translate("PromptForm", "Choose a model.")
    if isinstance(problem, requests.ModelNotUsable):
        return translate("PromptForm", "Framecast can't make videos with this model.")
    if isinstance(problem, requests.VipOnly):
        return translate(
            "PromptForm", "This model needs a VIP account, and your account is not VIP."
        )
    if isinstance(problem, requests.ImageNeeded):
        return translate("PromptForm", "This model animates a picture: add one above.")
    if isinstance(problem, requests.DurationNotOffered):
        return _fill(
            translate("PromptForm", "This model does not offer that duration. Choose %1."),
            ", ".join(map(seconds, problem.offered)),
        )
    if isinstance(problem, requests.AspectNotOffered):
        return _fill(
            translate("PromptForm", "This model makes %1 videos. Choose one of those frames."),
            ", ".join(problem.offered),
        )
    if isinstance(problem, requests.BadSeed):
        return _fill(
            translate("PromptForm", "The seed must be a whole number from 0 to %1."), MAX_SEED
        )
    return translate("PromptForm", "The server would refuse these settings. Change them.")


def models_available(count: int) -> str:
    """Test connection's good news, with the right plural in every language."""
    if count == 1:
        return translate("SettingsDialog", "Connected: 1 model available.")
    return translate("SettingsDialog", "Connected: %n models available.", None, count)


def balance_text(balance: float) -> str:
    return _fill(translate("SettingsDialog", "Balance: %1."), price(balance))


def token_refused_here() -> str:
    """A refused token, said inside Settings (where "open Settings" makes no sense)."""
    return translate(
        "SettingsDialog",
        "The server did not accept this token. Check that you copied all of it, or create "
        "a new one in your SuperDuperAI account.",
    )


def connection_failed() -> str:
    return translate("SettingsDialog", "The connection failed.")


def test_result(error: BaseException) -> str:
    """Why Test connection failed, in the creator's words."""
    if isinstance(error, AuthenticationError):
        return token_refused_here()
    if isinstance(error, ApiError | Problem):
        return error_text(error)
    return connection_failed()


def token_place(place: TokenPlace, saved: bool) -> str:
    """Where the token is kept (or would be), as it really is on this machine."""
    if place.kind == "keyring":
        if saved:
            return translate("SettingsDialog", "Your token is saved in the system keyring.")
        return translate("SettingsDialog", "A token you paste is saved in the system keyring.")
    if saved:
        return _fill(
            translate(
                "SettingsDialog",
                "This computer has no keyring, so your token is saved in a private file "
                "only you can read: %1",
            ),
            place.path,
        )
    return _fill(
        translate(
            "SettingsDialog",
            "This computer has no keyring, so a token you paste is saved in a private file "
            "only you can read: %1",
        ),
        place.path,
    )


# --------------------------------------------------------------------------- start-up


def _variable_rule(name: str) -> str:
    """What an environment variable must hold, named in the sentence."""
    if name in INTERVAL_LIMITS:
        low, high = INTERVAL_LIMITS[name]
        return _fill(
            translate("Startup", "%1 must be a number of seconds from %2 to %3."),
            name,
            f"{low:g}",
            f"{high:g}",
        )
    if name == URL_ENV:
        return _fill(
            translate(
                "Startup",
                "%1 must be an http:// or https:// address without a user name or password.",
            ),
            name,
        )
    return _fill(translate("Startup", "%1 holds a value Framecast can't use."), name)


def startup_notice(notice: Notice) -> str:
    """Something start-up worked around, for a message over the window."""
    if notice.kind is NoticeKind.HISTORY_MOVED:
        return _fill(
            translate(
                "Startup",
                "The history %1 was damaged. It was kept as %2 and a new, empty history "
                "was started.",
            ),
            notice.path,
            notice.moved_to.name if notice.moved_to else "",
        )
    if notice.kind is NoticeKind.SETTINGS_FILE:
        return _settings_file_notice(notice)
    if notice.kind is NoticeKind.ENVIRONMENT:
        return " ".join(
            (
                _variable_rule(notice.name or ""),
                translate("Startup", "Framecast uses its default value instead."),
            )
        )
    return _fill(
        translate("Startup", "Framecast can't write its log file in %1."),
        notice.path or translate("Startup", "its log folder"),
    )


def _settings_file_notice(notice: Notice) -> str:
    if notice.trouble is SettingsFileTrouble.BAD_VALUE:
        return _fill(
            translate("Startup", "The settings file %1 has a bad value for %2; it was ignored."),
            notice.path,
            notice.name,
        )
    if notice.trouble is SettingsFileTrouble.UNREADABLE:
        text = translate(
            "Startup", "The settings file %1 can't be read; using the default settings."
        )
    elif notice.trouble is SettingsFileTrouble.NOT_TEXT:
        text = translate(
            "Startup", "The settings file %1 is not UTF-8 text; using the default settings."
        )
    else:
        text = translate("Startup", "The settings file %1 is damaged; using the default settings.")
    return _fill(text, notice.path)


def startup_problem(exc: StartupError) -> str:
    """Why Framecast can't start on this machine's state, and what to do."""
    if exc.problem is StartupProblem.DATA_FOLDER:
        return _fill(
            translate(
                "Startup",
                "Framecast can't write to its data folder %1. Make it writable, or choose "
                "another folder with %2.",
            ),
            exc.path,
            DATA_DIR_ENV,
        )
    if exc.problem is StartupProblem.HISTORY_NEWER:
        return _fill(
            translate(
                "Startup",
                "The history %1 was made by a newer Framecast. Update Framecast, or move the "
                "file away to start a new history.",
            ),
            exc.path,
        )
    if exc.problem is StartupProblem.HISTORY_UNUSABLE:
        return _fill(translate("Startup", "Framecast can't open its history %1."), exc.path)
    return " ".join(_variable_rule(name) for name in exc.names)


# ------------------------------------------------------------------ frames, export, compare


def precise_clock(total_seconds: float) -> str:
    """A point in a video to a tenth of a second: 0:03.2, 1:05.0."""
    tenths = max(0, round(total_seconds * 10))
    minutes, rest = divmod(tenths, 600)
    return f"{minutes}:{rest // 10:02d}.{rest % 10}"


def duration_text(total_seconds: float) -> str:
    return _fill(translate("Export", "%1 s"), f"{total_seconds:.1f}")


def frame_saved_to(path: Path) -> str:
    return _fill(translate("Player", "Frame saved to %1"), path)


def frame_not_saved(error: BaseException | None) -> str:
    return _fill(translate("Player", "The frame was not saved: %1"), media_problem(error))


def last_frame_not_taken(error: BaseException | None) -> str:
    return _fill(translate("Player", "The last frame could not be taken: %1"), media_problem(error))


def no_image_model() -> str:
    return translate(
        "Player",
        "No model here can start a video from a picture, so this clip can't be continued. "
        "Connect to a service that offers image-to-video models, or use the built-in renderer.",
    )


def continue_note() -> str:
    return translate(
        "Player", "The last frame is the picture of a new video. Edit the prompt, then Generate."
    )


def export_range(start: float, end: float) -> str:
    return _fill(
        translate("Export", "From %1 to %2 (%3)"),
        precise_clock(start),
        precise_clock(end),
        duration_text(end - start),
    )


def export_format_note(kind: str, copyable: bool | None) -> str:
    """What a format will do with this range."""
    if kind == "gif":
        return translate(
            "Export", "Loops forever. At most 480 pixels wide and 12 frames a second, no sound."
        )
    if kind == "webm":
        return translate("Export", "Smaller files for the web. Re-encoded, which takes a moment.")
    if copyable is None:
        return translate("Export", "Checking the video…")
    if copyable:
        return translate(
            "Export", "A fast copy: no re-encoding, so nothing of the quality is lost."
        )
    return translate(
        "Export", "Re-encoded at high quality, which takes a moment: In is not on a keyframe."
    )


def export_file_filter(kind: str) -> str:
    names = {
        "mp4": translate("Export", "MP4 video (*.mp4)"),
        "gif": translate("Export", "GIF animation (*.gif)"),
        "webm": translate("Export", "WebM video (*.webm)"),
    }
    return names.get(kind, names["mp4"])


def exporting(percent: int) -> str:
    return _fill(translate("Export", "Exporting… %1%"), percent)


def exported_to(path: Path, seconds: float, size_bytes: int) -> str:
    return _fill(
        translate("Export", "Saved to %1 (%2, %3)"),
        path,
        duration_text(seconds),
        file_size(size_bytes),
    )


def file_size(size_bytes: int) -> str:
    """A file's size in kilobytes or megabytes, in the window's language."""
    if size_bytes < 1_000_000:
        return _fill(translate("Export", "%1 KB"), max(1, round(size_bytes / 1000)))
    return _fill(translate("Export", "%1 MB"), QLocale().toString(size_bytes / 1_000_000, "f", 1))


def replace_question(name: str) -> str:
    return _fill(translate("Export", "%1 already exists. Replace it?"), name)


def media_problem(error: BaseException | None) -> str:
    """A failure of the media engine (app.media.errors) in the creator's words."""
    if isinstance(error, DiskFullError):
        return _fill(
            translate(
                "Export",
                "There is not enough disk space in %1. Free some space or choose another "
                "folder, then try again.",
            ),
            error.folder,
        )
    if isinstance(error, FolderNotWritableError):
        return _fill(
            translate("Export", "Framecast can't save in %1. Choose another folder."),
            error.folder,
        )
    if isinstance(error, OutputExistsError):
        return _fill(
            translate("Export", "%1 already exists. Choose another name, or replace it."),
            error.path.name,
        )
    if isinstance(error, UnreadableVideoError):
        return _fill(
            translate(
                "Export", "Framecast can't read the video %1: the file is missing or damaged."
            ),
            error.path.name,
        )
    if isinstance(error, ExportCancelled):
        return translate("Export", "Cancelled; nothing was saved.")
    if isinstance(error, OutOfRangeError):
        return translate("Export", "That part is outside the video. Set In and Out inside it.")
    if isinstance(error, UnsupportedExportError):
        return translate("Export", "This format can't be made on this computer.")
    if isinstance(error, ExportFailedError):
        return _fill(
            translate("Export", "The export of %1 did not come out right, so it was not saved."),
            error.path.name,
        )
    if isinstance(error, MediaError):
        return translate("Export", "Something went wrong with this video file.")
    if isinstance(error, PermissionError):
        return translate("Export", "Framecast is not allowed to save there. Choose another folder.")
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return something_went_wrong()


def compare_details(model: str, seconds: int | None, seed: int | None, size: str) -> str:
    """A compared video's settings on one line: model · 5 s · seed 42 · 1280×720."""
    parts = [model]
    if seconds is not None:
        parts.append(_fill(translate("Compare", "%1 s"), seconds))
    if seed is not None:
        parts.append(_fill(translate("Compare", "seed %1"), seed))
    if size:
        parts.append(size)
    return " · ".join(part for part in parts if part)


def compare_nothing_else() -> str:
    return translate(
        "Compare", "There is no other finished video to compare with yet. Make another one first."
    )


# --------------------------------------------------------------------------- prompts and presets


def earlier_prompts() -> str:
    return translate("PromptRecall", "Earlier prompts")


def earlier_prompts_tip() -> str:
    return translate(
        "PromptRecall", "Earlier prompts. In an empty prompt box, Up and Down bring them back too."
    )


def filter_earlier_prompts() -> str:
    return translate("PromptRecall", "Filter earlier prompts")


def prompt_list_hint() -> str:
    return translate("PromptRecall", "Enter puts the prompt in the box, Esc closes.")


def no_earlier_prompts() -> str:
    return translate("PromptRecall", "No earlier prompts yet. Every prompt you send is kept here.")


def no_prompt_matches() -> str:
    return translate("PromptRecall", "No earlier prompt has these words.")


def recall_position(which: int, count: int) -> str:
    """Shown under the prompt box while Up and Down walk through earlier prompts."""
    return _fill(translate("PromptRecall", "Earlier prompt %1 of %2 · Esc goes back"), which, count)


def preset() -> str:
    return translate("Presets", "Preset")


def preset_tip() -> str:
    return translate(
        "Presets",
        "A preset keeps every setting below (not the prompt). Choose one to use its settings.",
    )


def choose_preset() -> str:
    return translate("Presets", "Choose a preset…")


def no_presets() -> str:
    return translate("Presets", "No presets yet")


def preset_actions() -> str:
    return translate("Presets", "Preset actions")


def save_preset_as() -> str:
    return translate("Presets", "Save current settings as…")


def rename_preset() -> str:
    return translate("Presets", "Rename…")


def delete_preset() -> str:
    return translate("Presets", "Delete…")


def save_preset_title() -> str:
    return translate("Presets", "Save preset")


def save_preset() -> str:
    return translate("Presets", "Save")


def cancel() -> str:
    return translate("Presets", "Cancel")


def preset_name_label() -> str:
    return translate("Presets", "Name for the current settings:")


def rename_preset_title() -> str:
    return translate("Presets", "Rename preset")


def preset_new_name_label() -> str:
    return translate("Presets", "New name:")


def replace_preset_title() -> str:
    return translate("Presets", "Replace preset?")


def replace_preset_question(name: str) -> str:
    return _fill(
        translate(
            "Presets", "A preset named “%1” already exists. Replace it with the current settings?"
        ),
        name,
    )


def replace_preset() -> str:
    return translate("Presets", "Replace")


def keep_preset() -> str:
    return translate("Presets", "Keep it")


def delete_preset_title() -> str:
    return translate("Presets", "Delete preset?")


def delete_preset_question(name: str) -> str:
    return _fill(translate("Presets", "Delete the preset “%1”?"), name)


def delete_preset_details() -> str:
    return translate("Presets", "Your videos and the form stay as they are.")


def delete_preset_yes() -> str:
    return translate("Presets", "Delete")


def preset_saved(name: str) -> str:
    return _fill(translate("Presets", "Saved the preset “%1”."), name)


def preset_renamed(name: str) -> str:
    return _fill(translate("Presets", "Renamed to “%1”."), name)


def preset_deleted(name: str) -> str:
    return _fill(translate("Presets", "Deleted the preset “%1”."), name)


def preset_applied(name: str) -> str:
    return _fill(translate("Presets", "Using the preset “%1”."), name)


def preset_gap(setting: str, shown: str) -> str:
    """One setting of a preset the form could not use now (`shown` as the form shows it)."""
    templates = {
        "model": translate("Presets", "the model “%1”"),
        "style": translate("Presets", "the style “%1”"),
        "duration": translate("Presets", "the duration %1"),
        "frame": translate("Presets", "the frame %1"),
        "shot_size": translate("Presets", "the shot size %1"),
        "frame_rate": translate("Presets", "the frame rate %1"),
        "takes": translate("Presets", "%1 takes"),
    }
    return _fill(templates.get(setting, "%1"), shown)


def preset_applied_partly(name: str, gaps: Sequence[tuple[str, str]]) -> str:
    listed = ", ".join(preset_gap(setting, shown) for setting, shown in gaps)
    return _fill(
        translate(
            "Presets",
            "Using the preset “%1”, except %2: not offered now, so the form keeps its own choice.",
        ),
        name,
        listed,
    )


def bad_preset_name(longest: int) -> str:
    return _fill(translate("Presets", "Give the preset a name of 1 to %1 characters."), longest)


def preset_name_taken(name: str) -> str:
    return _fill(translate("Presets", "Another preset is already named “%1”."), name)


def _reason(error: BaseException | None) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return type(error).__name__ if error is not None else ""


def presets_not_saved(error: BaseException | None) -> str:
    return _fill(
        translate("Presets", "The presets could not be saved (%1). Nothing was changed."),
        _reason(error),
    )


def presets_not_read(error: BaseException | None) -> str:
    return _fill(translate("Presets", "The presets could not be read (%1)."), _reason(error))


def presets_file_damaged(moved_to: Path, unreadable: int) -> str:
    """The presets file was damaged: the store kept it whole under another name."""
    if unreadable:
        return _fill(
            translate(
                "Presets",
                "%1 presets could not be read; the others are here. The old file was kept as %2.",
            ),
            unreadable,
            moved_to,
        )
    return _fill(
        translate(
            "Presets",
            "The presets file was damaged, so it was kept as %1 and a new one was started.",
        ),
        moved_to,
    )


def again_new_seed() -> str:
    return translate("MainWindow", "Again with a new seed")


def again_new_seed_tip() -> str:
    return translate(
        "MainWindow",
        "Make this video again right away: the same prompt and settings, a new random seed.",
    )


def retry_charge_note(failure: ErrorKind | None, free: bool, file_id: str | None = None) -> str:
    """Under a failed video's Retry (and its tooltip): what Retry does for this
    failure (`retry_way`) and what it costs. `file_id` is the service's id of
    the job, None when it never confirmed one."""
    if retry_way(failure, file_id) is RetryWay.FOLLOW:
        if free:
            return translate(
                "Jobs", "Retry picks up this same video again. The built-in renderer is free."
            )
        return translate(
            "Jobs", "Retry picks up this same video again; nothing new is made or charged."
        )
    if free:
        return translate("Jobs", "The built-in renderer is free: nothing is ever charged.")
    if failure in NOT_RENDERED:
        return translate(
            "Jobs",
            "Failed videos are not charged. Retry sends it again; it is charged only if it "
            "succeeds.",
        )
    return translate(
        "Jobs",
        "Retry makes it again as a new video, which is charged if it succeeds.",
    )


# =========================================================================== takes and the queue
# (issue 14): the Takes control, the cost of several takes, the queue panel
# and what the form says about the videos waiting ahead.


def take_label(number: int | None, count: int | None) -> str:
    """ "Take 2 of 3" for a job that is one of several takes; empty otherwise."""
    if not number or not count or count < 2:
        return ""
    return _fill(translate("Queue", "Take %1 of %2"), number, count)


def takes_cost(amount: float | None, takes: int) -> str:
    """The cost shown before Generate: one video's, or all the takes' together."""
    if takes <= 1:
        return _fill(translate("PromptForm", "Estimated cost: %1"), price(amount))
    return _fill(translate("PromptForm", "Estimated cost: %1 for %2 takes"), price(amount), takes)


def takes_tooltip() -> str:
    return translate(
        "PromptForm",
        "How many videos one press of Generate makes: the same settings, "
        "with the seeds counting up from the one shown.",
    )


def waiting_ahead(ahead: int, paused: bool) -> str:
    """What the form says when the next video would wait in the queue."""
    if paused:
        return translate("Queue", "The queue is paused: this video will wait until you resume it.")
    if ahead <= 0:
        return translate("Queue", "This video will wait until one in progress is done.")
    if ahead == 1:
        return translate("Queue", "One video waiting ahead of this one")
    return translate("Queue", "%n videos waiting ahead of this one", None, ahead)


def queue_header(count: int) -> str:
    return translate("Queue", "Waiting to be sent (%n)", None, count)


def queue_limit_note(limit: int) -> str:
    return translate(
        "Queue",
        "Sent %n at a time. Waiting videos cost nothing until they are sent.",
        None,
        limit,
    )


def queue_limit_choice(limit: int) -> str:
    """One choice of the queue's "how many at a time" picker."""
    return translate("Queue", "%n at a time", None, limit)


def queue_limit_tip() -> str:
    return translate(
        "Queue",
        "How many videos are sent to this service at the same time; the rest wait here.",
    )


def queue_paused_note() -> str:
    return translate("Queue", "Paused: nothing more is sent until you resume.")


def pause_queue(paused: bool) -> str:
    return translate("Queue", "Resume sending") if paused else translate("Queue", "Pause sending")


def queue_item_subtitle(model_label: str, duration: int | None, take: str) -> str:
    """A waiting item's second line: its take, length and model."""
    length = seconds(duration) if duration is not None else ""
    return "  ·  ".join(part for part in (take, length, model_label) if part)


def queue_not_sent() -> str:
    return translate(
        "Queue",
        "A waiting video could not be sent. It stays in the queue; "
        "Framecast tries again when a video in progress is done.",
    )
