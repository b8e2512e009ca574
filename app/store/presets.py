"""Named presets of the prompt form's settings, kept in `presets.json`.

A preset is a name and a `FormSettings`: every choice of the form except the
prompt (model, style, duration, frame, seed mode and seed, takes, shot size,
frame rate, negative prompt). The prompt is what a creator writes each time;
a preset is how they like it made, so applying one never touches the words
being written (earlier prompts come back through the prompt box's recall).

`PresetStore` keeps the list in memory and writes the whole file after every
change, atomically (a temporary file, fsync, `os.replace`) and private to the
user (0600 from its first byte). Loading a file that is not a preset list
moves it aside under a name with the time (`move_aside`, as the history
does) and starts empty; a file with some unreadable entries keeps the
readable ones, and the original is moved aside too, so nothing is lost.
`PresetsLoad.moved_to` says where it went. Names are trimmed, compared
without regard to case, and must not be empty or longer than `MAX_NAME`.
The store's methods block on disk: the window calls them off the GUI thread.
No Qt here.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.store import paths
from app.store.history import move_aside

log = logging.getLogger("framecast.store")

FILE_NAME = "presets.json"
FILE_MODE = 0o600
FORMAT_VERSION = 1
MAX_NAME = 60


@dataclass(frozen=True)
class FormSettings:
    """Every setting of the prompt form but the prompt. None: not set (the
    form keeps its own choice, or its default)."""

    model: str | None = None
    style: str | None = None  # None: no style
    duration: int | None = None
    frame: str | None = None  # "1280x720"
    new_seed: bool = True  # a new seed for each Generate
    seed: int | None = None  # the seed kept when `new_seed` is off
    takes: int | None = None
    shot_size: str | None = None  # None: any shot
    frame_rate: int | None = None
    negative_prompt: str = ""

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> FormSettings:
        """Settings from the file; `PresetFileError` when a known field holds a
        value of the wrong kind. Fields this version does not know are ignored."""
        if not isinstance(data, dict):
            raise PresetFileError("settings are not an object")
        values: dict[str, object] = {}
        for spec in fields(cls):
            if spec.name not in data:
                continue
            value = data[spec.name]
            if not _fits(spec.name, value):
                raise PresetFileError(f"{spec.name} has a value of the wrong kind")
            values[spec.name] = value
        return cls(**values)  # type: ignore[arg-type]


_TEXT = {"model", "style", "frame", "shot_size"}
_WHOLE = {"duration", "seed", "takes", "frame_rate"}


def _fits(name: str, value: object) -> bool:
    if name == "new_seed":
        return isinstance(value, bool)
    if name == "negative_prompt":
        return isinstance(value, str)
    if value is None:
        return True
    if name in _TEXT:
        return isinstance(value, str)
    if name in _WHOLE:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return False


@dataclass(frozen=True)
class Preset:
    name: str
    settings: FormSettings


@dataclass(frozen=True)
class PresetsLoad:
    """What loading found: the presets, and where a damaged file was moved
    (None when the file was fine or missing)."""

    presets: tuple[Preset, ...]
    moved_to: Path | None = None
    unreadable: int = 0  # entries left out (they are in the moved file)


class PresetError(Exception):
    """A preset operation that cannot be done as asked."""


class PresetFileError(PresetError):
    """The presets file, or one entry of it, is not what this version writes."""


class BadPresetName(PresetError):
    """The name is empty or longer than `MAX_NAME`."""


class PresetExists(PresetError):
    """Another preset has this name (saving asks before it overwrites)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"a preset named {name!r} exists")


class PresetNotFound(PresetError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"no preset named {name!r}")


def default_path() -> Path:
    """`presets.json` in the config folder."""
    return paths.config_dir() / FILE_NAME


def clean_name(name: str) -> str:
    """The name as kept: trimmed, inner runs of spaces made one; BadPresetName
    when nothing is left or it is too long."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > MAX_NAME:
        raise BadPresetName(name)
    return cleaned


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


class PresetStore:
    """The presets of one file, in the order they were made. Thread-safe."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._presets: list[Preset] = []

    @property
    def path(self) -> Path:
        """The file (the config folder's unless given; found when first needed)."""
        if self._path is None:
            self._path = default_path()
        return self._path

    # ------------------------------------------------------------------ reading

    def load(self) -> PresetsLoad:
        """Read the file (none yet: no presets). A damaged file is moved aside."""
        with self._lock:
            try:
                text = self.path.read_text(encoding="utf-8")
            except FileNotFoundError:
                self._presets = []
                return PresetsLoad(())
            except (OSError, UnicodeDecodeError) as exc:
                log.warning("presets file %s can't be read: %r", self.path, exc)
                return self._set_aside([], 0)
            try:
                entries = _entries(json.loads(text))
            except (ValueError, RecursionError, PresetFileError) as exc:
                log.warning("presets file %s is damaged (%s)", self.path, exc)
                return self._set_aside([], 0)
            presets, bad = _read_entries(entries)
            if bad:
                log.warning("presets file %s: %d unreadable preset(s)", self.path, bad)
                return self._set_aside(presets, bad)
            self._presets = presets
            return PresetsLoad(tuple(presets))

    def _set_aside(self, kept: list[Preset], bad: int) -> PresetsLoad:
        """Move the damaged file aside (kept whole) and write what was readable."""
        moved = move_aside(self.path)
        self._presets = kept
        if kept:
            self._write()
        return PresetsLoad(tuple(kept), moved, bad)

    def presets(self) -> tuple[Preset, ...]:
        with self._lock:
            return tuple(self._presets)

    def get(self, name: str) -> Preset:
        with self._lock:
            return self._presets[self._index(name)]

    # ------------------------------------------------------------------ changing

    def save(self, name: str, settings: FormSettings, *, overwrite: bool = False) -> Preset:
        """Keep `settings` under `name`. A name in use raises PresetExists
        unless `overwrite` (the preset then keeps its place in the list)."""
        preset = Preset(clean_name(name), settings)
        with self._lock:
            index = self._find(preset.name)
            if index is not None and not overwrite:
                raise PresetExists(self._presets[index].name)
            previous = list(self._presets)
            if index is None:
                self._presets.append(preset)
            else:
                self._presets[index] = preset
            self._write_or_undo(previous)
        return preset

    def rename(self, old: str, new: str) -> Preset:
        """Give a preset a new name (PresetExists when another has it)."""
        cleaned = clean_name(new)
        with self._lock:
            index = self._index(old)
            other = self._find(cleaned)
            if other is not None and other != index:
                raise PresetExists(self._presets[other].name)
            previous = list(self._presets)
            renamed = Preset(cleaned, self._presets[index].settings)
            self._presets[index] = renamed
            self._write_or_undo(previous)
        return renamed

    def delete(self, name: str) -> None:
        with self._lock:
            index = self._index(name)
            previous = list(self._presets)
            del self._presets[index]
            self._write_or_undo(previous)

    # ------------------------------------------------------------------ inside

    def _find(self, name: str) -> int | None:
        return next((i for i, p in enumerate(self._presets) if _same(p.name, name)), None)

    def _index(self, name: str) -> int:
        index = self._find(name)
        if index is None:
            raise PresetNotFound(name)
        return index

    def _write_or_undo(self, previous: list[Preset]) -> None:
        """Write the file; if that fails, the list is as it was (and the error raised)."""
        try:
            self._write()
        except OSError:
            self._presets = previous
            raise

    def _write(self) -> None:
        """Replace the file atomically; it is 0600 from its first byte."""
        data = {
            "version": FORMAT_VERSION,
            "presets": [{"name": p.name, "settings": p.settings.to_json()} for p in self._presets],
        }
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def _entries(data: object) -> list[object]:
    if not isinstance(data, dict) or not isinstance(data.get("presets"), list):
        raise PresetFileError("not a list of presets")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise PresetFileError("no format version")
    entries: list[object] = data["presets"]
    return entries


def _read_entries(entries: list[object]) -> tuple[list[Preset], int]:
    """The readable presets (a repeated name: the first wins) and how many were not."""
    presets: list[Preset] = []
    bad = 0
    for entry in entries:
        try:
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise PresetFileError("a preset without a name")
            preset = Preset(
                clean_name(entry["name"]), FormSettings.from_json(entry.get("settings"))
            )
        except PresetError:
            bad += 1
            continue
        if any(_same(p.name, preset.name) for p in presets):
            bad += 1
            continue
        presets.append(preset)
    return presets, bad
