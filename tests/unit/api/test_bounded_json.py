"""`loads_bounded` and `json_depth`: JSON from the network is measured before
it is parsed, so no input, however deep, large or broken, raises anything but
a `ProtocolError` (never RecursionError, never a bare ValueError)."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.api.bounded_json import MAX_JSON_DEPTH, JsonLimitError, json_depth, loads_bounded
from app.api.errors import ProtocolError

# Strings full of what confuses a bracket scanner: brackets, quotes, backslashes.
TRICKY_TEXT = st.text(st.sampled_from('[]{}"\\ax\u00e9\u2028'), max_size=12)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TRICKY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TRICKY_TEXT, inner, max_size=4),
    max_leaves=30,
)


def true_depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max((true_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((true_depth(v) for v in value.values()), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.booleans())
def test_depth_is_measured_exactly_whatever_the_strings_hold(value: object, as_bytes: bool) -> None:
    text = json.dumps(value, ensure_ascii=False)
    data: bytes | str = text.encode() if as_bytes else text
    assert json_depth(data) == true_depth(value)
    assert loads_bounded(data) == json.loads(text)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(MAX_JSON_DEPTH + 1, 200_000),
    st.sampled_from(["[", '{"k":', '[{"a":']),
    st.booleans(),
)
def test_deeply_nested_input_is_refused_before_parsing(
    levels: int, opener: str, as_bytes: bool
) -> None:
    closer = {"[": "]", '{"k":': "}", '[{"a":': "}]"}[opener]
    text = opener * levels + "0" + closer * levels
    data: bytes | str = text.encode() if as_bytes else text
    with pytest.raises(JsonLimitError, match="levels deep"):
        loads_bounded(data)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 100_000))
def test_unbalanced_openers_are_refused_not_recursed(levels: int) -> None:
    # No closing brackets at all: json.loads would recurse all the way down.
    data = b"[" * levels
    with pytest.raises(ProtocolError):
        loads_bounded(data)


def test_nesting_at_the_limit_parses() -> None:
    text = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    assert json_depth(text) == MAX_JSON_DEPTH
    assert isinstance(loads_bounded(text), list)


def test_huge_input_is_refused_by_size_at_once() -> None:
    data = b"[" * (2 * 1024 * 1024)  # too deep as well: the size is what is checked first
    with pytest.raises(JsonLimitError, match=r"is 2097152 bytes, over the 1048576-byte limit"):
        loads_bounded(data, max_bytes=1024 * 1024)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_any_garbage_gives_a_protocol_error_or_a_value(data: bytes | str) -> None:
    with contextlib.suppress(ProtocolError):
        loads_bounded(data)


def test_an_integer_of_5000_digits_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError, match="not JSON"):
        loads_bounded("9" * 5000)
