"""The history model with the account's library, over a real session to the
scripted backend: the import in the background, rows that keep their
selection, playing downloads first, deleting from the account, what plays."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from pytestqt.qtbot import QtBot

from app.api.errors import ApiError
from app.engine.updates import ErrorKind
from app.session import BackendChoice, Session
from app.store.history import ACCOUNT, AsyncHistoryStore, JobRecord
from app.store.settings import load_settings
from app.ui import wording
from app.ui.models.history import FetchRole, HistoryModel, PlayingRole, RecordRole
from app.ui.models.library import AccountLibrary, LibraryStatus
from app.ui.models.problems import (
    AccountDeleteFailed,
    AccountVideoElsewhere,
    AccountVideoGone,
    AccountVideoNotFetched,
    NotConnected,
)
from app.ui.models.video import Video
from app.ui.tasks import TaskGroup
from tests.support.scripted_backend import ScriptedBackend
from tests.ui.conftest import wait_for

Run = Callable[..., object]


@pytest.fixture
def errors() -> list[BaseException]:
    return []


@pytest.fixture
def history(
    store: AsyncHistoryStore, qtbot: QtBot, errors: list[BaseException], ui_env: Path
) -> HistoryModel:
    return HistoryModel(store, TaskGroup(on_error=errors.append), lambda name: name or "")


@pytest.fixture
def session(
    scripted_backend: ScriptedBackend, store: AsyncHistoryStore, run: Run, ui_env: Path
) -> Iterator[Session]:
    choice = BackendChoice("custom", scripted_backend.url, scripted_backend.token)
    opened = run(Session.open(choice, load_settings(), history=store))
    assert isinstance(opened, Session)
    yield opened
    run(opened.aclose())


def imported(history: HistoryModel, qtbot: QtBot, count: int) -> None:
    wait_for(
        qtbot,
        lambda: history.library.status is LibraryStatus.IDLE and history.rowCount() == count,
        20,
        f"{count} rows imported",
    )


def test_attaching_a_session_imports_its_library_in_the_background(
    history: HistoryModel, session: Session, scripted_backend: ScriptedBackend, qtbot: QtBot
) -> None:
    scripted_backend.page_cap = 10
    scripted_backend.fill_library(25)
    statuses: list[LibraryStatus] = []
    history.library.statusChanged.connect(statuses.append)
    with qtbot.waitSignal(history.library.finished, timeout=20_000) as done:
        history.attach(session)
    assert done.args[0].added == 25
    imported(history, qtbot, 25)
    assert statuses == [LibraryStatus.IMPORTING, LibraryStatus.IDLE]
    assert history.library.added == 25 and history.total == 25
    assert all(r.origin == ACCOUNT for r in history.records())
    assert wording.library_status(history.library.status, 25, None) == ""


def test_the_built_in_renderers_library_is_not_imported(
    history: HistoryModel, session: Session, scripted_backend: ScriptedBackend
) -> None:
    scripted_backend.fill_library(3)
    assert AccountLibrary.imports(session)
    builtin = Session(
        BackendChoice("local", None),
        session.url,
        session.client,
        session.manager,
        session.history,
        contextlib.AsyncExitStack(),
    )
    assert not AccountLibrary.imports(builtin)
    history.attach(builtin)
    assert history.library.status is LibraryStatus.IDLE
    assert not scripted_backend.requests_to("file", "GET")


def test_new_rows_arrive_without_losing_the_selection(
    history: HistoryModel, session: Session, scripted_backend: ScriptedBackend, qtbot: QtBot
) -> None:
    scripted_backend.fill_library(5)
    history.attach(session)
    imported(history, qtbot, 5)
    selected = history.index(2)
    kept = selected.data(RecordRole)
    persistent = QPersistentModelIndex(selected)
    resets: list[object] = []
    inserted: list[tuple[int, int]] = []
    history.modelReset.connect(lambda: resets.append(1))
    history.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    scripted_backend.add_library_video("web-new-1", "Made a minute ago")
    scripted_backend.add_library_video("web-new-2", "Made just now")
    history.library.refresh()
    imported(history, qtbot, 7)
    assert resets == [] and inserted == [(0, 1)]
    assert persistent.row() == 4 and persistent.data(RecordRole) == kept
    assert [r.file_id for r in history.records()[:2]] == ["web-new-2", "web-new-1"]


def test_playing_an_account_video_downloads_it_then_plays_it(
    history: HistoryModel,
    session: Session,
    scripted_backend: ScriptedBackend,
    qtbot: QtBot,
    run: Run,
    sample_video: bytes,
) -> None:
    scripted_backend.add_library_video("web-1", "A lighthouse in fog")
    history.attach(session)
    imported(history, qtbot, 1)
    record: JobRecord = history.index(0).data(RecordRole)
    assert record.local_path is None
    progress: list[object] = []
    history.dataChanged.connect(
        lambda first, _last, roles: (
            progress.append(first.data(FetchRole)) if FetchRole in roles else None
        )
    )
    offered: list[Video] = []
    history.videoReady.connect(offered.append)

    run(history.play(record))

    assert len(offered) == 1 and offered[0].path.read_bytes() == sample_video
    assert offered[0].title == "A lighthouse in fog"
    assert progress[0] == -1.0 and progress[-1] is None  # began unknown, ended done
    assert 1.0 in progress
    row: JobRecord = history.index(0).data(RecordRole)
    assert row.local_path == str(offered[0].path) and history.index(0).data(FetchRole) is None
    # Played again: from the file, no second download.
    downloads = len(scripted_backend.requests_to("/media/web-1.mp4"))
    run(history.play(row))
    assert len(offered) == 2 and len(scripted_backend.requests_to("/media/web-1.mp4")) == downloads


def test_an_account_video_that_cannot_be_downloaded_says_why(
    history: HistoryModel,
    session: Session,
    scripted_backend: ScriptedBackend,
    qtbot: QtBot,
    run: Run,
) -> None:
    scripted_backend.add_library_video("web-1", "Deleted in the web app")
    scripted_backend.add_library_video("web-2", "Its server is down")
    with pytest.raises(NotConnected):
        run(history.play(JobRecord(job_id="x", origin=ACCOUNT, file_id="f")))
    history.attach(session)
    imported(history, qtbot, 2)
    elsewhere = JobRecord(job_id="y", origin=ACCOUNT, file_id="f", backend_url="https://other")
    with pytest.raises(AccountVideoElsewhere):
        run(history.play(elsewhere))

    down, gone = history.records()
    run(session.client.delete_file("web-1"))
    with pytest.raises(AccountVideoGone) as why:
        run(history.play(gone))
    assert "no longer in your account" in wording.error_text(why.value)

    scripted_backend.inject("GET", "file/web-2", 503, count=None)
    with pytest.raises(AccountVideoNotFetched) as offline:
        run(history.play(down))
    assert offline.value.failure is ErrorKind.OFFLINE
    assert "Can't reach the server to download this video" in wording.error_text(offline.value)
    assert history.index(0).data(FetchRole) is None  # the row no longer says it downloads


def test_deleting_from_the_account_too(
    history: HistoryModel,
    session: Session,
    scripted_backend: ScriptedBackend,
    qtbot: QtBot,
    run: Run,
) -> None:
    scripted_backend.add_library_video("web-1", "Keep it in the account")
    scripted_backend.add_library_video("web-2", "Delete it everywhere")
    history.attach(session)
    imported(history, qtbot, 2)
    everywhere, here_only = history.records()
    assert history.can_delete_from_account(everywhere)

    scripted_backend.inject("DELETE", "file/web-2", 500)
    with pytest.raises(AccountDeleteFailed) as failed:
        run(history.delete(everywhere, from_account=True))
    assert isinstance(failed.value.cause, ApiError)
    assert "kept here too" in wording.error_text(failed.value)
    assert history.rowCount() == 2  # nothing deleted

    run(history.delete(everywhere, from_account=True))
    run(history.delete(here_only))
    assert scripted_backend.deleted == ["web-2"]
    wait_for(qtbot, lambda: history.rowCount() == 0, 5, "both rows gone")
    # Looked at again: the one kept in the account is not brought back.
    with qtbot.waitSignal(history.library.finished, timeout=10_000):
        history.library.refresh()
    assert history.rowCount() == 0


def test_only_a_video_of_the_connected_account_can_be_deleted_from_it(
    history: HistoryModel, session: Session
) -> None:
    mine = JobRecord(job_id="a", file_id="f1", backend_url=session.manager.backend_id)
    assert not history.can_delete_from_account(mine)  # no session attached yet
    history.attach(session)
    assert history.can_delete_from_account(mine)
    assert not history.can_delete_from_account(JobRecord(job_id="b", backend_url=mine.backend_url))
    other = JobRecord(job_id="c", file_id="f2", backend_url="builtin")
    assert not history.can_delete_from_account(other)


def test_a_failed_import_says_so_and_the_next_one_goes_on(
    history: HistoryModel, session: Session, scripted_backend: ScriptedBackend, qtbot: QtBot
) -> None:
    scripted_backend.page_cap = 5
    scripted_backend.fill_library(12)
    scripted_backend.inject("GET", "file", 503)
    history.attach(session)
    wait_for(qtbot, lambda: history.library.status is LibraryStatus.FAILED, 10, "the failure")
    text = wording.library_status(LibraryStatus.FAILED, 0, history.library.error)
    assert text.startswith("Couldn't read the videos in your account: Can't reach the server")
    with qtbot.waitSignal(history.library.finished, timeout=10_000):
        history.library.refresh()
    imported(history, qtbot, 12)


def test_the_playing_video_is_marked(
    history: HistoryModel, store: AsyncHistoryStore, qtbot: QtBot, run: Run, tmp_path: Path
) -> None:
    paths = [tmp_path / f"{n}.mp4" for n in ("a", "b")]
    for n, path in enumerate(paths):
        run(
            store.insert(
                JobRecord(
                    job_id=f"j{n}",
                    local_path=str(path),
                    created_at=f"2026-01-0{n + 1}T00:00:00.000000+00:00",
                )
            )
        )
    with qtbot.waitSignal(history.loaded):
        history.reload()
    rows: list[object] = []
    history.playingChanged.connect(rows.append)
    history.set_playing(paths[0])
    history.set_playing(paths[0])  # the same again: nothing new
    assert rows == [1]
    assert [history.index(r).data(PlayingRole) for r in range(2)] == [False, True]
    history.set_playing(None)
    assert rows == [1, None] and not any(history.index(r).data(PlayingRole) for r in range(2))
    assert history.data(QModelIndex(), PlayingRole) is None
