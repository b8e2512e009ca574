"""The frozen one-folder build: what it carries, and that it runs like the source install.

It knows its version; its bundle holds QtMultimedia's FFmpeg backend with
every library it links to and leaves unused Qt out; its window opens offscreen
and loads that backend; and `generate` renders a clip headless against the
frozen app's own built-in renderer, which exercises the frozen executable as
CLI, as `framecast serve` child (`sys.frozen` → `[sys.executable, "serve", ...]`)
and as the parent of the renderer's spawned worker processes. Skipped unless
asked for or a current build exists (see conftest.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import threading
from pathlib import Path

import av
import pytest

from app import __version__

GUI_START_TIMEOUT_S = 60
GENERATE_TIMEOUT_S = 180  # backstop; the CLI gives up first (--timeout)
SIZE_BUDGET_MB = 250  # unpacked; packaging/README.md says where the space goes
UNUSED_QT_NAMES = (
    "QtWebEngine",
    "Qt6WebEngine",
    "QtQuick3D",
    "Qt6Quick3D",
    "Qt63D",
    "Qt3D",
    "QtCharts",
    "Qt6Charts",
    "QtDataVisualization",
    "Qt6Pdf",
    "QtPdf",
    "Qt6Designer",
    "QtDesigner",
    "Qt6Bluetooth",
    "QtBluetooth",
    "Qt6Sql",
    "QtSql",
    "Qt6Test",
    "QtTest.",
    "Qt6Location",
    "Qt6Sensors",
    "Qt6SerialPort",
    "Qt6RemoteObjects",
    "Qt6Scxml",
    "Qt6TextToSpeech",
    "Qt6VirtualKeyboard",
    "Qt6Graphs",
    "tkinter",
    "_tkinter",
)

# Qt's Wayland plugins link to these; they are loaded only in a Wayland session,
# which always has them, and CI machines (X11 only) need not.
WAYLAND_SESSION_LIBS = ("libwayland-client.so", "libwayland-cursor.so", "libwayland-egl.so")

pytestmark = pytest.mark.timeout(2400)


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """An environment that keeps the frozen app away from the user's settings and backend."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SUPERDUPERAI_", "FRAMECAST_"))
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        FRAMECAST_CONFIG_DIR=str(tmp_path / "config"),
        FRAMECAST_DATA_DIR=str(tmp_path / "data"),
        FRAMECAST_LOG_DIR=str(tmp_path / "logs"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    return env


def run_in_own_session(
    argv: list[str], *, env: dict[str, str], cwd: Path, timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run argv in a new session; on timeout kill the whole session (the app, its
    renderer child and that child's workers) and fail with what it printed."""
    with subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=cwd,
        start_new_session=True,
    ) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            stdout, stderr = proc.communicate()
            pytest.fail(f"{argv[1]} ran past {timeout} s\nstdout:\n{stdout}\nstderr:\n{stderr}")
    return subprocess.CompletedProcess(argv, proc.returncode, stdout, stderr)


def bundle_files(frozen_app: Path) -> list[Path]:
    return [p for p in frozen_app.parent.rglob("*") if p.is_file() or p.is_symlink()]


def test_frozen_version_matches_package(frozen_app: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(frozen_app), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env=isolated_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"framecast {__version__}"


def test_bundle_carries_qt_multimedia_ffmpeg_backend(frozen_app: Path) -> None:
    internal = frozen_app.parent / "_internal"
    plugin = internal / "PySide6" / "Qt" / "plugins" / "multimedia" / "libffmpegmediaplugin.so"
    if os.name == "nt" or not (internal / "PySide6").is_dir():
        pytest.skip("checks the Linux bundle layout")
    assert plugin.is_file()
    # Every library the plugin links to must resolve inside the bundle or to the system,
    # and its FFmpeg libraries (libavcodec/libavformat/...) must come from the bundle.
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=60, env=env)
    assert ldd.returncode == 0, ldd.stderr
    assert "not found" not in ldd.stdout, ldd.stdout
    ffmpeg = [ln for ln in ldd.stdout.splitlines() if re.search(r"lib(av|sw)\w+\.so", ln)]
    assert ffmpeg, ldd.stdout
    for line in ffmpeg:
        assert str(internal) in line, line


def test_every_bundled_library_resolves_in_the_bundle_or_on_the_host(frozen_app: Path) -> None:
    """After leaving the desktop's libraries to the host (packaging/host_libs.py), every
    library any bundled file links to must still be found, here on a Debian desktop set
    up by `make` (QT_SYSTEM_PACKAGES)."""
    internal = frozen_app.parent / "_internal"
    if os.name == "nt" or shutil.which("ldd") is None:
        pytest.skip("checks the Linux bundle with ldd")
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    elves = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    assert len(elves) > 100
    unresolved = {}
    for path in elves:
        ldd = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        missing = [
            ln.strip()
            for ln in ldd.stdout.splitlines()
            if "not found" in ln and not ln.strip().startswith(WAYLAND_SESSION_LIBS)
        ]
        if missing:
            unresolved[str(path.relative_to(internal))] = missing
    assert unresolved == {}


def test_bundle_leaves_out_unused_qt_and_tools(frozen_app: Path) -> None:
    names = [p.name for p in bundle_files(frozen_app)]
    offenders = sorted(
        {n for n in names for unused in UNUSED_QT_NAMES if n.startswith((unused, f"lib{unused}"))}
    )
    assert offenders == []
    internal = frozen_app.parent / "_internal"
    for package in ("pytest", "_pytest", "hypothesis", "mypy", "ruff", "tkinter", "numpy"):
        assert not (internal / package).exists(), package


def test_bundle_stays_within_size_budget(frozen_app: Path) -> None:
    size = sum(p.stat().st_size for p in bundle_files(frozen_app) if not p.is_symlink())
    assert size / 2**20 < SIZE_BUDGET_MB, f"dist/framecast is {size / 2**20:.0f} MB"


def test_frozen_generate_renders_a_clip_with_its_own_renderer(
    frozen_app: Path, tmp_path: Path
) -> None:
    out = tmp_path / "fox.mp4"
    result = run_in_own_session(
        [
            str(frozen_app),
            "generate",
            "a red fox in the snow",
            "--duration",
            "2",
            "--resolution",
            "854x480",
            "--json",
            "--timeout",
            "120",
            "--out",
            str(out),
        ],
        env=isolated_env(tmp_path),
        cwd=tmp_path,
        timeout=GENERATE_TIMEOUT_S,
    )
    assert result.returncode == 0, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines, result.stderr
    messages = [json.loads(line) for line in lines]  # stdout holds only JSON Lines
    last = messages[-1]
    assert last["type"] == "result"
    assert last["state"] == "completed", last
    assert Path(last["path"]).is_file()
    assert any(m["type"] == "update" for m in messages[:-1])

    assert out.is_file()
    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        frames = list(container.decode(stream))
    assert frames, "the saved clip holds no video frames"
    assert (frames[0].width, frames[0].height) == (854, 480)


@pytest.mark.parametrize("platform", ["offscreen", "xcb"])
def test_frozen_window_starts_and_loads_the_ffmpeg_media_backend(
    frozen_app: Path, tmp_path: Path, platform: str
) -> None:
    """The frozen window opens (offscreen, and on a real X display under Xvfb with the
    host's X11 libraries) and Qt loads the bundled FFmpeg plugin."""
    env = {**isolated_env(tmp_path), "QT_DEBUG_PLUGINS": "1", "QT_QPA_PLATFORM": platform}
    argv = [str(frozen_app), "gui"]
    if platform == "xcb":
        if shutil.which("xvfb-run") is None:
            pytest.skip("needs xvfb-run (Debian's xvfb) for a real X display")
        argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", *argv]
    loaded = threading.Event()
    stderr_lines: list[str] = []
    with subprocess.Popen(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
        start_new_session=True,
    ) as proc:
        assert proc.stderr is not None
        stream = proc.stderr

        def pump() -> None:
            for line in stream:
                stderr_lines.append(line)
                if "libffmpegmediaplugin" in line and "loaded library" in line:
                    loaded.set()
            loaded.set()  # the window exited: stop waiting

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        try:
            loaded.wait(GUI_START_TIMEOUT_S)
            still_running = proc.poll() is None
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            reader.join(10)
    output = "".join(stderr_lines)
    assert still_running, f"the window exited early:\n{output[-4000:]}"
    assert "Traceback" not in output, output[-4000:]
    assert any("libffmpegmediaplugin" in ln and "loaded library" in ln for ln in stderr_lines), (
        output[-4000:]
    )
