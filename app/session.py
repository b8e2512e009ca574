"""One connection to a backend, shared by the window and the command line.

Which backend: `--backend` > `SUPERDUPERAI_URL` > the saved setting > the
built-in local renderer, started on demand as a child process with a fresh
random token. Which token: `--token` > `SUPERDUPERAI_TOKEN` > the token saved
for that backend. A `Session` owns the client, the job manager and, for the
built-in renderer, its process; closing it stops all three, leaving
unfinished jobs resumable.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from typing import Literal

from app.api.client import SuperDuperClient
from app.bearer import normalise_token
from app.engine.config import EngineConfig
from app.engine.manager import JobManager
from app.logs import register_secret
from app.store import credentials, paths
from app.store.history import AsyncHistoryStore
from app.store.settings import CLOUD_URL, Settings

log = logging.getLogger("framecast.engine")

BackendKind = Literal["local", "cloud", "custom"]

#: The history's name for the built-in renderer, whose port changes every run.
BUILTIN_BACKEND_ID = "builtin"


@dataclass(frozen=True)
class BackendChoice:
    """Where to connect. `url` is None for the built-in renderer."""

    kind: BackendKind
    url: str | None
    token: str | None = field(default=None, repr=False)  # a secret: never in a repr


def choose_backend(
    settings: Settings, backend_arg: str | None = None, token_arg: str | None = None
) -> BackendChoice:
    url = backend_arg or settings.effective_backend_url()
    if url is None:
        return BackendChoice("local", None, None)
    url = url.strip().rstrip("/")
    kind: BackendKind = "cloud" if url == CLOUD_URL else "custom"
    token = normalise_token(token_arg)
    if token is None and settings.token is not None:
        token = normalise_token(settings.token.get_secret_value())
    if token is None:
        try:
            token = credentials.load_token(url)
        except ValueError:
            token = None
    return BackendChoice(kind, url, token)


class Session:
    """A live backend connection. Build with `await Session.open(...)`."""

    def __init__(
        self,
        choice: BackendChoice,
        url: str,
        client: SuperDuperClient,
        manager: JobManager,
        history: AsyncHistoryStore,
        stack: contextlib.AsyncExitStack,
    ) -> None:
        self.choice = choice
        self.url = url
        self.client = client
        self.manager = manager
        self.history = history
        self._stack = stack

    @property
    def kind(self) -> BackendKind:
        return self.choice.kind

    @classmethod
    async def open(
        cls,
        choice: BackendChoice,
        settings: Settings,
        *,
        history: AsyncHistoryStore | None = None,
        config: EngineConfig | None = None,
    ) -> Session:
        """Start the built-in renderer if needed, then the client and the engine.

        Raises `LocalRendererError` when the renderer does not start, and
        `app.startup.StartupError` when no history is given and the data
        folder or the history can't be used."""
        stack = contextlib.AsyncExitStack()
        try:
            url: str
            token: str | None
            if choice.url is None:
                from app.local.launcher import LocalRendererProcess

                renderer = await stack.enter_async_context(
                    LocalRendererProcess.start(paths.local_renderer_dir())
                )
                url, token, backend_id = renderer.url, renderer.token, BUILTIN_BACKEND_ID
            else:
                url, token, backend_id = choice.url, choice.token, choice.url
            if token:
                register_secret(token)
            if history is None:
                # The same checks as at start-up (a damaged history is moved
                # aside and logged); what can't be worked around is a StartupError.
                from app.startup import open_history

                store, _notices = open_history()
                history = AsyncHistoryStore(store)
                stack.push_async_callback(history.aclose)
            client = SuperDuperClient(url, token)
            stack.push_async_callback(client.aclose)
            config = config or EngineConfig.for_intervals(
                settings.poll_interval, settings.sse_idle_timeout
            )
            manager = JobManager(
                client,
                history,
                videos_dir=settings.effective_download_dir(),
                config=config,
                backend_id=backend_id,
            )
            stack.push_async_callback(manager.aclose)
        except BaseException:
            await stack.aclose()
            raise
        log.info("connected to the %s backend at %s", choice.kind, url)
        return cls(choice, url, client, manager, history, stack)

    async def aclose(self) -> None:
        await self._stack.aclose()
