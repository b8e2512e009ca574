"""PyInstaller's entry script: the frozen `framecast` executable starts here.

It runs the same `app.cli.main` as the `framecast` console script and
`python -m app`. `freeze_support()` comes first so that a frozen child started
by `multiprocessing` (the renderer's worker processes under the spawn or
forkserver start methods) runs its task instead of a second copy of the CLI.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from app.cli import main

    sys.exit(main())
