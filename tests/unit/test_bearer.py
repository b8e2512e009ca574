"""`app.bearer.normalise_token`: the one rule for a token as people paste it,
and every place that takes a token follows it."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from app.api.client import SuperDuperClient
from app.bearer import normalise_token
from app.logs import redact, register_secret

TOKEN = "sk-bearer-rule-5f0c1d2e"


@pytest.mark.parametrize(
    ("pasted", "token"),
    [
        ("bearer  abc.def ", "abc.def"),
        ("BEARER\tabc", "abc"),
        ("  Bearer abc  ", "abc"),
        ("abc", "abc"),
        ("Bearerabc", "Bearerabc"),
        ("Bearer", "Bearer"),
        ("Bearer   ", None),
        ("   ", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_token(pasted: str | None, token: str | None) -> None:
    assert normalise_token(pasted) == token


def test_the_client_sends_the_token_without_the_pasted_prefix() -> None:
    client = SuperDuperClient("https://api.example", f"  bearer\t{TOKEN} ")
    try:
        request = httpx.Request("GET", client.api_url("user/me"))
        sent = next(client._auth.auth_flow(request))
        assert sent.headers["Authorization"] == f"Bearer {TOKEN}"
    finally:
        asyncio.run(client.aclose())


def test_a_registered_secret_is_redacted_without_its_prefix() -> None:
    register_secret(f"BEARER {TOKEN}")
    assert TOKEN not in redact(f"the server said {TOKEN}")
