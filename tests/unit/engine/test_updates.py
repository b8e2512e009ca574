"""`app.engine.updates`: the facts a `JobUpdate` carries, the history's form of
a failure's detail, and the tracker's fast copy of a snapshot."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.engine.updates import (
    ConnectionState,
    ErrorKind,
    FailureDetail,
    JobState,
    JobUpdate,
    Stage,
    Transport,
    with_changes,
)

CHANGES = st.fixed_dictionaries(
    {},
    optional={
        "state": st.sampled_from(JobState),
        "stage": st.none() | st.sampled_from(Stage),
        "progress": st.none() | st.floats(0, 1),
        "server_progress": st.none() | st.text(max_size=20),
        "transport": st.sampled_from(Transport),
        "connection": st.sampled_from(ConnectionState),
        "error_kind": st.none() | st.sampled_from(ErrorKind),
        "error_detail": st.none() | st.builds(FailureDetail, count=st.integers(0, 9)),
        "server_message": st.none() | st.text(max_size=20),
    },
)


@given(CHANGES)
def test_with_changes_is_replace(changes: dict[str, object]) -> None:
    update = JobUpdate(job_id="j", state=JobState.PROCESSING, stage=Stage.RENDERING, progress=0.2)
    fast = with_changes(update, changes)
    assert fast == replace(update, **changes)  # type: ignore[arg-type]
    assert type(fast) is JobUpdate and fast is not update
    assert update.progress == 0.2  # the original is left as it was


def test_with_changes_refuses_an_unknown_field() -> None:
    with pytest.raises(TypeError, match="message"):
        with_changes(JobUpdate(job_id="j", state=JobState.QUEUED), {"message": "Done"})


@pytest.mark.parametrize(
    "detail",
    [
        FailureDetail(folder="/videos", needed_mb=12),
        FailureDetail(folder="/ro", reason="Read-only file system"),
        FailureDetail(count=5),
    ],
)
def test_a_failure_detail_survives_the_history(detail: FailureDetail) -> None:
    assert FailureDetail.from_json(detail.to_json()) == detail


@pytest.mark.parametrize(
    "text",
    [None, "", "not json", "[1, 2]", '{"needed_mb": "12"}', '{"count": true}', '{"other": 1}'],
)
def test_a_detail_the_history_cannot_read_is_no_detail(text: str | None) -> None:
    assert FailureDetail.from_json(text) is None


def test_only_the_well_typed_fields_of_a_detail_are_kept() -> None:
    assert FailureDetail.from_json('{"folder": "/v", "needed_mb": "lots"}') == FailureDetail(
        folder="/v"
    )
