"""The renderer's records on disk: unfinished videos come back in queue
order for the one renderer that owns the data folder, half-written files of
a stopped run are dropped, and records from before these fields still load."""

from __future__ import annotations

import json
from pathlib import Path

from app.local.records import (
    COMPLETED,
    IN_PROGRESS,
    INTERRUPTED,
    QUEUED,
    RENDERING,
    FileRecord,
    RecordStore,
    new_id,
)


def video(status: str, stage: str | None, queued_at: float) -> FileRecord:
    return FileRecord(
        id=new_id(),
        type="video",
        project_id=new_id(),
        status=status,
        stage=stage,
        queued_at=queued_at,
        config={"prompt": "a boat"},
    )


def test_unfinished_videos_come_back_in_the_order_they_were_queued(tmp_path: Path) -> None:
    first = RecordStore(tmp_path)
    records = [
        video(IN_PROGRESS, QUEUED, 30.0),
        video(COMPLETED, None, 5.0),
        video(IN_PROGRESS, INTERRUPTED, 10.0),
        video(IN_PROGRESS, RENDERING, 20.0),  # the renderer was killed: no mark at all
    ]
    for record in records:
        first.add(record)
    picture = FileRecord(id=new_id(), type="image", media_name="x.png")
    first.add(picture)
    del first

    store = RecordStore(tmp_path)
    store.load()
    assert store.owner
    assert [r.id for r in store.unfinished()] == [records[2].id, records[3].id, records[0].id]
    assert store.get(records[1].id) is not None and store.get(picture.id) is not None


def test_a_second_renderer_on_the_same_folder_leaves_the_unfinished_to_the_first(
    tmp_path: Path,
) -> None:
    seed = RecordStore(tmp_path)
    seed.add(video(IN_PROGRESS, INTERRUPTED, 1.0))
    part = seed.media_path(f".{new_id()}.4242.part.mp4")
    part.write_bytes(b"half a video")

    owner = RecordStore(tmp_path)
    owner.load()
    assert owner.owner and len(owner.unfinished()) == 1
    assert not part.exists(), "the owner drops what a stopped run left half-written"

    part.write_bytes(b"being written by the owner's worker")
    second = RecordStore(tmp_path)
    second.load()
    assert not second.owner
    assert second.unfinished() == []
    assert part.exists(), "a second renderer touches none of the owner's files"


def test_records_written_before_the_queue_fields_still_load(tmp_path: Path) -> None:
    store = RecordStore(tmp_path)
    old = {
        "id": new_id(),
        "type": "video",
        "created_at": "2025-01-01T00:00:00+00:00",
        "status": IN_PROGRESS,
        "progress": 0.4,
        "config": {"prompt": "a boat"},
    }
    (store.files_dir / f"{old['id']}.json").write_text(json.dumps(old), "utf-8")
    store.load()
    (record,) = store.unfinished()
    assert record.id == old["id"] and record.stage is None
