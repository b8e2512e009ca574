"""The window's models: state and signals the widgets bind to, testable without any widget.

- `ConnectionModel`: the backend session, connecting and reconnecting, the
  catalogue and the account, as a `ConnectionStatus` and its error.
- `JobsModel`: the jobs in flight, fed by the engine through the bridge.
- `HistoryModel` / `HistorySearch`: the history list and its search filter.
- `QueueModel` (`app.ui.models.queue`): the videos waiting to be sent, over
  the engine's `QueueDispatcher`.

Models hold facts, never sentences: `app.ui.wording` says them. Their
properties are `Observable`s, each with a `<name>Changed` signal. Models run
background work through the window's `TaskGroup` (`app.ui.tasks`).
"""

from __future__ import annotations

from app.ui.models.connection import (
    Catalogue,
    ConnectionModel,
    ConnectionStatus,
    SessionFactory,
    SettingsChange,
    open_session,
)
from app.ui.models.history import HistoryModel, HistorySearch
from app.ui.models.jobs import ActiveJob, JobsModel
from app.ui.models.video import Video

__all__ = [
    "ActiveJob",
    "Catalogue",
    "ConnectionModel",
    "ConnectionStatus",
    "HistoryModel",
    "HistorySearch",
    "JobsModel",
    "SessionFactory",
    "SettingsChange",
    "Video",
    "open_session",
]
