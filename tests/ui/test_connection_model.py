"""The connection model without any widget: connecting, failing, refusing, reconnecting."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.api.errors import AuthenticationError, BackendUnavailableError
from app.session import BackendChoice
from app.store import paths
from app.store.history import AsyncHistoryStore
from app.store.settings import Settings, load_settings
from app.ui.models.connection import ConnectionModel, ConnectionStatus, SettingsChange
from app.ui.models.problems import SettingsNotSaved
from app.ui.tasks import TaskGroup
from tests.ui.conftest import wait_for
from tests.ui.fakes import MODELS, FakeClient, FakeSession

Run = Callable[..., object]


class Backends:
    """A session factory that answers from a script: a session or an error per call."""

    def __init__(self, *answers: FakeSession | BaseException) -> None:
        self.answers = list(answers)
        self.choices: list[BackendChoice] = []
        self.gate: asyncio.Event | None = None  # when set up, each call waits for it

    async def __call__(
        self, choice: BackendChoice, _settings: Settings, _history: AsyncHistoryStore
    ) -> FakeSession:
        self.choices.append(choice)
        if self.gate is not None:
            await self.gate.wait()
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, BaseException):
            raise answer
        return answer


def model_for(
    backends: Backends, store: AsyncHistoryStore, errors: list[BaseException] | None = None
) -> tuple[ConnectionModel, list[ConnectionStatus]]:
    tasks = TaskGroup(on_error=(errors.append if errors is not None else None))
    model = ConnectionModel(
        store, load_settings(), tasks, backend_arg="http://127.0.0.1:9", session_factory=backends
    )
    states: list[ConnectionStatus] = []
    model.stateChanged.connect(states.append)
    return model, states


def test_connecting_reads_the_catalogue_and_the_account(
    ui_env: Path, store: AsyncHistoryStore, run: Run
) -> None:
    session = FakeSession()
    model, states = model_for(Backends(session), store)
    sessions: list[object] = []
    model.sessionChanged.connect(sessions.append)

    run(model.open())

    assert states == [ConnectionStatus.CONNECTING, ConnectionStatus.CONNECTED]
    assert model.session is session and sessions == [session]
    assert model.backend is not None and model.backend.url == "http://127.0.0.1:9"
    assert model.catalogue.models == tuple(MODELS)
    assert [s.name for s in model.catalogue.styles] == ["noir"]
    assert model.account is not None and model.account.balance == 12.5
    assert model.error is None
    assert model.model_label("fake/t2v") == "Fake model"
    assert model.model_label("someone/else") == "someone/else"


def test_a_backend_that_does_not_start_is_offline_until_retried(
    ui_env: Path, store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    refused = ConnectionRefusedError("nobody listens")
    session = FakeSession()
    backends = Backends(refused, session)
    model, states = model_for(backends, store)

    run(model.open())
    assert states == [ConnectionStatus.CONNECTING, ConnectionStatus.OFFLINE]
    assert model.error is refused
    assert model.session is None and not model.catalogue.models

    model.retry()  # no session yet: connect again
    wait_for(qtbot, lambda: model.state is ConnectionStatus.CONNECTED, 5, "the reconnection")
    assert len(backends.choices) == 2
    assert model.session is session and model.error is None


def test_a_refused_token_keeps_the_session_and_retry_reads_only_the_catalogue(
    ui_env: Path, store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    client = FakeClient(refuse=AuthenticationError("401", status=401))
    session = FakeSession(client)
    backends = Backends(session)
    model, states = model_for(backends, store)

    run(model.open())
    assert states[-1] is ConnectionStatus.TOKEN_REFUSED
    assert isinstance(model.error, AuthenticationError)
    assert model.session is session  # unfinished jobs can still resume
    assert not model.catalogue.models and model.account is None

    client.refuse = None
    model.retry()
    wait_for(qtbot, lambda: model.state is ConnectionStatus.CONNECTED, 5, "the catalogue")
    assert len(backends.choices) == 1  # the session was not opened again
    assert model.catalogue.models == tuple(MODELS)


def test_an_unreachable_catalogue_is_offline_and_a_job_can_report_a_refused_token(
    ui_env: Path, store: AsyncHistoryStore, run: Run
) -> None:
    client = FakeClient(refuse=BackendUnavailableError("down"))
    model, states = model_for(Backends(FakeSession(client)), store)
    run(model.open())
    assert states[-1] is ConnectionStatus.OFFLINE
    assert isinstance(model.error, BackendUnavailableError) and model.session is not None

    model.refuse_token()
    assert model.state is ConnectionStatus.TOKEN_REFUSED


def test_requests_while_connecting_collapse_into_one_more_connection(
    ui_env: Path, store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    first, second = FakeSession(), FakeSession()
    backends = Backends(first, second)
    backends.gate = asyncio.Event()
    model, _states = model_for(backends, store)
    opening = asyncio.ensure_future(model.open())
    wait_for(qtbot, lambda: len(backends.choices) == 1, 5, "the first attempt")
    for _ in range(3):
        run(model.open())  # returns at once: the running loop will go round once more
    backends.gate.set()
    run(opening)
    assert len(backends.choices) == 2
    assert first.closed and not second.closed
    assert model.session is second and model.state is ConnectionStatus.CONNECTED


def test_close_stops_the_session_for_good(ui_env: Path, store: AsyncHistoryStore, run: Run) -> None:
    session = FakeSession()
    model, states = model_for(Backends(session), store)
    sessions: list[object] = []
    model.sessionChanged.connect(sessions.append)
    run(model.open())
    run(model.close())
    assert session.closed and sessions == [session, None]
    assert states[-1] is ConnectionStatus.DISCONNECTED
    run(model.open())  # closed: nothing opens again
    assert model.session is None


def test_saved_settings_are_written_and_a_new_backend_reconnects(
    ui_env: Path, store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    backends = Backends(FakeSession(), FakeSession())
    model, _states = model_for(backends, store)
    run(model.open())
    new = model.settings.model_copy(update={"backend_kind": "local", "language": "ru"})
    model.apply_settings(SettingsChange(settings=new, backend_changed=True))
    wait_for(qtbot, lambda: len(backends.choices) == 2, 5, "the reconnection")
    assert backends.choices[-1].kind == "local"  # the saved choice wins over --backend
    wait_for(qtbot, lambda: paths.settings_file_path().is_file(), 5, "the settings file")
    assert load_settings().language == "ru"


def test_settings_that_cannot_be_written_are_reported(
    ui_env: Path, store: AsyncHistoryStore, run: Run, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_settings: Settings) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("app.ui.models.connection.save_settings", refuse)
    errors: list[BaseException] = []
    model, _states = model_for(Backends(FakeSession()), store, errors)
    model.apply_settings(SettingsChange(settings=model.settings))
    wait_for(qtbot, lambda: errors, 5, "the failure")
    assert isinstance(errors[0], SettingsNotSaved) and errors[0].reason == "Permission denied"
