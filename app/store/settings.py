"""Framecast's settings: environment over the saved settings file over defaults.

Two kinds of values live in `Settings`:

- saved fields (`backend_kind`, `custom_url`, `download_dir`, `language`), which
  the Settings dialog edits and `save_settings` writes to `settings.json` in the
  config dir (`app.store.paths.settings_file_path()`);
- environment-only fields, read from exactly these variables and never saved:
  `SUPERDUPERAI_URL` (`backend_url_override`), `SUPERDUPERAI_TOKEN` (`token`),
  `FRAMECAST_DATA_DIR` (`data_dir`), `FRAMECAST_POLL_INTERVAL` (`poll_interval`),
  `FRAMECAST_SSE_IDLE_TIMEOUT` (`sse_idle_timeout`).

The token is a `SecretStr` and is excluded from the file by construction: only
saved fields are ever written. The saved token lives in `app.store.credentials`.
A damaged settings file (unreadable, not UTF-8, not JSON) or a bad value in it
is logged and skipped, so the app still starts; `settings_file_problems()`
says what was skipped, for the window and the command line to tell the user.
A bad environment value is a `SettingsError` naming the variable (the command
line exits 2 with it); `load_settings_leniently()` uses the default instead and
returns the problem (the window shows it). The two interval variables must be
finite numbers of seconds within `INTERVAL_LIMITS`.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from app.store import paths

log = logging.getLogger("framecast.store")

CLOUD_URL = "https://editor.superduperai.co"

BackendKind = Literal["local", "cloud", "custom"]
Language = Literal["system", "en", "ru"]

#: The fields written to and read from `settings.json`.
SAVED_FIELDS: frozenset[str] = frozenset({"backend_kind", "custom_url", "download_dir", "language"})

#: Environment-only fields and the one variable each is read from.
ENV_VARIABLES: dict[str, str] = {
    "backend_url_override": "SUPERDUPERAI_URL",
    "token": "SUPERDUPERAI_TOKEN",
    "data_dir": paths.DATA_DIR_ENV,
    "poll_interval": "FRAMECAST_POLL_INTERVAL",
    "sse_idle_timeout": "FRAMECAST_SSE_IDLE_TIMEOUT",
}

_BEARER_PREFIX = re.compile(r"^\s*bearer\s+", re.IGNORECASE)

#: The accepted range (seconds) of each interval variable: below the floor a
#: job would poll or reconnect many times a second.
INTERVAL_LIMITS: dict[str, tuple[float, float]] = {
    "FRAMECAST_POLL_INTERVAL": (0.1, 3600.0),
    "FRAMECAST_SSE_IDLE_TIMEOUT": (0.5, 3600.0),
}


def check_interval(variable: str, value: float) -> float:
    """`value` if it lies in `variable`'s range, else ValueError with one
    sentence (that never repeats the value)."""
    low, high = INTERVAL_LIMITS[variable]
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"must be a number of seconds from {low:g} to {high:g}")
    return value


class SettingsError(ValueError):
    """The environment holds a value Framecast cannot use (never quotes the value)."""


def normalize_token(token: str) -> str:
    """Strip whitespace and a leading `Bearer ` that a user pasted with the token."""
    return _BEARER_PREFIX.sub("", token).strip()


def has_credentials(url: str) -> bool:
    """True when the URL carries a user name or password (`user:pass@host`)."""
    parts = urlsplit(url.strip())
    return parts.username is not None or parts.password is not None


def normalize_url(url: str) -> str:
    """A backend base URL without surrounding spaces or trailing slashes.

    Raises ValueError unless it is an absolute http(s) URL without a user
    name or password in it (those would end up in logs and the history; the
    token has its own setting). The message never repeats the URL.
    """
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an http:// or https:// URL, like https://example.com")
    if has_credentials(url):
        raise ValueError(
            "must not contain a user name or password: give your API token "
            "in the token field, with --token or in SUPERDUPERAI_TOKEN instead"
        )
    return url


class Settings(BaseSettings):
    """All of Framecast's settings, resolved from their sources."""

    # hide_input_in_errors: a rejected value (a URL with a password, a token)
    # never appears in a validation error's text.
    model_config = SettingsConfigDict(
        extra="ignore", validate_assignment=True, hide_input_in_errors=True
    )

    # Saved in settings.json.
    backend_kind: BackendKind = "local"
    custom_url: str | None = None
    download_dir: Path | None = None
    language: Language = "system"

    # Environment only.
    backend_url_override: str | None = None
    token: SecretStr | None = None
    data_dir: Path | None = None
    poll_interval: float = 5.0
    sse_idle_timeout: float = 45.0

    @field_validator("poll_interval", "sse_idle_timeout")
    @classmethod
    def _check_interval(cls, value: float, info: ValidationInfo) -> float:
        assert info.field_name is not None
        return check_interval(ENV_VARIABLES[info.field_name], value)

    @field_validator("custom_url", "backend_url_override", mode="before")
    @classmethod
    def _check_url(cls, value: object) -> object:
        if isinstance(value, str):
            return normalize_url(value) if value.strip() else None
        return value

    @field_validator("token", mode="before")
    @classmethod
    def _strip_bearer(cls, value: object) -> object:
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if isinstance(value, str):
            return normalize_token(value) or None
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Earlier sources win: explicit arguments, then the environment, then the file.
        return (
            init_settings,
            _NamedEnvironmentSource(settings_cls),
            _SavedSettingsFileSource(settings_cls, paths.settings_file_path()),
        )

    def effective_backend_url(self) -> str | None:
        """The backend to talk to; None means "use the built-in local renderer".

        `SUPERDUPERAI_URL` wins over the saved choice. A "custom" choice without
        a URL falls back to the local renderer.
        """
        if self.backend_url_override:
            return self.backend_url_override
        if self.backend_kind == "cloud":
            return CLOUD_URL
        if self.backend_kind == "custom":
            return self.custom_url
        return None

    def effective_download_dir(self) -> Path:
        """The folder for finished videos: the user's choice or `paths.videos_dir()`.

        Created if possible; a folder that can't be created is still returned
        (each download then fails with a clear reason instead of start-up)."""
        folder = self.download_dir
        try:
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
                return folder
            return paths.videos_dir()
        except OSError as exc:
            log.warning("cannot create the videos folder: %s", exc.strerror or exc)
            return folder if folder is not None else paths.data_dir_path() / "videos"

    def saved_values(self) -> dict[str, Any]:
        """The JSON-ready values `save_settings` writes (never the token)."""
        return self.model_dump(mode="json", include=set(SAVED_FIELDS))


class _NamedEnvironmentSource(EnvSettingsSource):
    """Reads each environment-only field from its one variable, and nothing else.

    pydantic-settings would otherwise map every field to a variable of its
    name, and `language` would pick up the unrelated POSIX `LANGUAGE`.
    """

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        variable = ENV_VARIABLES.get(field_name)
        value = os.environ.get(variable) if variable else None
        if value is not None and not value.strip():
            value = None
        return value, field_name, False


class _SavedSettingsFileSource(PydanticBaseSettingsSource):
    """Reads the saved fields from `settings.json`, skipping whatever is unusable."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path) -> None:
        super().__init__(settings_cls)
        self.path = path

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # everything happens in __call__

    def __call__(self) -> dict[str, Any]:
        values, problems = read_settings_file(self.settings_cls, self.path)
        for problem in problems:
            log.warning("%s", problem)
        return values


def read_settings_file(
    settings_cls: type[BaseSettings], path: Path
) -> tuple[dict[str, Any], list[str]]:
    """The usable saved values in `path`, and one sentence per thing skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except UnicodeDecodeError:
        return {}, [f"The settings file {path} is not UTF-8 text; using the default settings."]
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        return {}, [f"The settings file {path} can't be read ({why}); using the default settings."]
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        return {}, [f"The settings file {path} is damaged; using the default settings."]
    if not isinstance(raw, dict):
        return {}, [f"The settings file {path} is damaged; using the default settings."]
    values: dict[str, Any] = {}
    problems: list[str] = []
    # Validate each value alone (field validators included) so one bad value
    # costs only itself, not the whole file.
    scratch = settings_cls.model_construct()
    for name in sorted(SAVED_FIELDS & raw.keys()):
        try:
            settings_cls.__pydantic_validator__.validate_assignment(scratch, name, raw[name])
        except ValidationError:
            problems.append(f"The settings file {path} has a bad value for {name}; ignoring it.")
            continue
        values[name] = raw[name]
    return values, problems


def settings_file_problems() -> list[str]:
    """What `load_settings` skipped in the saved settings file, one sentence each."""
    return read_settings_file(Settings, paths.settings_file_path())[1]


def load_settings() -> Settings:
    """Settings from the environment, the saved file and defaults.

    Raises SettingsError when an environment variable holds an unusable value.
    """
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError(_describe(exc)) from None


def load_settings_leniently() -> tuple[Settings, list[str]]:
    """Like `load_settings`, but an unusable environment variable is replaced by
    its default and reported (one sentence each) instead of raised."""
    try:
        return Settings(), []
    except ValidationError as exc:
        problems = [_describe(exc) + "; using the default instead"]
        bad = {str(e["loc"][0]) for e in exc.errors(include_input=False) if e["loc"]}
    defaults = {name: Settings.model_fields[name].default for name in bad & ENV_VARIABLES.keys()}
    try:
        return Settings(**defaults), problems
    except ValidationError as exc:  # pragma: no cover - defaults are valid
        raise SettingsError(_describe(exc)) from None


def save_settings(settings: Settings) -> Path:
    """Write the saved fields atomically (temp file + os.replace); return the path."""
    path = paths.settings_file_path()
    text = json.dumps(settings.saved_values(), indent=2, sort_keys=True) + "\n"
    fd, tmp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as tmp:
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    log.info("saved settings to %s", path)
    return path


def _describe(exc: ValidationError) -> str:
    """Name each bad variable and why, without quoting any value (it may be the token)."""
    problems = []
    for error in exc.errors(include_input=False, include_url=False):
        field = str(error["loc"][0]) if error["loc"] else "settings"
        where = ENV_VARIABLES.get(field, field)
        message = str(error["msg"])
        if message.startswith("Value error, "):  # our own sentence: "X must be ..."
            problems.append(f"{where} {message.removeprefix('Value error, ')}")
        else:
            problems.append(f"{where}: {message}")
    return "invalid setting: " + "; ".join(problems)
