"""Framecast's command line.

`parser` reads the arguments and picks the subcommand, `commands` runs
`generate`, `track` and `models` on the engine, `exit_codes` holds the
documented exit codes. Nothing here imports the window.
"""

from __future__ import annotations

from app.cli.parser import build_parser, main

__all__ = ["build_parser", "main"]
