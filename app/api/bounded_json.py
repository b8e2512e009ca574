"""JSON from the network, parsed only once it is known to be small and shallow.

`json.loads` recurses once per nesting level: a body of 100,000 `[` raises
RecursionError (not ValueError), which no caller expects, and a huge body
costs memory in proportion. `loads_bounded` refuses both before parsing:
the size is checked first, then the nesting depth is measured by scanning
the brackets outside of string literals (in C-speed regex and itertools
passes, no per-character Python loop). Every refusal, and every ordinary
syntax error, is a `ProtocolError`, so callers handle one error type.

The client, the event stream and the poller all parse through here.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator

from app.api.errors import ProtocolError

#: Deeper than any answer of the contract (a file object is about 6 levels).
MAX_JSON_DEPTH = 64
#: Larger than any answer of the contract (a page of 100 models is ~100 KB).
MAX_JSON_BYTES = 16 * 1024 * 1024

# A JSON string literal (escapes included), unrolled so long strings stay linear.
_STRING_BYTES = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_STRING_TEXT = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET_BYTES = re.compile(rb"[^\[\]{}]+")
_NOT_BRACKET_TEXT = re.compile(r"[^\[\]{}]+")
# +1 for an opening bracket, -1 for a closing one, indexed by character code.
_STEP = tuple(1 if c in b"[{" else -1 if c in b"]}" else 0 for c in range(256))


class JsonLimitError(ProtocolError):
    """A JSON body that is too large or nested too deeply to parse safely."""


def json_depth(data: bytes | str) -> int:
    """The deepest nesting of arrays and objects in `data` (0 for a scalar).

    Brackets inside string literals do not count. Malformed input gives some
    number (json.loads will refuse it anyway); never raises."""
    codes: Iterator[int]
    if isinstance(data, bytes):
        raw = _NOT_BRACKET_BYTES.sub(b"", _STRING_BYTES.sub(b"", data))
        codes = iter(raw)  # a bytes object iterates as ints
    else:
        text = _NOT_BRACKET_TEXT.sub("", _STRING_TEXT.sub("", data))
        codes = map(ord, text)
    steps = map(_STEP.__getitem__, codes)
    return max(0, max(itertools.accumulate(steps), default=0))


def loads_bounded(
    data: bytes | str,
    *,
    what: str = "answer",
    max_depth: int = MAX_JSON_DEPTH,
    max_bytes: int = MAX_JSON_BYTES,
) -> object:
    """Parse `data` as JSON if it is at most `max_bytes` long and `max_depth`
    deep; raise `JsonLimitError` if not, `ProtocolError` if it is not JSON.
    `what` names the source in the error's detail (for the log)."""
    size = len(data)
    if size > max_bytes:
        raise JsonLimitError(f"{what} is {size} bytes, over the {max_bytes}-byte limit")
    # Fewer openers than the limit can't nest deeper than it: skip the scan
    # (the common case, and str/bytes.count runs at C speed).
    if isinstance(data, str):
        openers = data.count("[") + data.count("{")
    else:
        openers = data.count(b"[") + data.count(b"{")
    depth = json_depth(data) if openers > max_depth else 0
    if depth > max_depth:
        raise JsonLimitError(f"{what} is nested {depth} levels deep, over the limit of {max_depth}")
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:
        # ValueError covers bad syntax, bad UTF-8 and integers over Python's
        # digit limit; RecursionError can only come from a tiny stack.
        raise ProtocolError(f"{what} is not JSON: {str(exc)[:120]}") from None
