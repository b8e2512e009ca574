"""Offline, said once and the same everywhere (issue 11, item 6): the window's
connection state also hears what the jobs' trackers see; the top bar, the
cards, the banner and the player read it; time left pauses; the catalogue
tries again by itself with growing pauses and says when; and a real server
that goes away and comes back takes the window offline and back, the job
finishing without Retry."""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.api.errors import BackendUnavailableError
from app.api.models import Catalogue as ApiCatalogue
from app.engine.updates import ConnectionState, JobState, JobUpdate, Transport
from app.store.history import AsyncHistoryStore
from app.store.settings import load_settings
from app.ui import wording
from app.ui.main_window import MainWindow
from app.ui.models.connection import ConnectionModel, ConnectionStatus
from app.ui.models.job_facts import Link
from app.ui.models.jobs import Waiting
from app.ui.tasks import TaskGroup
from tests.support.waiting import wait_until
from tests.ui.conftest import wait_for
from tests.ui.creator import engine_of, fake_window, settle, submit
from tests.ui.fakes import MODELS, FakeClient, FakeSession
from tests.ui.test_window_flow import fill_form, wait_ready

Run = Callable[..., object]


def update(job_id: str, connection: ConnectionState, progress: float = 0.3) -> JobUpdate:
    return JobUpdate(
        job_id=job_id,
        state=JobState.PROCESSING,
        progress=progress,
        transport=Transport.POLLING,
        connection=connection,
        poll_interval=2,
    )


def connected_model(
    store: AsyncHistoryStore, run: Run, client: FakeClient, delays: tuple[float, ...] = (30.0,)
) -> ConnectionModel:
    session = FakeSession(client)

    async def factory(*_: object) -> FakeSession:
        return session

    model = ConnectionModel(
        store,
        load_settings(),
        TaskGroup(),
        backend_arg="http://127.0.0.1:9",
        session_factory=factory,  # type: ignore[arg-type]
        retry_delays=delays,
    )
    run(model.open())
    return model


# ---------------------------------------------------------------------- the model


def test_the_jobs_view_of_the_server_is_part_of_the_one_state(
    ui_env: Path, store: AsyncHistoryStore, run: Run
) -> None:
    model = connected_model(store, run, FakeClient())
    assert model.state is ConnectionStatus.CONNECTED and model.retryAt is None

    model.note_job(update("j1", ConnectionState.LIVE))
    assert model.state is ConnectionStatus.CONNECTED
    model.note_job(update("j1", ConnectionState.OFFLINE))
    assert model.state is ConnectionStatus.OFFLINE
    assert isinstance(model.error, BackendUnavailableError)
    assert model.catalogue.models == tuple(MODELS)  # still right: the form stays usable
    assert model.retryAt is not None and model.seconds_to_retry() == 30

    model.note_job(update("j1", ConnectionState.OFFLINE, 0.4))  # the same news again
    assert model.state is ConnectionStatus.OFFLINE
    model.note_job(update("j1", ConnectionState.LIVE))
    assert model.state is ConnectionStatus.CONNECTED
    assert model.error is None and model.retryAt is None

    # A finished job's last word is forgotten; a refused token is not overruled.
    model.note_job(JobUpdate(job_id="j1", state=JobState.COMPLETED))
    model.refuse_token()
    model.note_job(update("j2", ConnectionState.OFFLINE))
    assert model.state is ConnectionStatus.TOKEN_REFUSED
    run(model.close())


def test_offline_tries_again_by_itself_with_growing_pauses(
    ui_env: Path, store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    client = FakeClient(refuse=BackendUnavailableError("down"))
    model = connected_model(store, run, client, delays=(0.1, 0.3, 0.6))
    assert model.state is ConnectionStatus.OFFLINE and not model.catalogue.models
    pauses: list[float] = []
    model.retryAtChanged.connect(
        lambda at: pauses.append(round(at - time.monotonic(), 1)) if at is not None else None
    )
    wait_for(qtbot, lambda: client.calls >= 3, 10, "two attempts by itself")
    assert pauses[:2] == [0.3, 0.6]  # growing, the first pause (0.1) before we listened
    client.refuse = None
    wait_for(qtbot, lambda: model.state is ConnectionStatus.CONNECTED, 10, "the way back")
    assert model.catalogue.models == tuple(MODELS) and model.retryAt is None
    run(model.close())


def test_the_account_is_read_again_after_each_finished_job(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    with fake_window(qtbot, run, backend="http://127.0.0.1:9") as window:
        top = window.topBar
        assert top.balanceLabel.isVisible()
        assert top.balanceLabel.text() == wording.balance(12.5)
        assert not top.vipBadge.isVisible()
        session = window.connection.session
        assert session is not None
        client = session.client
        assert isinstance(client, FakeClient)
        client.account = client.account.model_copy(update={"balance": 7.25, "vip": True})  # type: ignore[union-attr]
        job = submit(window, run, "A comet over the desert")
        engine_of(window).emit(JobUpdate(job_id=job, state=JobState.FAILED, server_message="x"))
        wait_for(qtbot, lambda: top.balanceLabel.text() == wording.balance(7.25), 5, "refresh")
        assert top.vipBadge.isVisible() and top.vipBadge.text() == wording.vip()
        assert client.account_reads == 1


def test_the_built_in_renderers_free_account_shows_no_balance(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    with fake_window(qtbot, run) as window:  # no backend given: the built-in renderer
        window.topBar.show_account(None, window.connection.backend)
        assert not window.topBar.balanceLabel.isVisible()
        assert not window.topBar.vipBadge.isVisible()


# ---------------------------------------------------------------------- the window, stand-in engine


@pytest.mark.parametrize("language", ["en", "ru"])
def test_offline_is_said_the_same_everywhere(
    ui_env: Path, qtbot: QtBot, run: Run, language: str
) -> None:
    with fake_window(qtbot, run, language=language, backend="http://127.0.0.1:9") as window:
        engine = engine_of(window)
        first = submit(window, run, "A comet over the desert")
        second = submit(window, run, "Paper boats on a rainy street")
        for job in (first, second):
            engine.emit(update(job, ConnectionState.LIVE, 0.1))
        window.jobs.bridge.flush()
        engine.emit(update(first, ConnectionState.LIVE, 0.28))
        window.jobs.bridge.flush()
        card, other = window.progress.card(first), window.progress.card(second)
        assert card is not None and other is not None
        card.refresh_times()
        assert card.remaining_seconds() is not None

        engine.emit(update(first, ConnectionState.OFFLINE, 0.28))  # one job loses the server
        window.jobs.bridge.flush()
        assert window.connection.state is ConnectionStatus.CONNECTED  # the other hears it
        assert card.connectionBadge.text() == wording.link_text(Link.RECONNECTING)
        engine.emit(update(second, ConnectionState.OFFLINE, 0.1))  # and now no job does
        window.jobs.bridge.flush()
        settle()
        assert window.connection.state is ConnectionStatus.OFFLINE
        assert window.topBar.backendStatus.property("state") == "offline"
        for each in (card, other):  # every card says it
            assert each.connectionBadge.text() == wording.link_text(Link.OFFLINE)
            assert each.statusLabel.text().startswith(wording.offline_status("")[:4])
            assert each.remaining_seconds() is None
            each.refresh_times()
            assert each.timeLabel.text() == wording.elapsed_and_left(
                time.time() - each.started_at, None
            )
        banner = window.banner.text()
        assert wording.unreachable(window.connection.backend) in banner
        assert wording.trying_again(30)[:8] in banner or wording.trying_again(2)[:8] in banner
        assert window.banner.actionButton.text() == wording.try_now()
        assert window.player.waiting is Waiting.OFFLINE
        assert window.player.emptyTitle.text() == wording.empty_player(Waiting.OFFLINE)[0]

        engine.emit(update(first, ConnectionState.LIVE, 0.3))  # the server answers again
        window.jobs.bridge.flush()
        assert window.connection.state is ConnectionStatus.CONNECTED
        assert window.topBar.backendStatus.property("state") == "connected"
        assert not window.banner.isVisible()
        assert card.connectionBadge.text() == wording.link_text(Link.POLLING, 2)
        assert window.player.waiting is Waiting.ON_ITS_WAY
        # A job that has not heard back yet never says offline while the window is connected.
        assert other.connectionBadge.text() == wording.link_text(Link.RECONNECTING)


def test_a_video_that_could_not_be_sent_says_so_and_promises_nothing(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    with fake_window(qtbot, run, backend="http://127.0.0.1:9") as window:
        engine = engine_of(window)
        engine.refuse_submit = BackendUnavailableError("connection refused", request_sent=False)
        qtbot.keyClicks(window.form.promptEdit, "A quiet harbour at dawn")
        wait_for(qtbot, window.form.generateButton.isEnabled, 5, "Generate enabled")
        window.form.generateButton.click()
        wait_for(qtbot, window.banner.isVisible, 5, "the banner")
        assert window.banner.text() == wording.not_sent_unreachable()
        assert "keep trying" not in window.banner.text()
        assert window.form.prompt() == "A quiet harbour at dawn"  # nothing lost
        assert window.connection.state is ConnectionStatus.OFFLINE
        assert window.topBar.backendStatus.property("state") == "offline"
        assert not window.progress.cards()


# ----------------------------------------------------------- a real server goes, comes back


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """`framecast serve` on a fixed port, so it can come back at the same address."""

    def __init__(self, data_dir: Path, port: int, token: str) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app",
                "serve",
                "--port",
                str(port),
                f"--token={token}",
                "--data-dir",
                str(data_dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "FRAMECAST_LOCAL_MIN_RENDER_SECONDS": "5"},
        )
        wait_until(self._listening, 60, interval=0.05, what="the server")

    def _listening(self) -> bool:
        assert self.process.poll() is None, "the server stopped"
        try:
            socket.create_connection(("127.0.0.1", int(self.url.rsplit(":", 1)[1])), 0.2).close()
        except OSError:
            return False
        return True

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@pytest.fixture
def server_place(tmp_path: Path) -> Iterator[tuple[Path, int, str, list[Server]]]:
    started: list[Server] = []
    yield tmp_path / "server", free_port(), secrets.token_urlsafe(16), started
    for server in started:
        server.stop()


def test_a_server_that_goes_away_and_comes_back(
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
    server_place: tuple[Path, int, str, list[Server]],
) -> None:
    data, port, token, started = server_place
    started.append(Server(data, port, token))
    window = make_window(started[0].url, token, size=(1280, 720))
    wait_ready(window, qtbot)
    fill_form(window, qtbot, "A lantern drifting over a dark lake", seconds=2)
    window.form.generateButton.click()
    wait_for(
        qtbot,
        lambda: any(
            c.last_update is not None and c.last_update.state is JobState.PROCESSING
            for c in window.progress.cards()
        ),
        60,
        "rendering",
    )
    card = window.progress.cards()[0]
    started[0].stop()  # the backend goes down mid-render

    wait_for(qtbot, lambda: window.connection.state is ConnectionStatus.OFFLINE, 60, "offline")
    settle()
    assert window.topBar.backendStatus.property("state") == "offline"
    assert card.connectionBadge.text() == wording.link_text(Link.OFFLINE)
    assert "left" not in card.timeLabel.text()
    banner = window.banner.text()
    assert "Trying again" in banner and "Retry" not in banner

    started.append(Server(data, port, token))  # back at the same address
    finished: list[JobUpdate] = []
    window.jobs.finished.connect(finished.append)
    wait_for(qtbot, lambda: finished, 90, "the job to finish by itself")
    assert finished[0].state is JobState.COMPLETED, finished[0].error
    assert window.connection.state is ConnectionStatus.CONNECTED
    assert window.topBar.backendStatus.property("state") == "connected"
    assert not window.banner.isVisible()


def test_closing_while_the_catalogue_is_read_stops_that_session(
    ui_env: Path, store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    gate = asyncio.Event()

    class SlowClient(FakeClient):
        async def load_catalogue(self) -> ApiCatalogue:
            await gate.wait()
            return await super().load_catalogue()

    session = FakeSession(SlowClient())
    opened: list[FakeSession] = []

    async def factory(*_: object) -> FakeSession:
        opened.append(session)
        return session

    model = ConnectionModel(
        store,
        load_settings(),
        TaskGroup(),
        backend_arg="http://127.0.0.1:9",
        session_factory=factory,  # type: ignore[arg-type]
    )
    opening = asyncio.ensure_future(model.open())
    # The session is open and its catalogue is being read (held at the gate).
    wait_for(qtbot, lambda: opened and model.state is ConnectionStatus.CONNECTING, 5, "settling")
    assert session.client.calls == 0
    opening.cancel()  # the window closes: its start-up task is cancelled...
    run(model.close())  # ...and the model closed
    assert session.closed
    assert model.session is None and model.state is ConnectionStatus.DISCONNECTED
