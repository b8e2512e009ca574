"""`SSEParser`: the WHATWG event-stream rules, whatever the chunking, with
bounded memory. Property tests build random streams (ids, data lines,
comments, retry fields, CRLF/CR/LF line ends, an optional BOM) and split
them at random points; hostile ones add events nested up to 300,000 deep,
events of megabytes, and `retry:` fields of thousands of digits."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.api.client import SuperDuperClient
from app.api.models import RenderProgress, StreamMessage
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics
from app.engine.sse import EventStream, SSEParser
from tests.support.sse_script import encode_stream, error, progress, raw, result, unknown

#: What a parsed event is compared by.
Seen = tuple[str, str, str, int | None]

LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])
# Field values: no line breaks (they end a line), no NUL in ids.
VALUES = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"), max_size=12
)
IDS = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=6)


@dataclass(frozen=True)
class Block:
    """One blank-line-terminated block of a stream."""

    event_id: str | None
    data: tuple[str, ...]
    comments: tuple[str, ...]
    retry: int | None
    name: str | None


BLOCKS = st.builds(
    Block,
    event_id=st.none() | IDS,
    data=st.lists(VALUES, max_size=3).map(tuple),
    comments=st.lists(VALUES, max_size=2).map(tuple),
    retry=st.none() | st.integers(0, 10**6),
    name=st.none() | st.sampled_from(["message", "update"]),
)


@st.composite
def streams(draw: st.DrawFn) -> tuple[bytes, list[Seen]]:
    """A stream's bytes and the events the WHATWG rules give for it."""
    blocks = draw(st.lists(BLOCKS, max_size=6))
    bom = draw(st.booleans())
    out: list[str] = ["\ufeff"] if bom else []
    expected: list[Seen] = []
    last_id = ""
    prev_end = ""
    for block in blocks:
        lines: list[str] = [f":{c}" for c in block.comments]
        if block.name is not None:
            lines.append(f"event: {block.name}")
        if block.event_id is not None:
            lines.append(f"id: {block.event_id}")
            last_id = block.event_id
        if block.retry is not None:
            lines.append(f"retry: {block.retry}")
        lines.extend(f"data: {d}" for d in block.data)
        lines = draw(st.permutations(lines))
        for line in [*lines, ""]:
            end = draw(LINE_ENDS)
            if not line and prev_end == "\r" and end == "\n":
                end = "\r\n"  # CR then LF would be one CRLF, not an empty line
            out.append(line + end)
            prev_end = end
        data = [line[len("data: ") :] for line in lines if line.startswith("data: ")]
        if data:
            expected.append((block.name or "message", "\n".join(data), last_id, block.retry))
        elif block.retry is not None:
            # A retry-only block still changes the reconnection time.
            expected.append(("message", "", last_id, block.retry))
    return "".join(out).encode("utf-8"), expected


def _seen(parser: SSEParser, chunks: list[bytes]) -> list[Seen]:
    return [(e.event, e.data, e.id, e.retry) for chunk in chunks for e in parser.feed(chunk)]


def _split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    edges = [0, *points, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges)]


@settings(max_examples=300, deadline=None)
@given(streams(), st.lists(st.integers(0, 10**6), max_size=12))
def test_any_split_yields_the_same_events(
    stream: tuple[bytes, list[Seen]], cuts: list[int]
) -> None:
    data, expected = stream
    whole = _seen(SSEParser(), [data])
    assert whole == expected
    assert _seen(SSEParser(), _split(data, cuts)) == expected


@settings(max_examples=100, deadline=None)
@given(streams())
def test_byte_at_a_time_yields_the_same_events(stream: tuple[bytes, list[Seen]]) -> None:
    data, expected = stream
    assert _seen(SSEParser(), [data[i : i + 1] for i in range(len(data))]) == expected


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [progress(0.25), progress(40), result(), error("boom"), unknown(), raw("{not json")]
        ),
        max_size=8,
    ),
    st.booleans(),
    st.lists(st.integers(0, 10**5), max_size=10),
)
def test_scripted_streams_split_anywhere(events: list[object], bom: bool, cuts: list[int]) -> None:
    data = encode_stream(events, bom=bom, values={"$RESULT_URL": "http://x/v.mp4"})  # type: ignore[arg-type]
    whole = _seen(SSEParser(), [data])
    assert len(whole) == len(events)
    assert [e[2] for e in whole] == [str(i + 1) for i in range(len(events))]
    assert _seen(SSEParser(), _split(data, cuts)) == whole


# --------------------------------------------------------------------------- BOM


def test_leading_bom_is_stripped_at_every_split() -> None:
    data = b"\xef\xbb\xbfdata: first\n\ndata: second\n\n"
    for cut in range(len(data) + 1):
        got = _seen(SSEParser(), [data[:cut], data[cut:]])
        assert [e[1] for e in got] == ["first", "second"], cut


def test_only_the_leading_bom_is_stripped() -> None:
    # A BOM later in the stream is part of a field name: that line is ignored.
    got = _seen(SSEParser(), [b"\xef\xbb\xbfdata: a\n\n\xef\xbb\xbfdata: b\n\ndata: c\n\n"])
    assert [e[1] for e in got] == ["a", "c"]


def test_a_partial_bom_that_is_not_one_is_kept() -> None:
    assert _seen(SSEParser(), [b"\xef", b"data: x\n\n"]) == []  # not a BOM, not a field
    assert [e[1] for e in _seen(SSEParser(), [b"\xef\xbb", b"\xbfdata: y\n\n"])] == ["y"]


# --------------------------------------------------------------------------- fields


def test_phantom_event_after_id_and_comment_is_not_dispatched() -> None:
    parser = SSEParser()
    assert parser.feed(b"id: 5\n: keepalive\n\n") == []
    assert parser.last_event_id == "5"
    (event,) = parser.feed(b"data: real\n\n")
    assert (event.data, event.id) == ("real", "5")


def test_retry_field_takes_only_digits() -> None:
    parser = SSEParser()
    (event,) = parser.feed(b"retry: 2500\ndata: x\n\n")
    assert event.retry == 2500
    (event,) = parser.feed(b"retry: 25s\ndata: y\n\n")
    assert event.retry is None
    (only,) = parser.feed(b"retry: 700\n\n")
    assert (only.data, only.retry) == ("", 700)


def test_id_with_nul_is_ignored() -> None:
    parser = SSEParser()
    parser.feed(b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n")
    assert parser.last_event_id == "1"


def test_crlf_split_between_cr_and_lf_is_one_line_end() -> None:
    parser = SSEParser()
    assert parser.feed(b"data: a\r") == []
    assert parser.feed(b"\n") == []  # the second half of CRLF, not a blank line
    (event,) = parser.feed(b"\r\n")
    assert event.data == "a"
    assert parser.feed(b"data: b\r\n\r\n")[0].data == "b"


# --------------------------------------------------------------------------- size bounds


def test_oversized_event_is_dropped_and_the_next_survives() -> None:
    parser = SSEParser(max_event_bytes=100)
    big = b"id: 7\n" + b"data: " + b"x" * 60 + b"\n" + b"data: " + b"y" * 60 + b"\n\n"
    data = big + b"data: small\n\n"
    for step in (1, 7, 64, len(data)):
        parser = SSEParser(max_event_bytes=100)
        got = _seen(parser, [data[i : i + step] for i in range(0, len(data), step)])
        assert [e[1] for e in got] == ["small"], step
        assert parser.oversized == 1
        assert got[0][2] == "7"  # the id of the dropped event still counts


def test_oversized_single_line_is_dropped_and_the_next_survives() -> None:
    parser = SSEParser(max_event_bytes=1 << 20)
    line = b"data: " + b"z" * (2 << 20) + b"\n\n"
    got = _seen(
        parser, [line[i : i + 65536] for i in range(0, len(line), 65536)] + [b"data: after\n\n"]
    )
    assert [e[1] for e in got] == ["after"]
    assert parser.oversized == 1


def test_endless_line_stays_bounded_in_memory() -> None:
    limit = 64 * 1024
    parser = SSEParser(max_event_bytes=limit)
    chunk = b"data: " + b"q" * (16 * 1024)
    peak = 0
    for _ in range(2000):  # about 32 MiB without a line end
        assert parser.feed(chunk) == []
        peak = max(peak, len(parser._buffer))
    assert peak <= limit + len(chunk)
    assert parser.oversized == 1
    (event,) = parser.feed(b"\n\ndata: later\n\n")
    assert event.data == "later"


# --------------------------------------------------------------------------- hostile input


def _stream(config: EngineConfig, delivered: list[StreamMessage]) -> EventStream:
    """An EventStream for its `_deliver` step alone: no connection is opened."""
    return EventStream(
        cast(SuperDuperClient, None),
        "file.x",
        config=config,
        diagnostics=Diagnostics(),
        on_message=delivered.append,
        on_state=lambda state, reason: None,
    )


NESTING = st.sampled_from(["[", '{"a":', '{"type":"render_progress","object":'])


@settings(max_examples=60, deadline=None)
@given(
    st.integers(65, 300_000),
    NESTING,
    st.lists(st.integers(0, 10**7), max_size=8),
)
def test_deeply_nested_event_is_skipped_and_the_stream_goes_on(
    levels: int, opener: str, cuts: list[int]
) -> None:
    closer = "]" if opener == "[" else "}"
    deep = opener * levels + "1" + closer * levels
    data = (
        b"id: 1\ndata: " + deep.encode() + b"\n\n"
        b'id: 2\ndata: {"type":"render_progress","object":{"progress":0.5}}\n\n'
    )
    config = EngineConfig(max_event_bytes=16 << 20)  # room for the deepest
    parser = SSEParser(config.max_event_bytes)
    events = [e for chunk in _split(data, cuts) for e in parser.feed(chunk)]
    assert [e.id for e in events] == ["1", "2"]  # the parser carries any depth: it is bytes
    delivered: list[StreamMessage] = []
    stream = _stream(config, delivered)

    async def deliver() -> None:
        for event in events:
            await stream._deliver(event)

    asyncio.run(deliver())
    assert [type(m) for m in delivered] == [RenderProgress]
    assert stream.diagnostics.events_skipped == 1


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 64), st.integers(1, 3 << 20), st.lists(st.integers(0, 10**7), max_size=6))
def test_huge_events_are_dropped_whole_and_the_next_survives(
    limit_kib: int, size: int, cuts: list[int]
) -> None:
    limit = limit_kib * 1024
    payload = '{"type":"render_progress","object":{"progress":0.1,"pad":"' + "p" * size + '"}}'
    data = b"data: " + payload.encode() + b"\n\ndata: after\n\n"
    parser = SSEParser(max_event_bytes=limit)
    got = _seen(parser, _split(data, cuts))
    if len(payload) + len(b"data: ") > limit:
        assert [e[1] for e in got] == ["after"]
        assert parser.oversized == 1
    else:
        assert [e[1] for e in got] == [payload, "after"]


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 6000), st.sampled_from(["0", "9", "1"]))
def test_retry_of_any_length_never_raises(digits: int, digit: str) -> None:
    parser = SSEParser()
    (event,) = parser.feed(f"retry: {digit * digits}\ndata: x\n\n".encode())
    value = digit * digits
    expected = 0 if digit == "0" else int(value) if digits <= 9 else 10**9
    assert event.retry == expected
    assert event.data == "x"


@pytest.mark.parametrize(
    ("retry_ms", "low", "high"),
    [(0, 0.8, 1.2), (1, 0.8, 1.2), (2500, 2.0, 3.0), (10**9, 240.0, 360.0)],
)
def test_server_retry_is_clamped_with_jitter(retry_ms: int, low: float, high: float) -> None:
    stream = _stream(EngineConfig(sse_retry_min=1.0, sse_retry_max=300.0), [])
    stream.retry_ms = retry_ms
    stream._failures = 1
    delays = [stream._backoff(refused=False) for _ in range(200)]
    assert all(low <= d <= high for d in delays), (min(delays), max(delays))
    assert len(set(delays)) > 1  # jittered, so many clients don't reconnect in step
