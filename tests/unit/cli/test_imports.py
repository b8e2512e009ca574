"""Each module of the command line imports on its own, first, in a fresh
interpreter: an import cycle inside `app.cli` (the parser, the commands and
the wording import each other's names) fails here, not in a user's script."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import app.cli

MODULES = sorted(f"app.cli.{m.name}" for m in pkgutil.iter_modules(app.cli.__path__))


def test_the_cli_has_the_modules_this_test_knows() -> None:
    assert {"app.cli.parser", "app.cli.commands", "app.cli.wording"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_each_cli_module_imports_first_on_its_own(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
