"""The history model and its search, without any widget, over a real history database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from app.api.models import GenerationRequest
from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.store.history import AsyncHistoryStore, JobRecord
from app.ui.models.history import (
    HistoryFilter,
    HistoryModel,
    HistorySearch,
    ModelLabelRole,
    RecordRole,
    saved_request,
)
from app.ui.models.problems import SettingsNotFound, VideoFailed, VideoMissing
from app.ui.models.video import Video
from app.ui.tasks import TaskGroup

Run = Callable[..., object]
LABELS = {"local/quick-t2v": "Quick sketch"}


def record(job_id: str, prompt: str, created_at: str, **fields: object) -> JobRecord:
    return JobRecord(
        job_id=job_id,
        prompt=prompt,
        model="local/quick-t2v",
        created_at=f"2026-01-0{created_at}T10:00:00.000000+00:00",
        **fields,  # type: ignore[arg-type]
    )


@pytest.fixture
def history(store: AsyncHistoryStore, run: Run, qtbot: QtBot) -> HistoryModel:
    for item in (
        record("a", "Jellyfish drifting in blue light", "1", state="completed"),
        record("b", "A volcano at night, 100% lava", "2", state="processing"),
        record("c", "Paper boats", "3", state="failed", server_message="Out of GPU memory"),
    ):
        run(store.insert(item))
    model = HistoryModel(store, TaskGroup(), lambda name: LABELS.get(name or "", name or ""))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return model


def test_rows_are_newest_first_with_their_model_labels(history: HistoryModel) -> None:
    assert [r.job_id for r in history.records()] == ["c", "b", "a"]
    index = history.index(0)
    assert index.data(RecordRole).prompt == "Paper boats"
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Paper boats"
    assert index.data(ModelLabelRole) == "Quick sketch"
    assert history.rowCount(index) == 0  # a list: rows have no children


def test_reload_requests_while_one_runs_collapse(
    history: HistoryModel, store: AsyncHistoryStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    original = store.list

    async def counted(*args: object, **kwargs: object) -> list[JobRecord]:
        reads.append(1)
        if len(reads) == 1:
            for _ in range(10):  # asked again while the first read runs
                history.reload()
        return await original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "list", counted)
    with qtbot.waitSignal(history.loaded, timeout=5000):
        for _ in range(10):  # asked before the first read starts: one read
            history.reload()
    assert len(reads) == 2  # the first, and one more for everything asked meanwhile


def test_a_job_update_reaches_its_row_at_once(history: HistoryModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(history.dataChanged, timeout=1000) as changed:
        history.apply(JobUpdate(job_id="b", state=JobState.DOWNLOADING))
    assert changed.args[0].row() == 1
    assert history.records()[1].state == "downloading"
    with qtbot.assertNotEmitted(history.dataChanged):
        history.apply(JobUpdate(job_id="b", state=JobState.DOWNLOADING))
        history.apply(JobUpdate(job_id="not-listed", state=JobState.QUEUED))


def test_search_matches_prompt_model_and_label_in_any_case_literally(
    history: HistoryModel,
) -> None:
    search = HistorySearch(history)
    assert len(search.records()) == 3
    search.set_search("  JELLYFISH ")
    assert [r.job_id for r in search.records()] == ["a"] and search.search() == "JELLYFISH"
    search.set_search("quick sketch")  # the label the creator sees
    assert len(search.records()) == 3
    search.set_search("local/quick")  # the model's own name
    assert len(search.records()) == 3
    search.set_search("100%")
    assert [r.job_id for r in search.records()] == ["b"]
    search.set_search("1.*%")  # literal text, not a pattern
    assert search.records() == []
    search.set_search("")
    assert len(search.records()) == 3


def test_delete_removes_the_row_then_the_files(
    history: HistoryModel, store: AsyncHistoryStore, run: Run, tmp_path: Path
) -> None:
    video, poster = tmp_path / "a.mp4", tmp_path / "a.jpg"
    video.write_bytes(b"video")
    poster.write_bytes(b"poster")
    target = JobRecord(job_id="a", prompt="x", local_path=str(video), thumbnail_path=str(poster))
    released: list[Path] = []
    removed: list[int] = []
    history.videoDeleting.connect(released.append)
    history.rowsRemoved.connect(lambda _parent, first, _last: removed.append(first))

    run(history.delete(target))

    assert released == [video] and removed == [2]
    assert not video.exists() and not poster.exists()
    assert run(store.get("a")) is None
    assert [r.job_id for r in history.records()] == ["c", "b"]


def test_play_offers_a_video_whose_file_is_there_and_says_why_not_otherwise(
    history: HistoryModel, run: Run, tmp_path: Path
) -> None:
    video = tmp_path / "v.mp4"
    video.write_bytes(b"video")
    offered: list[Video] = []
    history.videoReady.connect(offered.append)
    finished = record("d", "Done", "4", local_path=str(video), url="https://cdn.example/v.mp4")
    run(history.play(finished))
    assert offered == [Video(video, None, "Done", "https://cdn.example/v.mp4")]

    video.unlink()
    with pytest.raises(VideoMissing) as missing:
        run(history.play(finished))
    assert missing.value.path == video

    failed = record(
        "e",
        "Broken",
        "5",
        state="failed",
        server_message="duration must be 5",
        error_kind=str(ErrorKind.INVALID),
    )
    with pytest.raises(VideoFailed) as why:
        run(history.play(failed))
    assert why.value.facts.failure is ErrorKind.INVALID
    assert why.value.facts.server_text == "duration must be 5"

    run(history.play(record("f", "Still rendering", "6", state="processing")))
    assert len(offered) == 1  # nothing to play yet, and nothing to complain about


def test_a_rows_request_reads_back_in_either_shape() -> None:
    request = GenerationRequest(prompt="Fog", generation_config_name="m", duration=5, seed=1)
    bare = record("g", "Fog", "7", request_json=request.model_dump_json())
    wrapped = record("h", "Fog", "7", request_json=f'{{"config": {request.model_dump_json()}}}')
    assert saved_request(bare) == request == saved_request(wrapped)
    with pytest.raises(SettingsNotFound):
        saved_request(record("i", "Fog", "7", request_json='{"prompt": 5}'))


def test_an_invalid_index_has_no_data(history: HistoryModel) -> None:
    assert history.data(QModelIndex(), RecordRole) is None
    assert history.data(history.index(99), RecordRole) is None


def test_a_reload_moves_rows_in_place_and_resets_only_when_the_order_changed(
    history: HistoryModel, store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    resets: list[int] = []
    removed: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    changed: list[int] = []
    history.modelReset.connect(lambda: resets.append(1))
    history.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    history.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    history.dataChanged.connect(lambda first, _last, _roles: changed.append(first.row()))
    run(store.delete("b"))
    run(store.insert(record("d", "Newest", "4")))
    run(store.update("a", state="failed"))
    with qtbot.waitSignal(history.loaded, timeout=5000):
        history.reload()
    assert [r.job_id for r in history.records()] == ["d", "c", "a"]
    assert (resets, removed, inserted, changed) == ([], [(1, 1)], [(0, 0)], [2])
    # A row whose time moved (another order): one reset, the same rows.
    run(store.delete("c"))
    run(store.insert(record("c", "Paper boats", "0")))  # now older than every row
    with qtbot.waitSignal(history.loaded, timeout=5000):
        history.reload()
    assert resets == [1] and [r.job_id for r in history.records()] == ["d", "a", "c"]


def test_a_star_stays_when_a_reload_read_the_rows_before_it_was_stored(
    history: HistoryModel, store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    # The reload's read is queued on the history's thread before the star's
    # write: it brings back the row unstarred, after the star was shown.
    with qtbot.waitSignal(history.loaded, timeout=5000):
        history.reload()
        run(history.set_favourite("a", True))
    assert history.records()[history.row_of("a") or 0].favourite
    assert run(store.get("a")).favourite  # type: ignore[union-attr]
    # The next reload agrees, and the filter shows it.
    with qtbot.waitSignal(history.loaded, timeout=5000):
        history.reload()
    search = HistorySearch(history)
    search.set_filter(HistoryFilter.FAVOURITES)
    assert search.records() == [r for r in history.records() if r.job_id == "a"]


def test_the_search_and_a_filter_follow_rows_that_change(
    history: HistoryModel, run: Run, qtbot: QtBot
) -> None:
    search = HistorySearch(history)
    search.set_filter(HistoryFilter.FAILED)
    assert [r.job_id for r in search.records()] == ["c"]
    # A live update makes "b" fail: the filter's verdicts are worked out again.
    history.apply(JobUpdate(job_id="b", state=JobState.FAILED))
    assert [r.job_id for r in search.records()] == ["c", "b"]
    search.set_search("VOLCANO")
    assert [r.job_id for r in search.records()] == ["b"]
