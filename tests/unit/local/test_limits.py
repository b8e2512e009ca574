"""The built-in renderer's limits, one rule at a time: `Host` names, JSON
depth and numbers, and the settings read from the environment. The server
enforcing them is tested in tests/integration/test_local_limits.py."""

from __future__ import annotations

import json

import pytest

from app.local.limits import (
    HostAllowList,
    JsonRejected,
    Limits,
    check_json,
    host_of,
    json_depth,
)


def allow_list(bound_host: str) -> HostAllowList:
    async def app(scope: object, receive: object, send: object) -> None:
        raise AssertionError("never called here")

    return HostAllowList(app, bound_host)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("127.0.0.1:8000", "127.0.0.1"),
        ("LOCALHOST", "localhost"),
        ("localhost:", "localhost"),
        ("[::1]:8000", "::1"),
        ("[0:0:0:0:0:0:0:1]", "::1"),
        ("evil.example:80", "evil.example"),
        ("::1", None),  # an IPv6 address needs its brackets
        ("[::1", None),
        ("[::1]x", None),
        ("127.0.0.1:80:80", None),
        ("127.0.0.1:http", None),
        ("", None),
    ],
)
def test_host_of_reads_the_name_without_port(header: str, expected: str | None) -> None:
    assert host_of(header) == expected


@pytest.mark.parametrize(
    "header", ["127.0.0.1", "127.0.0.1:43210", "localhost:1", "Localhost", "[::1]:9"]
)
def test_loopback_names_are_allowed_with_any_port(header: str) -> None:
    assert allow_list("127.0.0.1").allows(header)


@pytest.mark.parametrize(
    "header",
    [
        "evil.example",
        "evil.example:43210",
        "127.0.0.1.nip.io:43210",  # a name that resolves to loopback: DNS rebinding
        "localhost.evil.example",
        "192.168.1.20:43210",
        "",
        None,
    ],
)
def test_other_hosts_are_refused_on_loopback(header: str | None) -> None:
    assert not allow_list("127.0.0.1").allows(header)


def test_the_bound_address_is_allowed_too() -> None:
    hosts = allow_list("192.168.1.20")
    assert hosts.allows("192.168.1.20:8000") and hosts.allows("localhost:8000")
    assert not hosts.allows("192.168.1.21:8000") and not hosts.allows("renderer.example")


def test_a_wildcard_bind_allows_addresses_but_no_names() -> None:
    for bound in ("0.0.0.0", "::"):
        hosts = allow_list(bound)
        assert hosts.allows("192.168.1.20:8000") and hosts.allows("[fe80::1]:8000")
        assert not hosts.allows("renderer.example:8000")


# ------------------------------------------------------------------ JSON


def test_json_depth_counts_brackets_outside_strings() -> None:
    assert json_depth(b'"just a string"') == 0
    assert json_depth(b'{"config": {"references": [{"type": "source"}]}}') == 4
    assert json_depth(b'{"prompt": "[[[[{{{{ not nesting \\" [[[["}') == 1
    assert json_depth(b"[" * 100_000 + b"]" * 100_000) == 100_000


def test_a_generate_config_passes() -> None:
    config = {
        "config": {
            "prompt": "Кот на крыше",
            "seed": 2**63 - 1,
            "duration": 5,
            "references": [{"type": "source", "reference_id": "abc"}],
            "weight": 0.5,
        }
    }
    check_json(json.dumps(config).encode(), Limits())


@pytest.mark.parametrize("text", [b"not json at all", b"\xff\xfe\x00", b""])
def test_what_is_not_json_is_left_to_the_route(text: bytes) -> None:
    check_json(text, Limits())


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"[" * 33 + b"]" * 33, "more than 32 levels"),
        (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "more than 32 levels"),
        (b'{"config": {"seed": 1e999}}', "1e999 is too large"),
        (b'{"config": {"seed": -1e999}}', "-1e999 is too large"),
        (b'{"config": {"seed": NaN}}', "NaN"),
        (b'{"config": {"seed": Infinity}}', "Infinity"),
        (b'{"config": {"seed": -Infinity}}', "-Infinity"),
        (b'{"config": {"seed": 9223372036854775808}}', "too large"),
        (b'{"config": {"seed": -9223372036854775808}}', "too large"),
        (b'{"config": {"seed": ' + b"9" * 5000 + b"}}", "(5000 digits) is too large"),
    ],
)
def test_deep_nesting_and_unusable_numbers_are_rejected(body: bytes, words: str) -> None:
    with pytest.raises(JsonRejected, match=r".") as rejected:
        check_json(body, Limits())
    assert words in str(rejected.value)


# ------------------------------------------------------------------ settings


def test_limits_come_from_the_environment() -> None:
    limits = Limits.from_env({"FRAMECAST_LOCAL_LIMITS": "max_jobs=2, head_timeout=0.5"})
    assert limits.max_jobs == 2 and limits.head_timeout == 0.5
    assert limits.max_streams == Limits().max_streams
    assert Limits.from_env({}) == Limits()


def test_unknown_or_bad_limits_are_ignored_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    limits = Limits.from_env(
        {"FRAMECAST_LOCAL_LIMITS": "max_jobs=many,max_streams=0,no_such=3,head_timeout=2"}
    )
    assert limits == Limits(head_timeout=2.0)
    assert caplog.text.count("ignoring FRAMECAST_LOCAL_LIMITS entry") == 3
