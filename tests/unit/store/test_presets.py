"""The presets file: save, overwrite only when asked, rename, delete, a file
written atomically and private, and a damaged file moved aside losing nothing."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from app.store.presets import (
    MAX_NAME,
    BadPresetName,
    FormSettings,
    PresetExists,
    PresetNotFound,
    PresetStore,
    default_path,
)

FULL = FormSettings(
    model="local/quick-t2v",
    style="neon",
    duration=3,
    frame="854x480",
    new_seed=False,
    seed=12345678901234,
    takes=3,
    shot_size="close_up",
    frame_rate=24,
    negative_prompt="no text, no people",
)


def reopen(store: PresetStore) -> PresetStore:
    again = PresetStore(store.path)
    assert again.load().moved_to is None
    return again


def test_a_preset_keeps_every_setting_across_a_reload(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json")
    assert store.load().presets == ()  # no file yet: no presets, nothing moved
    store.save("Night city", FULL)
    store.save("Plain", FormSettings())
    again = reopen(store)
    assert [p.name for p in again.presets()] == ["Night city", "Plain"]
    assert again.get("night CITY").settings == FULL
    assert again.get("Plain").settings == FormSettings()


def test_the_file_is_private_and_written_whole(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json")
    store.save("A", FULL)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["presets"][0]["name"] == "A"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["presets.json"]  # no temp file left


def test_a_taken_name_is_only_overwritten_when_asked(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json")
    store.save("Dusk", FULL)
    store.save("Other", FormSettings())
    with pytest.raises(PresetExists) as taken:
        store.save("  dusk ", FormSettings(model="x"))
    assert taken.value.name == "Dusk"
    assert reopen(store).get("Dusk").settings == FULL
    store.save("dusk", FormSettings(model="x"), overwrite=True)
    again = reopen(store)
    assert [p.name for p in again.presets()] == ["dusk", "Other"]  # same place in the list
    assert again.get("Dusk").settings == FormSettings(model="x")


def test_rename_and_delete(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json")
    store.save("One", FULL)
    store.save("Two", FormSettings())
    with pytest.raises(PresetExists):
        store.rename("One", "two")
    store.rename("One", "ONE")  # its own name in other letters is fine
    store.rename("ONE", "First")
    store.delete("Two")
    with pytest.raises(PresetNotFound):
        store.delete("Two")
    again = reopen(store)
    assert [(p.name, p.settings) for p in again.presets()] == [("First", FULL)]


@pytest.mark.parametrize("name", ["", "   ", "x" * (MAX_NAME + 1)])
def test_empty_or_long_names_are_refused(tmp_path: Path, name: str) -> None:
    store = PresetStore(tmp_path / "presets.json")
    with pytest.raises(BadPresetName):
        store.save(name, FULL)
    assert not store.path.exists()


def test_names_are_tidied(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json")
    assert store.save("  Slow   pans ", FULL).name == "Slow pans"


@pytest.mark.parametrize(
    "text",
    ["{not json", "[]", '{"presets": 3, "version": 1}', '{"presets": []}', "\udcff"],
)
def test_a_damaged_file_is_moved_aside_and_nothing_else_is_touched(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "presets.json"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    other = tmp_path / "settings.json"
    other.write_text("{}", encoding="utf-8")
    store = PresetStore(path)
    loaded = store.load()
    assert loaded.presets == () and loaded.moved_to is not None
    assert loaded.moved_to.read_bytes() == text.encode("utf-8", "surrogateescape")  # kept whole
    assert loaded.moved_to.name.startswith("presets-damaged-")
    assert not path.exists() and other.read_text(encoding="utf-8") == "{}"
    store.save("New", FULL)  # and saving works again
    assert reopen(store).get("New").settings == FULL


def test_unreadable_entries_cost_only_themselves(tmp_path: Path) -> None:
    path = tmp_path / "presets.json"
    good = {"name": "Good", "settings": FULL.to_json()}
    newer = {"name": "Newer", "settings": {"model": "m", "loudness": 11}}  # unknown: ignored
    entries = [
        good,
        {"name": "Bad seed", "settings": {"seed": "twelve"}},
        {"settings": {}},
        {"name": "good", "settings": {}},  # a second "Good"
        newer,
    ]
    path.write_text(json.dumps({"version": 1, "presets": entries}), encoding="utf-8")
    loaded = PresetStore(path).load()
    assert [p.name for p in loaded.presets] == ["Good", "Newer"]
    assert loaded.unreadable == 3 and loaded.moved_to is not None
    assert json.loads(loaded.moved_to.read_text(encoding="utf-8"))["presets"] == entries
    assert [p.name for p in reopen(PresetStore(path)).presets()] == ["Good", "Newer"]


def test_a_failed_write_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = PresetStore(tmp_path / "presets.json")
    store.save("Kept", FULL)

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        store.save("Lost", FormSettings())
    with pytest.raises(OSError):
        store.delete("Kept")
    monkeypatch.undo()
    assert [p.name for p in store.presets()] == ["Kept"]
    assert [p.name for p in reopen(store).presets()] == ["Kept"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["presets.json"]  # no temp file left


def test_the_default_file_is_in_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAMECAST_CONFIG_DIR", str(tmp_path / "cfg"))
    assert default_path() == (tmp_path / "cfg" / "presets.json").absolute()
