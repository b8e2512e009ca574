"""Framecast's command line: arguments, the subcommand, the exit code.

`framecast` alone opens the window; `serve` runs the built-in renderer;
`generate`, `track` and `models` drive the same engine as the window does.
Each subcommand's work lives with its layer; this module parses arguments,
picks the backend and turns outcomes into exit codes.

Bad input ends the run at once with exit 2 and one sentence, before anything
is started or sent: every argument must be valid UTF-8 text; `--duration` is
a whole number of seconds from 1; `--timeout` a finite number of seconds
above 0; a `track` id is a URL-safe id; `serve --port` lies in 0..65535 and
`serve --workers` is a whole number from 1. `serve` keeps its files in
`--data-dir`, else in the data folder's `local-renderer` (the same rule as the
window's: `FRAMECAST_DATA_DIR` or the platform's folder), and refuses a folder
it can't write with exit 2 before it listens.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.cli.exit_codes import EXIT_INTERRUPTED, EXIT_USAGE


def _backend_url(value: str) -> str:
    """argparse type for --backend: an http(s) base URL, else exit 2 with why."""
    from app.store.settings import normalize_url

    try:
        return normalize_url(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"the backend address {exc}") from None


def _seconds(value: str) -> float:
    """argparse type for --timeout: a finite number of seconds above 0."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError("must be a number of seconds above 0, such as 600")
    return seconds


def _duration(value: str) -> int:
    """argparse type for --duration: a whole number of seconds from 1."""
    number = _whole_number(value)
    if number is None or number < 1:
        raise argparse.ArgumentTypeError("must be a whole number of seconds from 1, such as 5")
    return number


def _port(value: str) -> int:
    """argparse type for serve --port: 0 (any free port) to 65535."""
    number = _whole_number(value)
    if number is None or number > 65535:
        raise argparse.ArgumentTypeError("must be a port number from 0 to 65535")
    return number


def _workers(value: str) -> int:
    """argparse type for serve --workers: a whole number from 1."""
    number = _whole_number(value)
    if number is None or number < 1:
        raise argparse.ArgumentTypeError("must be a whole number from 1, such as 2")
    return number


def _whole_number(value: str) -> int | None:
    """A non-negative whole number written in ASCII digits (at most 9), else None."""
    value = value.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 9:
        return None
    return int(value)


def _takes(value: str) -> int:
    """argparse type for generate --takes: a whole number from 1 to 4."""
    from app.api.requests import MAX_TAKES

    number = _whole_number(value)
    if number is None or not 1 <= number <= MAX_TAKES:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_TAKES}")
    return number


def _file_id(value: str) -> str:
    """argparse type for a `track` id: what the service gives (letters, digits, - and _)."""
    from app.api.errors import UnsafeUrlError
    from app.api.models import safe_id

    try:
        return safe_id(value)
    except UnsafeUrlError:
        raise argparse.ArgumentTypeError(
            "is not a file id (they are letters, digits, - and _, as `generate` prints)"
        ) from None


def _undecodable_argument(args: argparse.Namespace) -> str | None:
    """The name of the first argument that is not valid UTF-8 text, if any.

    Python keeps undecodable bytes of the command line as lone surrogates,
    which no JSON, HTTP header or terminal can carry."""
    for name, value in vars(args).items():
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return (
                    name.upper() if name in ("prompt", "file_id") else "--" + name.replace("_", "-")
                )
    return None


def _add_backend_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--backend",
        metavar="URL",
        type=_backend_url,
        help="backend base URL (default: the built-in renderer)",
    )
    p.add_argument("--token", metavar="TOKEN", help="API token (default: SUPERDUPERAI_TOKEN)")


def _add_follow_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="PATH", help="also save the finished video here")
    p.add_argument("--json", action="store_true", help="print JSON Lines on stdout")
    p.add_argument(
        "--timeout", type=_seconds, metavar="S", help="give up after S seconds, above 0 (exit 5)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framecast",
        description="Framecast: type a prompt, watch it render, play the video.",
    )
    parser.add_argument("--version", action="version", version=f"framecast {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the desktop window (the default)")
    _add_backend_args(gui)

    serve = sub.add_parser("serve", help="run the built-in local renderer")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=_port, default=0, help="port 0..65535, 0 for any free one (default 0)"
    )
    serve.add_argument(
        "--token",
        metavar="TOKEN",
        help="bearer token clients must send (default: a random one, printed)",
    )
    serve.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where uploads and renders are kept (default: local-renderer in the data folder)",
    )
    serve.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="render worker processes, 1 or more",
    )

    gen = sub.add_parser(
        "generate",
        help="generate a video from a prompt",
        epilog="Exit codes: 0 done (with --takes: every take), 1 the job (or a take) failed, "
        "2 bad input (nothing was sent), "
        "3 token refused, 4 backend unreachable, 5 --timeout passed, 130 interrupted. "
        "FRAMECAST_POLL_INTERVAL (0.1..3600 s) and FRAMECAST_SSE_IDLE_TIMEOUT "
        "(0.5..3600 s) outside their range are bad input too.",
    )
    gen.add_argument("prompt", metavar="PROMPT")
    gen.add_argument("--model", metavar="NAME", help="generation config name (see `models`)")
    gen.add_argument(
        "--duration", type=_duration, metavar="S", help="length in whole seconds, 1 or more"
    )
    gen.add_argument("--aspect", metavar="W:H", help="aspect ratio such as 16:9")
    gen.add_argument("--resolution", metavar="WxH", help="frame size such as 1280x720")
    gen.add_argument("--style", metavar="NAME", help="style name")
    gen.add_argument("--shot-size", metavar="NAME", help="shot size such as medium_shot")
    gen.add_argument("--fps", type=int, metavar="N", help="frames per second (24, 30 or 60)")
    gen.add_argument("--seed", type=int, metavar="N", help="random seed")
    gen.add_argument("--negative", metavar="TEXT", help="what the video should not show")
    gen.add_argument("--image", metavar="PATH", help="source picture for image-to-video models")
    gen.add_argument(
        "--takes",
        type=_takes,
        default=1,
        metavar="N",
        help="make N videos (1 to 4) with the same settings and seeds counting up; "
        "one result line each",
    )
    _add_backend_args(gen)
    _add_follow_args(gen)

    track = sub.add_parser(
        "track",
        help="follow an existing generation to the end",
        epilog="Exit codes as for `generate`.",
    )
    track.add_argument(
        "file_id", metavar="FILE_ID", type=_file_id, help="the file id `generate` printed"
    )
    _add_backend_args(track)
    _add_follow_args(track)

    models = sub.add_parser("models", help="list the backend's models")
    _add_backend_args(models)
    models.add_argument("--json", action="store_true", help="print JSON on stdout")
    return parser


def _serve(args: argparse.Namespace) -> int:
    """`framecast serve` in its data folder, proven writable first (else exit 2)."""
    from app.cli.reporter import err
    from app.cli.wording import startup_problem_text
    from app.local.server import serve_main
    from app.startup import StartupError, check_folder
    from app.store import paths

    chosen = Path(args.data_dir).expanduser() if args.data_dir else paths.local_renderer_dir()
    try:
        folder = check_folder(chosen)
    except StartupError as exc:
        err(startup_problem_text(exc))
        return EXIT_USAGE
    return serve_main(args, folder)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    undecodable = _undecodable_argument(args)
    if undecodable is not None:
        parser.error(f"{undecodable} is not valid UTF-8 text")
    command = args.command or "gui"
    try:
        if command == "serve":
            return _serve(args)
        if command == "gui":
            from app.ui.main import gui_main

            return gui_main(getattr(args, "backend", None), getattr(args, "token", None))
        from app.cli.commands import run_command

        return run_command(command, args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
