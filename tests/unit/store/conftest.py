"""Fixtures for the store tests: every location in tmp, an in-memory keyring.

Nothing here may touch the real home directory or the user's keyring.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

_ENVIRONMENT = (
    "SUPERDUPERAI_URL",
    "SUPERDUPERAI_TOKEN",
    "FRAMECAST_POLL_INTERVAL",
    "FRAMECAST_SSE_IDLE_TIMEOUT",
    "FRAMECAST_LOG",
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict, for tests."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Config, data and log dirs under tmp; no Framecast variables from outside."""
    dirs = {
        "config": tmp_path / "config",
        "data": tmp_path / "data",
        "log": tmp_path / "log",
    }
    monkeypatch.setenv("FRAMECAST_CONFIG_DIR", str(dirs["config"]))
    monkeypatch.setenv("FRAMECAST_DATA_DIR", str(dirs["data"]))
    monkeypatch.setenv("FRAMECAST_LOG_DIR", str(dirs["log"]))
    for name in _ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    return dirs


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Replace whatever keyring this machine has with an in-memory one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
