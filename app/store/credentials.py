"""The saved API token, one per backend, in the OS keyring.

Tokens are stored with `keyring` under service "Framecast" and the backend
URL's origin (`https://editor.superduperai.co`) as the user name, so a token is
only ever offered to the server it was saved for. When no usable keyring
exists (keyring's fail or null backend, or a backend that errors, as on a
headless Linux box without a Secret Service), the token goes to a fallback
file readable only by the user: `<config dir>/private/credentials.json`, mode
0600 inside a 0700 directory. Tests move the config dir with
`FRAMECAST_CONFIG_DIR` and install an in-memory keyring with
`keyring.set_keyring()`.

No function here logs, returns in an error or otherwise reveals a token.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail, null

from app.bearer import normalise_token
from app.store import paths

log = logging.getLogger("framecast.store")

SERVICE = "Framecast"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(backend_url: str) -> str:
    """`scheme://host[:port]` of a backend URL, lower-cased, default port dropped.

    Raises ValueError for anything but an absolute http(s) URL.
    """
    parts = urlsplit(backend_url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError("backend URL must be an http:// or https:// URL")
    host = parts.hostname  # lower-cased, without userinfo
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


@dataclass(frozen=True)
class TokenPlace:
    """Where a token is kept: the OS keyring, or the private fallback file at `path`."""

    kind: Literal["keyring", "file"]
    path: Path | None = None


def token_place(backend_url: str | None = None) -> TokenPlace:
    """Where the token saved for this backend is, or else where a new one would go."""
    backend = _usable_keyring()
    if backend_url is not None:
        try:
            in_file = origin(backend_url) in _read_fallback()
        except ValueError:
            in_file = False
        if in_file:
            return TokenPlace("file", fallback_file_path())
    if backend is not None:
        return TokenPlace("keyring")
    return TokenPlace("file", fallback_file_path())


def fallback_file_path() -> Path:
    """The credential file used when no keyring is available."""
    return paths.config_dir() / "private" / "credentials.json"


def load_token(backend_url: str) -> str | None:
    """The token saved for this backend's origin, or None."""
    key = origin(backend_url)
    backend = _usable_keyring()
    if backend is not None:
        try:
            token = backend.get_password(SERVICE, key)
        except Exception as exc:  # any backend failure means "look in the file"
            log.warning(
                "keyring %s failed to read (%s); trying the fallback file",
                _name(backend),
                type(exc).__name__,
            )
        else:
            if token:
                return token
    return _read_fallback().get(key)


def save_token(backend_url: str, pasted: str) -> TokenPlace:
    """Save a token for this backend's origin (a pasted `Bearer ` is stripped);
    returns where it went."""
    key = origin(backend_url)
    token = normalise_token(pasted)
    if token is None:
        raise ValueError("the token is empty")
    backend = _usable_keyring()
    if backend is not None:
        try:
            backend.set_password(SERVICE, key, token)
        except Exception as exc:
            log.warning(
                "keyring %s failed to save (%s); using the fallback file",
                _name(backend),
                type(exc).__name__,
            )
        else:
            _remove_from_fallback(key)  # an older copy there must not outlive this one
            log.info("saved the token for %s in keyring %s", key, _name(backend))
            return TokenPlace("keyring")
    entries = _read_fallback()
    entries[key] = token
    _write_fallback(entries)
    log.info("saved the token for %s in %s (no usable keyring)", key, fallback_file_path())
    return TokenPlace("file", fallback_file_path())


def delete_token(backend_url: str) -> None:
    """Forget the token for this backend's origin everywhere it may be saved."""
    key = origin(backend_url)
    backend = _usable_keyring()
    if backend is not None:
        try:
            backend.delete_password(SERVICE, key)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was saved there
        except Exception as exc:
            log.warning("keyring %s failed to delete (%s)", _name(backend), type(exc).__name__)
    _remove_from_fallback(key)
    log.info("deleted the token for %s", key)


def _usable_keyring() -> keyring.backend.KeyringBackend | None:
    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        log.warning("no keyring available (%s)", type(exc).__name__)
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    return backend


def _name(backend: keyring.backend.KeyringBackend) -> str:
    return type(backend).__name__


def _read_fallback() -> dict[str, str]:
    path = fallback_file_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.warning("cannot read the credential file %s: %s", path, type(exc).__name__)
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        log.warning("credential file %s is damaged; ignoring it", path)
        return {}
    if not isinstance(data, dict):
        log.warning("credential file %s is damaged; ignoring it", path)
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _write_fallback(entries: dict[str, str]) -> None:
    """Replace the credential file atomically; it is 0600 from its first byte."""
    path = fallback_file_path()
    directory = path.parent
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix" and stat.S_IMODE(directory.stat().st_mode) != 0o700:
        os.chmod(directory, 0o700)
    tmp = directory / f".{path.name}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(entries, file, indent=2, sort_keys=True)
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _remove_from_fallback(key: str) -> None:
    entries = _read_fallback()
    if key not in entries:
        return
    del entries[key]
    if entries:
        _write_fallback(entries)
    else:
        fallback_file_path().unlink(missing_ok=True)
