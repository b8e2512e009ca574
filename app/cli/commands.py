"""`framecast generate`, `track` and `models`: the engine from a terminal.

The contract (docs/cli.md) fixes names, output and exit codes:
a rich progress bar on a terminal, plain lines otherwise, JSON Lines on
stdout with `--json` (and nothing else there), the result line last on every
run that got past argument parsing, diagnostics on stderr only. Ctrl+C and
`--timeout` stop following but leave the job resumable in the history.

Nothing ends in a traceback: bad input and local state Framecast cannot use
(an `--out` that is a folder or can't be written, a bad environment value, a
data folder that can't be written, a history made by a newer Framecast) exit
2 with one sentence before anything is sent; any unexpected error is logged
with its traceback and ends with a result line and exit 1. `--out` is
written with the user's umask.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.api import requests
from app.api.client import SuperDuperClient
from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    InvalidRequestError,
    UnusableImageError,
)
from app.api.images import check_source_image
from app.api.models import (
    Account,
    GenerationConfig,
    GenerationRequest,
)
from app.api.requests import (
    Choices,
    RequestProblem,
    vip_locked,
)
from app.cli import wording
from app.cli.exit_codes import (
    EXIT_AUTH,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TIMEOUT,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
)
from app.cli.reporter import Reporter, err
from app.engine.config import EngineConfig
from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.local.launcher import LocalRendererError
from app.logs import clean_text, log_file_path
from app.session import Session, choose_backend
from app.startup import (
    LocalState,
    StartupError,
    load_startup_settings,
    open_local_state,
    start_logging,
)
from app.store.history import AsyncHistoryStore
from app.store.queue import Take
from app.store.settings import Settings

if TYPE_CHECKING:
    from rich.text import Text

log = logging.getLogger("framecast.cli")

#: How long `generate` and `track` keep trying an unreachable backend before exit 4.
CLI_OFFLINE_GIVE_UP = 300.0


class UsageError(Exception):
    """Bad input caught before anything was sent (exit 2)."""


@dataclass
class Outcome:
    code: int
    result: dict[str, object]  # the last line
    #: Result lines before the last (the other takes of `generate --takes`).
    earlier: list[dict[str, object]] = field(default_factory=list)


async def _one(job: Awaitable[str]) -> list[str]:
    return [await job]


def _parse_resolution(value: str) -> tuple[int, int]:
    try:
        w, h = value.lower().split("x", 1)
        return int(w), int(h)
    except ValueError:
        raise UsageError(f"--resolution must look like 1280x720, not {value!r}") from None


def check_out(path_text: str) -> Path:
    """`--out` as a path the video can be written to, or UsageError now (not
    after a render): not a folder, inside a folder this user can write to."""
    path = Path(path_text).expanduser().absolute()
    if path.is_dir():
        raise UsageError(f"--out {path_text} is a folder; give a file name, such as video.mp4")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise UsageError(f"--out {path_text}: {folder} is not a folder")
    try:
        fd, probe = tempfile.mkstemp(prefix=".framecast-check-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(f"--out {path_text}: can't write in {folder} ({reason})") from None
    return path


def check_image(path_text: str) -> Path:
    """`--image` as a picture the service accepts, or UsageError saying why."""
    try:
        image = check_source_image(Path(path_text).expanduser())
    except UnusableImageError as exc:
        raise UsageError(wording.image_problem_text(exc)) from None
    return image.path.resolve()


def build_request(
    args: argparse.Namespace,
    model: GenerationConfig | None,
    account: Account | None = None,
) -> GenerationRequest:
    """The generation request from the arguments, checked against the model
    by the rules the window's form uses too (`app.api.requests`)."""
    size = _parse_resolution(args.resolution) if args.resolution else None
    choices = Choices(
        prompt=args.prompt,
        model=model,
        model_name=args.model,
        duration=args.duration,
        aspect=args.aspect,
        size=size,
        seed=args.seed,
        frame_rate=args.fps,
        shot_size=args.shot_size,
        style_name=args.style,
        negative_prompt=args.negative or "",
        has_image=bool(args.image),
        account=account,
    )
    try:
        return requests.build_request(choices)
    except RequestProblem as problem:
        raise UsageError(wording.request_problem(problem)) from None


def pick_model(
    configs: list[GenerationConfig], name: str | None, wants_image: bool
) -> GenerationConfig | None:
    """The model to use (see `app.api.requests.pick_model`), or UsageError."""
    try:
        return requests.pick_model(configs, name, wants_image)
    except RequestProblem as problem:
        raise UsageError(wording.request_problem(problem)) from None


async def account_for(client: SuperDuperClient, model: GenerationConfig | None) -> Account | None:
    """The account, read only when it decides something (a VIP model); without
    account information the service decides."""
    if model is None or not model.vip_required:
        return None
    return await client.account_if_known()


# ------------------------------------------------------------------ running


def exit_code_for(update: JobUpdate) -> int:
    if update.state == JobState.COMPLETED:
        return EXIT_OK
    return {
        ErrorKind.AUTH: EXIT_AUTH,
        ErrorKind.OFFLINE: EXIT_UNREACHABLE,
        ErrorKind.INVALID: EXIT_USAGE,
        ErrorKind.TIMEOUT: EXIT_TIMEOUT,
    }.get(update.error_kind or ErrorKind.INTERNAL, EXIT_FAILED)


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, and put it back
    os.umask(mask)
    return mask


def save_copy(source: Path, destination: Path) -> Path:
    """Copy the verified video to `destination`, whole or not at all, with the
    permissions any new file of this user gets (its umask), not the private
    ones of Framecast's own videos folder."""
    destination = destination.expanduser().resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{destination.name}.", dir=destination.parent)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
            if os.name == "posix":
                os.fchmod(out.fileno(), 0o666 & ~_umask())
        os.replace(tmp, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return destination


def result_line(update: JobUpdate, path: Path | None) -> dict[str, object]:
    if update.state == JobState.COMPLETED:
        return {
            "type": "result",
            "state": "completed",
            "file_id": update.file_id,
            "url": update.url,
            "path": str(path or update.path),
        }
    if update.state is JobState.CANCELLED:
        return failure_line("cancelled", update.file_id, wording.stopped_following())
    return failure_line("failed", update.file_id, wording.update_failure_text(update))


def failure_line(state: str, file_id: str | None, error: str) -> dict[str, object]:
    return {"type": "result", "state": state, "file_id": file_id, "error": error}


async def _follow(
    session: Session,
    start: Callable[[], Awaitable[list[str]]],
    args: argparse.Namespace,
    reporter: Reporter,
) -> Outcome:
    """Start the job (or the takes), follow them to the end and say how each
    ended: one result line per job, in order; `--timeout` counts for all."""
    manager = session.manager
    unsubscribe = manager.subscribe(reporter.update)
    job_ids: list[str] = []
    try:
        job_ids = await start()
        waits = [asyncio.ensure_future(manager.wait(job_id)) for job_id in job_ids]
        try:
            await asyncio.wait(waits, timeout=args.timeout)
        finally:
            for wait in waits:
                wait.cancel()
        outcomes = [
            _ended(wait.result(), _out_path(args.out, n, len(job_ids)))
            if wait.done() and not wait.cancelled()
            else _timed_out(manager.snapshot(job_id), args.timeout)
            for n, (job_id, wait) in enumerate(zip(job_ids, waits, strict=True), start=1)
        ]
        return _together(outcomes, numbered=len(job_ids) > 1)
    except asyncio.CancelledError:
        outcomes = [_interrupted(manager.snapshot(job_id)) for job_id in job_ids or [""]]
        return _together(outcomes, numbered=len(job_ids) > 1)
    finally:
        unsubscribe()


def _ended(final: JobUpdate, out: str | None) -> Outcome:
    """A finished job's result, its video also copied to `out` when asked."""
    path: Path | None = None
    if final.state == JobState.COMPLETED and out:
        assert final.path is not None
        try:
            path = save_copy(Path(final.path), Path(out))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return Outcome(
                EXIT_FAILED,
                failure_line("failed", final.file_id, wording.not_saved(final.path, out, reason)),
            )
    return Outcome(exit_code_for(final), result_line(final, path))


def _timed_out(snap: JobUpdate | None, timeout: float | None) -> Outcome:
    file_id = snap.file_id if snap else None
    seconds = timeout or 0.0
    return Outcome(
        EXIT_TIMEOUT, failure_line("failed", file_id, wording.timed_out(seconds, file_id))
    )


def _interrupted(snap: JobUpdate | None) -> Outcome:
    file_id = snap.file_id if snap else None
    return Outcome(
        EXIT_INTERRUPTED, failure_line("cancelled", file_id, wording.interrupted(file_id))
    )


def _out_path(out: str | None, take: int, takes: int) -> str | None:
    """Where take `take` is copied: `--out` itself for one video, else
    `NAME-take2.mp4` beside it for each take."""
    if out is None or takes == 1:
        return out
    path = Path(out)
    return str(path.with_name(f"{path.stem}-take{take}{path.suffix}"))


def _together(outcomes: list[Outcome], *, numbered: bool) -> Outcome:
    """Several takes' outcomes as one: a result line each (numbered with
    `take`), exit 0 only when every take completed, else the code of the
    first take that did not (1 for a failed render)."""
    if numbered:
        for take, outcome in enumerate(outcomes, start=1):
            outcome.result = {**outcome.result, "take": take}
    code = next((o.code for o in outcomes if o.code != EXIT_OK), EXIT_OK)
    if any(o.code == EXIT_INTERRUPTED for o in outcomes):
        code = EXIT_INTERRUPTED
    last = outcomes[-1]
    return Outcome(code, last.result, [o.result for o in outcomes[:-1]])


async def _start_takes(
    session: Session, request: GenerationRequest, image: Path | None, takes: int
) -> list[str]:
    """Send the takes at once (the command line does not queue): the same
    request, seeds counting up from `--seed` or from a random one."""
    if takes == 1:
        return [await session.manager.submit(request, source_image=image)]
    group = uuid.uuid4().hex
    seeds = requests.take_seeds(request.seed, takes)
    return [
        await session.manager.submit(
            request.model_copy(update={"seed": seed}),
            source_image=image,
            take=Take(group, number, takes),
        )
        for number, seed in enumerate(seeds, start=1)
    ]


async def _run_job(args: argparse.Namespace, state: LocalState, reporter: Reporter) -> Outcome:
    history = AsyncHistoryStore(state.history)
    try:
        return await _run_session(args, state.settings, history, reporter)
    finally:
        await asyncio.shield(history.aclose())


async def _run_session(
    args: argparse.Namespace, settings: Settings, history: AsyncHistoryStore, reporter: Reporter
) -> Outcome:
    choice = choose_backend(settings, args.backend, args.token)
    if choice.url is not None and not choice.token:
        return Outcome(EXIT_AUTH, failure_line("failed", None, wording.no_token()))
    config = EngineConfig.for_intervals(
        settings.poll_interval, settings.sse_idle_timeout, offline_give_up=CLI_OFFLINE_GIVE_UP
    )
    try:
        session = await Session.open(choice, settings, config=config, history=history)
    except LocalRendererError as exc:
        err(str(exc))
        return Outcome(EXIT_UNREACHABLE, failure_line("failed", None, str(exc).split("\n", 1)[0]))
    try:
        if args.command == "track":
            return await _follow(
                session, lambda: _one(session.manager.track(args.file_id)), args, reporter
            )
        image = check_image(args.image) if args.image else None
        model: GenerationConfig | None = None
        if not args.model or args.duration is None or image is not None:
            configs = (await session.client.list_generation_configs()).items
            model = pick_model(configs, args.model, image is not None)
        account = await account_for(session.client, model)
        request = build_request(args, model, account)
        return await _follow(
            session, lambda: _start_takes(session, request, image, args.takes), args, reporter
        )
    finally:
        diagnostics = session.manager.diagnostics.as_dict()
        await asyncio.shield(session.aclose())
        if reporter.json_mode:
            reporter.diagnostics = diagnostics


def _api_error_outcome(exc: ApiError) -> Outcome:
    code = (
        EXIT_AUTH
        if isinstance(exc, AuthenticationError)
        else EXIT_UNREACHABLE
        if isinstance(exc, BackendUnavailableError)
        else EXIT_USAGE
        if isinstance(exc, InvalidRequestError)
        else EXIT_FAILED
    )
    return Outcome(code, failure_line("failed", None, wording.api_error_text(exc)))


def _unexpected_outcome(exc: BaseException) -> Outcome:
    log.error("the command failed unexpectedly", exc_info=exc)
    text = wording.unexpected_problem(type(exc).__name__, log_file_path())
    return Outcome(EXIT_FAILED, failure_line("failed", None, text))


async def _follow_command(args: argparse.Namespace) -> int:
    json_mode = bool(args.json)
    reporter = Reporter(json_mode)
    try:
        if args.out:
            check_out(args.out)
        state = open_local_state(strict_environment=True)
    except UsageError as exc:
        outcome = Outcome(EXIT_USAGE, failure_line("failed", None, str(exc)))
    except StartupError as exc:
        outcome = Outcome(
            EXIT_USAGE, failure_line("failed", None, wording.startup_problem_text(exc))
        )
    except Exception as exc:
        outcome = _unexpected_outcome(exc)
    else:
        for notice in state.notices:
            err(wording.notice_text(notice))
        with reporter:
            try:
                outcome = await _run_job(args, state, reporter)
            except UsageError as exc:
                outcome = Outcome(EXIT_USAGE, failure_line("failed", None, str(exc)))
            except ApiError as exc:
                outcome = _api_error_outcome(exc)
            except Exception as exc:
                outcome = _unexpected_outcome(exc)
    for line in outcome.earlier:
        reporter.result(line)
    reporter.result(outcome.result)
    return outcome.code


async def _models_command(args: argparse.Namespace) -> int:
    settings, notices = load_startup_settings(strict_environment=True)  # StartupError: exit 2
    for notice in notices:
        err(wording.notice_text(notice))
    try:
        choice = choose_backend(settings, args.backend, args.token)
        session = await Session.open(choice, settings)
    except LocalRendererError as exc:
        err(str(exc))
        return EXIT_UNREACHABLE
    try:
        listing, account = await asyncio.gather(
            session.client.list_generation_configs(), session.client.account_if_known()
        )
    except ApiError as exc:
        outcome = _api_error_outcome(exc)
        err(str(outcome.result["error"]))
        return outcome.code
    finally:
        await session.aclose()
    if listing.skipped:
        err(wording.configurations_skipped(len(listing.skipped)))
    if args.json:
        entries = [model_json(m, account) for m in listing.items]
        print(json.dumps(entries, ensure_ascii=False), flush=True)
    else:
        print_models(listing.items, account)
    return EXIT_OK


def model_json(model: GenerationConfig, account: Account | None) -> dict[str, object]:
    """One entry of `framecast models --json`. The first six keys are the
    original interface (`label` is the service's label, or a name made from
    `name` when it has none; `price_per_second` is null when unknown); the
    rest were added with the SDK's catalogue."""
    return {
        "name": model.name,
        "label": model.display_name,
        "type": model.type,
        "price_per_second": model.price_per_second,
        "available_durations": model.available_durations,
        "vip_required": model.vip_required,
        "usable": model.usable,
        "reason": wording.unusable_reason(model),
        "needs_image": model.needs_image,
        "needs_video": model.needs_video,
        "price_known": model.price_known,
        "max_duration": model.max_duration,
        "aspect_ratios": model.aspect_ratios,
        "source": model.source,
        "vip_locked": vip_locked(model, account),
        "account_vip": account.vip if account is not None else None,
        "account_balance": account.balance if account is not None else None,
    }


def _price_text(model: GenerationConfig) -> str:
    if model.price_per_second is None:
        return "price unknown"
    return "Free" if model.price_per_second == 0 else f"${model.price_per_second:g}/s"


def _cell(text: str) -> Text:
    """Server text as a table cell: shown as it is, never read as Rich markup."""
    from rich.text import Text

    return Text(clean_text(text))


def print_models(configs: list[GenerationConfig], account: Account | None) -> None:
    """The human view: a table of the models Framecast can start, then why
    the others are left out, then the account. Names and labels are the
    server's text: cleaned (no control characters) and never read as markup."""
    from rich.console import Console
    from rich.table import Column, Table

    console = Console(highlight=False)
    # Names are what `--model` takes: wrapped whole, never cut short.
    table = Table(
        Column("name", no_wrap=True, overflow="fold"), "label", "mode", "price", "durations", "VIP"
    )
    for m in (m for m in configs if m.usable):
        vip = ""
        if m.vip_required:
            vip = "★ VIP (not this account)" if vip_locked(m, account) else "★ VIP"
        table.add_row(
            _cell(m.name),
            _cell(m.display_name),
            "image → video" if m.needs_image else "text → video",
            _price_text(m),
            ", ".join(map(str, m.available_durations)) or "—",
            vip,
        )
    console.print(table)
    left_out = [m for m in configs if not m.usable]
    if left_out:
        console.print("Not offered, because Framecast cannot use them:")
        for m in left_out:
            line = f"  {m.name} ({m.display_name}): {wording.unusable_reason(m)}"
            console.print(_cell(line))
    if account is not None:
        balance = f"{account.balance:,.2f}" if account.balance is not None else "not given"
        status = "VIP" if account.vip else "not VIP"
        console.print(f"Account: balance {balance}, {status}")


def run_command(command: str, args: argparse.Namespace) -> int:
    """Run `generate`, `track` or `models`; returns the exit code."""
    notice = start_logging()
    if notice is not None:
        err(wording.notice_text(notice))
    runner = _models_command(args) if command == "models" else _follow_command(args)
    try:
        return asyncio.run(runner)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except StartupError as exc:  # from a command that opens its session itself
        err(wording.startup_problem_text(exc))
        return EXIT_USAGE
    except Exception as exc:  # the last line of defence: a sentence, never a traceback
        err(str(_unexpected_outcome(exc).result["error"]))
        return EXIT_FAILED
