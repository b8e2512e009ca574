"""The API token as people paste it: the one rule for a leading `Bearer `.

Creators copy tokens from web pages and headers, often as `Bearer abc...`
with spaces around. Everything that takes a token (the command line, the
environment, Settings, the credential store, the client and the log's
redaction) reads it through `normalise_token`. Standard library only, like
`app.logs`, so every layer may use it.
"""

from __future__ import annotations

import re

_BEARER_PREFIX = re.compile(r"^\s*bearer\s+", re.IGNORECASE)


def normalise_token(token: str | None) -> str | None:
    """`token` without surrounding whitespace or a leading `Bearer ` (any
    case); None for no token or one that is empty once stripped."""
    if token is None:
        return None
    return _BEARER_PREFIX.sub("", token).strip() or None
