from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.store import paths
from app.store.settings import (
    CLOUD_URL,
    Settings,
    SettingsError,
    SettingsFileProblem,
    SettingsFileTrouble,
    load_settings,
    load_settings_leniently,
    normalize_url,
    save_settings,
    settings_file_problems,
)

TOKEN = "sk-test-5f0c1d2e3a4b"


def write_settings_file(values: object) -> Path:
    path = paths.settings_file_path()
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def test_defaults_without_file_or_environment(isolated_dirs: dict[str, Path]) -> None:
    settings = load_settings()
    assert settings.backend_kind == "local"
    assert settings.custom_url is None
    assert settings.language == "system"
    assert settings.token is None
    assert settings.poll_interval == 5.0
    assert settings.sse_idle_timeout == 45.0
    assert settings.effective_backend_url() is None  # the built-in renderer
    assert settings.effective_download_dir() == isolated_dirs["data"] / "videos"


def test_file_overrides_defaults() -> None:
    write_settings_file(
        {"backend_kind": "custom", "custom_url": "https://gen.example.com/", "language": "ru"}
    )
    settings = load_settings()
    assert settings.backend_kind == "custom"
    assert settings.language == "ru"
    assert settings.effective_backend_url() == "https://gen.example.com"


def test_environment_overrides_file(monkeypatch: pytest.MonkeyPatch) -> None:
    write_settings_file({"backend_kind": "cloud"})
    assert load_settings().effective_backend_url() == CLOUD_URL
    monkeypatch.setenv("SUPERDUPERAI_URL", "http://127.0.0.1:8123/")
    monkeypatch.setenv("FRAMECAST_POLL_INTERVAL", "0.25")
    monkeypatch.setenv("FRAMECAST_SSE_IDLE_TIMEOUT", "3")
    settings = load_settings()
    assert settings.effective_backend_url() == "http://127.0.0.1:8123"
    assert settings.backend_kind == "cloud"  # the saved choice is still there to edit
    assert settings.poll_interval == 0.25
    assert settings.sse_idle_timeout == 3.0


def test_only_the_named_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")  # POSIX locale variable, not ours
    monkeypatch.setenv("BACKEND_KIND", "cloud")
    monkeypatch.setenv("TOKEN", TOKEN)
    settings = load_settings()
    assert settings.language == "system"
    assert settings.backend_kind == "local"
    assert settings.token is None


def test_damaged_file_is_ignored() -> None:
    paths.settings_file_path().write_text("{not json", encoding="utf-8")
    assert load_settings().backend_kind == "local"
    write_settings_file(["a", "list"])
    assert load_settings().backend_kind == "local"


def test_a_bad_value_costs_only_itself() -> None:
    write_settings_file({"backend_kind": "cloud", "language": "klingon", "custom_url": "ftp://x"})
    settings = load_settings()
    assert settings.backend_kind == "cloud"
    assert settings.language == "system"
    assert settings.custom_url is None


def test_file_cannot_supply_the_token_or_environment_fields() -> None:
    write_settings_file({"token": TOKEN, "poll_interval": 0.01, "backend_url_override": "http://x"})
    settings = load_settings()
    assert settings.token is None
    assert settings.poll_interval == 5.0
    assert settings.effective_backend_url() is None


def test_token_from_environment_is_secret_and_bearer_stripped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUPERDUPERAI_TOKEN", f"  Bearer {TOKEN} ")
    settings = load_settings()
    assert settings.token is not None
    assert settings.token.get_secret_value() == TOKEN
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings)
    assert TOKEN not in settings.model_dump_json()


def test_save_writes_only_saved_fields_atomically(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPERDUPERAI_TOKEN", TOKEN)
    monkeypatch.setenv("SUPERDUPERAI_URL", "http://127.0.0.1:9")
    settings = load_settings()
    settings.backend_kind = "custom"
    settings.custom_url = "https://gen.example.com"
    settings.language = "en"
    path = save_settings(settings)

    text = path.read_text(encoding="utf-8")
    assert TOKEN not in text
    assert "127.0.0.1" not in text  # environment values are not persisted
    assert json.loads(text) == {
        "backend_kind": "custom",
        "custom_url": "https://gen.example.com",
        "download_dir": None,
        "language": "en",
        "queue_limit_cloud": 2,
        "queue_limit_local": 1,
    }
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp files left

    monkeypatch.delenv("SUPERDUPERAI_URL")
    assert load_settings().effective_backend_url() == "https://gen.example.com"


def test_save_token_given_directly_is_not_written() -> None:
    settings = Settings(token=f"Bearer {TOKEN}")
    assert settings.token is not None and settings.token.get_secret_value() == TOKEN
    text = save_settings(settings).read_text(encoding="utf-8")
    assert TOKEN not in text
    assert "token" not in text


def test_download_dir_round_trip(tmp_path: Path) -> None:
    chosen = tmp_path / "My Videos"
    settings = load_settings()
    settings.download_dir = chosen
    save_settings(settings)
    loaded = load_settings()
    assert loaded.download_dir == chosen
    assert loaded.effective_download_dir() == chosen
    assert chosen.is_dir()


def test_bad_environment_value_names_the_variable_not_the_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FRAMECAST_POLL_INTERVAL", "-1")
    with pytest.raises(SettingsError, match="FRAMECAST_POLL_INTERVAL") as interval:
        load_settings()
    assert interval.value.variables == ("FRAMECAST_POLL_INTERVAL",)
    monkeypatch.setenv("FRAMECAST_POLL_INTERVAL", "1")
    monkeypatch.setenv("SUPERDUPERAI_URL", f"not-a-url-{TOKEN}")
    with pytest.raises(SettingsError, match="SUPERDUPERAI_URL") as caught:
        load_settings()
    assert caught.value.variables == ("SUPERDUPERAI_URL",)
    assert TOKEN not in str(caught.value)


def test_assignment_is_validated() -> None:
    settings = load_settings()
    with pytest.raises(ValidationError):
        settings.custom_url = "gen.example.com"
    with pytest.raises(ValidationError):
        settings.backend_kind = "elsewhere"  # type: ignore[assignment]
    settings.custom_url = " https://gen.example.com// "
    assert settings.custom_url == "https://gen.example.com"


def test_custom_without_url_falls_back_to_local() -> None:
    write_settings_file({"backend_kind": "custom"})
    assert load_settings().effective_backend_url() is None


@pytest.mark.parametrize(
    "url",
    [
        "http://user:hunter2@example.com",
        "https://:hunter2@example.com",
        "https://user@example.com/api",
    ],
)
def test_backend_url_with_credentials_is_refused_without_repeating_them(url: str) -> None:
    with pytest.raises(ValueError, match="user name or password") as caught:
        normalize_url(url)
    assert "hunter2" not in str(caught.value) and "user@" not in str(caught.value)
    with pytest.raises(ValidationError) as invalid:
        Settings(custom_url=url)
    assert "hunter2" not in str(invalid.value)


def test_backend_url_keeps_port_and_path_and_drops_trailing_slash() -> None:
    assert normalize_url("  https://example.com:8443/api/ ") == "https://example.com:8443/api"


# --------------------------------------------------------------------------- damaged local state


def test_a_settings_file_that_is_not_utf8_gives_the_defaults_and_says_so() -> None:
    path = paths.settings_file_path()
    path.write_bytes(b'{"backend_kind": "cloud", "language": "\xff\xfe"}')
    settings = load_settings()
    assert settings.backend_kind == "local"
    assert settings_file_problems() == [SettingsFileProblem(SettingsFileTrouble.NOT_TEXT, path)]


@pytest.mark.parametrize("raw", ["1e-9", "0", "nan", "-inf", "86400"])
def test_interval_variables_outside_their_range_are_refused_or_replaced(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("FRAMECAST_POLL_INTERVAL", raw)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert "FRAMECAST_POLL_INTERVAL: must be a number of seconds from 0.1 to 3600" in str(
        caught.value
    )
    settings, replaced = load_settings_leniently()
    assert settings.poll_interval == 5.0
    assert replaced == ["FRAMECAST_POLL_INTERVAL"]


def test_a_bad_saved_value_costs_only_itself_and_is_named() -> None:
    path = write_settings_file({"backend_kind": "elsewhere", "language": "ru"})
    settings = load_settings()
    assert (settings.backend_kind, settings.language) == ("local", "ru")
    assert settings_file_problems() == [
        SettingsFileProblem(SettingsFileTrouble.BAD_VALUE, path, name="backend_kind")
    ]


def test_a_settings_file_that_is_not_an_object_is_damaged() -> None:
    path = write_settings_file(["cloud"])
    assert load_settings().backend_kind == "local"
    assert settings_file_problems() == [SettingsFileProblem(SettingsFileTrouble.DAMAGED, path)]


def test_a_blank_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAMECAST_POLL_INTERVAL", "   ")
    monkeypatch.setenv("SUPERDUPERAI_URL", "")
    settings = load_settings()
    assert settings.poll_interval == 5.0 and settings.backend_url_override is None
