"""Framecast's settings: environment over the saved settings file over defaults.

Two kinds of values live in `Settings`:

- saved fields (`backend_kind`, `custom_url`, `download_dir`, `language`), which
  the Settings dialog edits and `save_settings` writes to `settings.json` in the
  config dir (`app.store.paths.settings_file_path()`);
- environment-only fields, read from exactly these variables and never saved:
  `SUPERDUPERAI_URL` (`backend_url_override`), `SUPERDUPERAI_TOKEN` (`token`),
  `FRAMECAST_POLL_INTERVAL` (`poll_interval`), `FRAMECAST_SSE_IDLE_TIMEOUT`
  (`sse_idle_timeout`).

This module is the one reader of those variables (the folder variables,
`FRAMECAST_DATA_DIR` among them, are read by `app.store.paths` alone), and the
window and the command line load them through `app.startup`. Each variable has one rule:
the two interval variables must be finite numbers of seconds within
`INTERVAL_LIMITS`, the URL an http(s) URL without credentials
(`normalize_url`), the token loses a pasted `Bearer ` (`app.bearer`); a blank
value counts as unset.

The token is a `SecretStr` and is excluded from the file by construction: only
saved fields are ever written. The saved token lives in `app.store.credentials`.
A damaged settings file (unreadable, not UTF-8, not JSON) or a bad value in it
is logged and skipped, so the app still starts; `settings_file_problems()`
says what was skipped, as facts (`SettingsFileProblem`), for the window and
the command line to word. A bad environment value is a `SettingsError` naming
the variables (never their values); `load_settings_leniently()` uses the
defaults instead and returns the variables' names. Which of the two applies is
the caller's one error rule (`app.startup`).
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from app.bearer import normalise_token
from app.store import paths

log = logging.getLogger("framecast.store")

CLOUD_URL = "https://editor.superduperai.co"

BackendKind = Literal["local", "cloud", "custom"]
Language = Literal["system", "en", "ru"]

#: The fields written to and read from `settings.json`.
SAVED_FIELDS: frozenset[str] = frozenset(
    {
        "backend_kind",
        "custom_url",
        "download_dir",
        "language",
        "queue_limit_cloud",
        "queue_limit_local",
    }
)
#: How many jobs of one backend may be on their way at once (the rest wait
#: in the queue): the range the Settings dialog offers.
QUEUE_LIMITS = (1, 8)

URL_ENV = "SUPERDUPERAI_URL"
TOKEN_ENV = "SUPERDUPERAI_TOKEN"
POLL_INTERVAL_ENV = "FRAMECAST_POLL_INTERVAL"
SSE_IDLE_TIMEOUT_ENV = "FRAMECAST_SSE_IDLE_TIMEOUT"

#: Environment-only fields and the one variable each is read from.
ENV_VARIABLES: dict[str, str] = {
    "backend_url_override": URL_ENV,
    "token": TOKEN_ENV,
    "poll_interval": POLL_INTERVAL_ENV,
    "sse_idle_timeout": SSE_IDLE_TIMEOUT_ENV,
}

#: The accepted range (seconds) of each interval variable: below the floor a
#: job would poll or reconnect many times a second.
INTERVAL_LIMITS: dict[str, tuple[float, float]] = {
    POLL_INTERVAL_ENV: (0.1, 3600.0),
    SSE_IDLE_TIMEOUT_ENV: (0.5, 3600.0),
}


def check_interval(variable: str, value: float) -> float:
    """`value` if it lies in `variable`'s range, else ValueError with one
    sentence (that never repeats the value)."""
    low, high = INTERVAL_LIMITS[variable]
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"must be a number of seconds from {low:g} to {high:g}")
    return value


class SettingsError(ValueError):
    """The environment holds values Framecast cannot use: `variables` names
    them; `str()` says why, for the log (never quoting a value)."""

    def __init__(self, variables: tuple[str, ...], detail: str) -> None:
        super().__init__(detail)
        self.variables = variables


class SettingsFileTrouble(StrEnum):
    """What was wrong with the saved settings file."""

    NOT_TEXT = "not_text"  # not UTF-8 text: the defaults are used
    UNREADABLE = "unreadable"  # the system refused to read it (`reason`): the defaults are used
    DAMAGED = "damaged"  # not a JSON object: the defaults are used
    BAD_VALUE = "bad_value"  # one saved value (`name`) is unusable: it alone is ignored


@dataclass(frozen=True)
class SettingsFileProblem:
    """Something skipped in the settings file at `path`."""

    trouble: SettingsFileTrouble
    path: Path
    name: str | None = None  # the setting, for BAD_VALUE
    reason: str | None = None  # the system's own words, for UNREADABLE


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
    #: Jobs sent at once to the cloud (or a custom server) and to the built-in renderer.
    queue_limit_cloud: int = Field(default=2, ge=QUEUE_LIMITS[0], le=QUEUE_LIMITS[1])
    queue_limit_local: int = Field(default=1, ge=QUEUE_LIMITS[0], le=QUEUE_LIMITS[1])

    # Environment only.
    backend_url_override: str | None = None
    token: SecretStr | None = None
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
            return normalise_token(value)
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
        value = paths.environment_value(variable) if variable else None
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
            log.warning(
                "settings file %s: %s %s", problem.path, problem.trouble, problem.name or ""
            )
        return values


def read_settings_file(
    settings_cls: type[BaseSettings], path: Path
) -> tuple[dict[str, Any], list[SettingsFileProblem]]:
    """The usable saved values in `path`, and what was skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except UnicodeDecodeError:
        return {}, [SettingsFileProblem(SettingsFileTrouble.NOT_TEXT, path)]
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        return {}, [SettingsFileProblem(SettingsFileTrouble.UNREADABLE, path, reason=why)]
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        raw = None
    if not isinstance(raw, dict):
        return {}, [SettingsFileProblem(SettingsFileTrouble.DAMAGED, path)]
    values: dict[str, Any] = {}
    problems: list[SettingsFileProblem] = []
    # Validate each value alone (field validators included) so one bad value
    # costs only itself, not the whole file.
    scratch = settings_cls.model_construct()
    for name in sorted(SAVED_FIELDS & raw.keys()):
        try:
            settings_cls.__pydantic_validator__.validate_assignment(scratch, name, raw[name])
        except ValidationError:
            problems.append(SettingsFileProblem(SettingsFileTrouble.BAD_VALUE, path, name=name))
            continue
        values[name] = raw[name]
    return values, problems


def settings_file_problems() -> list[SettingsFileProblem]:
    """What `load_settings` skipped in the saved settings file."""
    return read_settings_file(Settings, paths.settings_file_path())[1]


def load_settings() -> Settings:
    """Settings from the environment, the saved file and defaults.

    Raises SettingsError when environment variables hold unusable values."""
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError(_bad_variables(exc), _describe(exc)) from None


def load_settings_leniently() -> tuple[Settings, list[str]]:
    """Like `load_settings`, but unusable environment values are replaced by
    their defaults: returns the settings and the variables that were replaced."""
    try:
        return Settings(), []
    except ValidationError as exc:
        log.warning("%s; using the defaults instead", _describe(exc))
        bad = _bad_fields(exc)
    defaults = {name: Settings.model_fields[name].default for name in bad}
    return Settings(**defaults), [ENV_VARIABLES[name] for name in sorted(bad)]


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


def _bad_fields(exc: ValidationError) -> set[str]:
    """The environment-only fields whose values were refused."""
    return {str(e["loc"][0]) for e in exc.errors(include_input=False) if e["loc"]} & set(
        ENV_VARIABLES
    )


def _bad_variables(exc: ValidationError) -> tuple[str, ...]:
    return tuple(ENV_VARIABLES[name] for name in sorted(_bad_fields(exc)))


def _describe(exc: ValidationError) -> str:
    """Name each bad variable and why, for the log, without quoting any value
    (it may be the token)."""
    problems = []
    for error in exc.errors(include_input=False, include_url=False):
        field = str(error["loc"][0]) if error["loc"] else "settings"
        where = ENV_VARIABLES.get(field, field)
        message = str(error["msg"]).removeprefix("Value error, ")
        problems.append(f"{where}: {message}")
    return "invalid setting: " + "; ".join(problems)
