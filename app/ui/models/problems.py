"""What can go wrong in the window's own flows, as typed errors.

```
Problem                 the window cannot do what the creator asked
 ├── NotConnected       Generate before a backend is connected
 ├── SettingsNotFound   a history row whose request cannot be read back
 ├── VideoMissing       a history row whose file is gone from disk
 ├── VideoFailed        a history row of a job that failed (its facts kept)
 ├── SettingsNotSaved   the settings file could not be written (the system's reason kept)
 ├── AccountVideoGone   an account video the account no longer has
 ├── AccountVideoElsewhere  an account video of another backend than the one connected
 ├── AccountVideoNotFetched an account video that could not be downloaded (why, as an ErrorKind)
 └── AccountDeleteFailed    the account refused or missed a delete (its error kept)
```

Models raise these; `app.ui.wording.error_text` puts them into words, once,
beside the backend's own errors.
"""

from __future__ import annotations

from pathlib import Path

from app.engine.updates import ErrorKind
from app.ui.models.job_facts import FailureFacts


class Problem(Exception):
    """Base of the window's own failures."""


class NotConnected(Problem):
    pass


class SettingsNotFound(Problem):
    pass


class VideoMissing(Problem):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class VideoFailed(Problem):
    def __init__(self, facts: FailureFacts) -> None:
        super().__init__(str(facts.failure))
        self.facts = facts


class SettingsNotSaved(Problem):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class AccountVideoGone(Problem):
    pass


class AccountVideoElsewhere(Problem):
    pass


class AccountVideoNotFetched(Problem):
    def __init__(self, failure: ErrorKind) -> None:
        super().__init__(str(failure))
        self.failure = failure


class AccountDeleteFailed(Problem):
    def __init__(self, cause: BaseException) -> None:
        super().__init__(repr(cause))
        self.cause = cause
