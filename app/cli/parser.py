"""Framecast's command line: arguments, the subcommand, the exit code.

`framecast` alone opens the window; `serve` runs the built-in renderer;
`generate`, `track` and `models` drive the same engine as the window does.
Each subcommand's work lives with its layer; this module parses arguments,
picks the backend and turns outcomes into exit codes.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from app import __version__
from app.cli.exit_codes import EXIT_INTERRUPTED


def _backend_url(value: str) -> str:
    """argparse type for --backend: an http(s) base URL, else exit 2 with why."""
    from app.store.settings import normalize_url

    try:
        return normalize_url(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"the backend address {exc}") from None


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
    p.add_argument("--timeout", type=float, metavar="S", help="give up after S seconds (exit 5)")


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
    serve.add_argument("--port", type=int, default=0, help="port, 0 for any free one (default 0)")
    serve.add_argument(
        "--token",
        metavar="TOKEN",
        help="bearer token clients must send (default: a random one, printed)",
    )
    serve.add_argument("--data-dir", metavar="DIR", help="where uploads and renders are kept")
    serve.add_argument("--workers", type=int, default=None, help="render worker processes")

    gen = sub.add_parser("generate", help="generate a video from a prompt")
    gen.add_argument("prompt", metavar="PROMPT")
    gen.add_argument("--model", metavar="NAME", help="generation config name (see `models`)")
    gen.add_argument("--duration", type=int, metavar="S", help="length in seconds")
    gen.add_argument("--aspect", metavar="W:H", help="aspect ratio such as 16:9")
    gen.add_argument("--resolution", metavar="WxH", help="frame size such as 1280x720")
    gen.add_argument("--style", metavar="NAME", help="style name")
    gen.add_argument("--shot-size", metavar="NAME", help="shot size such as medium_shot")
    gen.add_argument("--fps", type=int, metavar="N", help="frames per second (24, 30 or 60)")
    gen.add_argument("--seed", type=int, metavar="N", help="random seed")
    gen.add_argument("--negative", metavar="TEXT", help="what the video should not show")
    gen.add_argument("--image", metavar="PATH", help="source picture for image-to-video models")
    _add_backend_args(gen)
    _add_follow_args(gen)

    track = sub.add_parser("track", help="follow an existing generation to the end")
    track.add_argument("file_id", metavar="FILE_ID")
    _add_backend_args(track)
    _add_follow_args(track)

    models = sub.add_parser("models", help="list the backend's models")
    _add_backend_args(models)
    models.add_argument("--json", action="store_true", help="print JSON on stdout")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    try:
        if command == "serve":
            from app.local.server import serve_main

            return serve_main(args)
        if command == "gui":
            from app.ui.main import gui_main

            return gui_main(getattr(args, "backend", None), getattr(args, "token", None))
        from app.cli.commands import run_command

        return run_command(command, args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
