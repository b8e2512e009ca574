from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest
from keyring.backends import fail

from app.store import credentials
from app.store.credentials import delete_token, load_token, origin, save_token

from .conftest import MemoryKeyring

CLOUD = "https://editor.superduperai.co"
TOKEN = "sk-live-7d1e9c0b2a38f4"


class BrokenKeyring(keyring.backend.KeyringBackend):
    """A keyring whose every call fails, like a locked or absent Secret Service."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("dbus says no")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("dbus says no")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("dbus says no")


@pytest.fixture
def fail_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def broken_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    yield
    keyring.set_keyring(previous)


def test_origin() -> None:
    assert origin("https://Editor.SuperDuperAI.co/api/v1/") == CLOUD
    assert origin("https://editor.superduperai.co:443") == CLOUD
    assert origin("http://127.0.0.1:8123/x?y=1") == "http://127.0.0.1:8123"
    assert origin("http://user:pw@host.example") == "http://host.example"
    assert origin("http://[::1]:9000") == "http://[::1]:9000"
    with pytest.raises(ValueError):
        origin("editor.superduperai.co")
    with pytest.raises(ValueError):
        origin("file:///etc/passwd")


def test_keyring_round_trip(memory_keyring: MemoryKeyring) -> None:
    assert load_token(CLOUD) is None
    save_token(CLOUD + "/", f"Bearer {TOKEN}")
    assert memory_keyring.passwords == {("Framecast", CLOUD): TOKEN}
    assert load_token(CLOUD) == TOKEN
    assert load_token("https://editor.superduperai.co:443/anything") == TOKEN
    assert load_token("https://dev-editor.superduperai.co") is None
    assert load_token("http://editor.superduperai.co") is None  # another origin
    assert not credentials.fallback_file_path().exists()

    delete_token(CLOUD)
    assert load_token(CLOUD) is None
    delete_token(CLOUD)  # deleting twice is fine


def test_fallback_file_without_a_keyring(fail_keyring: None) -> None:
    old_umask = os.umask(0)  # even a permissive umask must not widen the file
    try:
        save_token(CLOUD, TOKEN)
        save_token("http://127.0.0.1:8123", "other-token-value")
    finally:
        os.umask(old_umask)
    path = credentials.fallback_file_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert json.loads(path.read_text()) == {
        CLOUD: TOKEN,
        "http://127.0.0.1:8123": "other-token-value",
    }
    assert load_token(CLOUD) == TOKEN
    assert [p.name for p in path.parent.iterdir()] == ["credentials.json"]  # no temp left

    delete_token(CLOUD)
    assert load_token(CLOUD) is None
    assert load_token("http://127.0.0.1:8123") == "other-token-value"
    delete_token("http://127.0.0.1:8123")
    assert not path.exists()


def test_fallback_tightens_a_loose_directory(fail_keyring: None) -> None:
    directory = credentials.fallback_file_path().parent
    directory.mkdir(parents=True)
    directory.chmod(0o755)
    save_token(CLOUD, TOKEN)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700


def test_erroring_keyring_falls_back_to_the_file(broken_keyring: None) -> None:
    save_token(CLOUD, TOKEN)
    assert credentials.fallback_file_path().exists()
    assert load_token(CLOUD) == TOKEN
    delete_token(CLOUD)
    assert load_token(CLOUD) is None


def test_keyring_save_removes_an_older_fallback_copy(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    save_token(CLOUD, "old-token-from-file")
    keyring.set_keyring(memory_keyring)
    assert load_token(CLOUD) == "old-token-from-file"  # still found after a keyring appears
    save_token(CLOUD, TOKEN)
    assert load_token(CLOUD) == TOKEN
    assert not credentials.fallback_file_path().exists()


def test_damaged_fallback_file_reads_as_empty(fail_keyring: None) -> None:
    path = credentials.fallback_file_path()
    path.parent.mkdir(parents=True)
    path.write_text("{oops")
    assert load_token(CLOUD) is None
    save_token(CLOUD, TOKEN)
    assert load_token(CLOUD) == TOKEN


def test_empty_token_is_refused() -> None:
    with pytest.raises(ValueError):
        save_token(CLOUD, "Bearer   ")


def test_the_token_is_never_logged(caplog: pytest.LogCaptureFixture, broken_keyring: None) -> None:
    caplog.set_level(logging.DEBUG, logger="framecast")
    save_token(CLOUD, TOKEN)
    load_token(CLOUD)
    delete_token(CLOUD)
    assert caplog.records  # the fallback was reported...
    assert TOKEN not in caplog.text  # ...without the secret
