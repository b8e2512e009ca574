from __future__ import annotations

from pathlib import Path

import pytest

from app.store import paths


def test_locations_follow_the_environment(isolated_dirs: dict[str, Path]) -> None:
    assert paths.config_dir() == isolated_dirs["config"]
    assert paths.data_dir() == isolated_dirs["data"]
    assert paths.videos_dir() == isolated_dirs["data"] / "videos"
    assert paths.log_dir() == isolated_dirs["log"]
    assert paths.history_db_path() == isolated_dirs["data"] / "history.sqlite3"
    assert paths.settings_file_path() == isolated_dirs["config"] / "settings.json"
    for d in ("config", "data", "log"):
        assert isolated_dirs[d].is_dir()  # created on demand
    assert (isolated_dirs["data"] / "videos").is_dir()


def test_logs_stay_in_an_isolated_data_dir(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FRAMECAST_LOG_DIR")
    assert paths.log_dir() == isolated_dirs["data"] / "logs"


def test_platform_defaults_when_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FRAMECAST_CONFIG_DIR", "FRAMECAST_DATA_DIR", "FRAMECAST_LOG_DIR"):
        monkeypatch.delenv(name)
    # Point the platform's own variables at tmp so nothing lands in the real home.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    if not paths.config_dir().is_relative_to(tmp_path):
        pytest.skip("this platform's directories do not follow XDG variables")
    assert paths.config_dir() == tmp_path / "xdg-config" / "Framecast"
    assert paths.data_dir() == tmp_path / "xdg-data" / "Framecast"
    assert paths.log_dir().is_relative_to(tmp_path / "xdg-state" / "Framecast")


def test_framecast_folders_are_private(isolated_dirs: dict[str, Path]) -> None:
    isolated_dirs["data"].mkdir(mode=0o755)  # made by someone else, open to all
    for folder in (paths.data_dir(), paths.videos_dir(), paths.config_dir(), paths.log_dir()):
        assert folder.stat().st_mode & 0o777 == 0o700, folder


def test_a_data_folder_that_cannot_be_written_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.support.hostile import read_only_folder

    with read_only_folder(tmp_path / "ro") as folder:
        monkeypatch.setenv("FRAMECAST_DATA_DIR", str(folder / "data"))
        with pytest.raises(paths.DataFolderError) as caught:
            paths.check_writable(paths.data_dir_path())
        assert caught.value.path == folder / "data"
        assert caught.value.reason  # the system's own words, for the wording to show
        monkeypatch.setenv("FRAMECAST_DATA_DIR", str(folder))
        with pytest.raises(paths.DataFolderError) as again:
            paths.check_writable(paths.data_dir_path())
        assert again.value.path == folder


def test_the_built_in_renderer_keeps_its_files_in_the_data_folder(
    isolated_dirs: dict[str, Path],
) -> None:
    assert paths.local_renderer_dir() == isolated_dirs["data"] / "local-renderer"
    assert not paths.local_renderer_dir().exists()  # found, not made
