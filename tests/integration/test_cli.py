"""`python -m app` as scripts drive it (cli-contract.md): JSON Lines, exit
codes, `--out`, `--timeout`, Ctrl+C, `track`, and the token kept out of every
output, log and database. Each run is a real child process with its data,
config and log directories in a temporary directory."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import pytest

from app import __version__
from tests.support.fixtures import sample_video, scripted_backend
from tests.support.scripted_backend import JobScript, ScriptedBackend
from tests.support.sse_script import error, progress
from tests.support.waiting import wait_until

__all__ = ["sample_video", "scripted_backend"]

ROOT = Path(__file__).resolve().parents[2]
UPDATE_KEYS = {"type", "file_id", "state", "progress", "message", "transport"}
STATES = {"submitting", "queued", "processing", "downloading", "completed", "failed", "cancelled"}


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[dict[str, object]]:
        return [json.loads(line) for line in self.out.splitlines()]

    @property
    def result(self) -> dict[str, object]:
        last = self.lines[-1]
        assert last["type"] == "result", last
        return last


@pytest.fixture
def dirs(tmp_path: Path) -> dict[str, Path]:
    out = {name: tmp_path / name for name in ("data", "config", "logs")}
    for path in out.values():
        path.mkdir()
    return out


def _env(dirs: dict[str, Path], **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUPERDUPERAI_", "FRAMECAST_"))}
    env.update(
        FRAMECAST_DATA_DIR=str(dirs["data"]),
        FRAMECAST_CONFIG_DIR=str(dirs["config"]),
        FRAMECAST_LOG_DIR=str(dirs["logs"]),
        FRAMECAST_POLL_INTERVAL="0.2",
        FRAMECAST_SSE_IDLE_TIMEOUT="2",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)  # a test may move any of them
    return env


def framecast(dirs: dict[str, Path], *args: str, timeout: float = 60, **env: str) -> Run:
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=_env(dirs, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def assert_contract(run: Run) -> None:
    """Every stdout line is JSON; updates have the contract's keys; progress never
    decreases; the last line is the result."""
    lines = run.lines
    assert lines, run.err
    updates = [line for line in lines if line["type"] == "update"]
    for update in updates:
        assert set(update) >= UPDATE_KEYS, update
        assert update["state"] in STATES
        assert update["transport"] in {"sse", "polling", "none"}
    values = [float(str(u["progress"])) for u in updates if u["progress"] is not None]
    assert all(0 <= v <= 1 for v in values)
    assert values == sorted(values), values
    assert all(line["type"] == "update" for line in lines[:-1])
    assert lines[-1]["type"] == "result"


def assert_token_absent(token: str, dirs: dict[str, Path], *runs: Run) -> None:
    for run in runs:
        assert token not in run.out and token not in run.err
    for root in (dirs["data"], dirs["logs"], dirs["config"]):
        for path in root.rglob("*"):
            if path.is_file() and path.suffix not in (".mp4", ".jpg"):
                assert token.encode() not in path.read_bytes(), path


def _scripted(backend: ScriptedBackend) -> list[str]:
    return ["--backend", backend.url]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------- basics


def test_version(dirs: dict[str, Path]) -> None:
    run = framecast(dirs, "--version")
    assert run.code == 0
    assert run.out.strip() == f"framecast {__version__}"


def test_generate_on_the_builtin_renderer(dirs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "copies" / "balloon.mp4"
    run = framecast(
        dirs,
        "generate",
        "a red balloon over a quiet town",
        "--json",
        "--out",
        str(out),
        "--timeout",
        "150",
        timeout=180,
    )
    assert run.code == 0, run.err
    assert_contract(run)
    result = run.result
    assert result["state"] == "completed"
    path = Path(str(result["path"]))
    assert path.is_absolute() and path.is_file()
    assert path == out.resolve()
    with av.open(str(path)) as container:
        assert container.streams.video
        assert next(container.decode(video=0)) is not None
    states = [line["state"] for line in run.lines if line["type"] == "update"]
    assert states[-1] == "completed"
    assert {"processing", "downloading"} <= set(states)
    assert list((dirs["data"]).rglob("*.mp4"))


def test_models_json_on_the_builtin_renderer(dirs: dict[str, Path]) -> None:
    run = framecast(dirs, "models", "--json", timeout=120)
    assert run.code == 0, run.err
    models = json.loads(run.out)
    assert isinstance(models, list) and models
    for model in models:
        assert {
            "name",
            "label",
            "type",
            "price_per_second",
            "available_durations",
            "vip_required",
        } <= set(model)


# --------------------------------------------------------------------------- bad usage


def test_empty_prompt_is_bad_usage(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    run = framecast(
        dirs,
        "generate",
        "   ",
        "--json",
        *_scripted(scripted_backend),
        f"--token={scripted_backend.token}",  # a random token may start with "-"
    )
    assert run.code == 2
    assert run.result["state"] == "failed" and "prompt" in str(run.result["error"])
    assert not scripted_backend.requests_to("file/generate-video")
    assert_token_absent(scripted_backend.token, dirs, run)


def test_duration_not_offered_is_bad_usage(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    # No --model: the CLI reads the catalogue, picks scripted/t2v (1 or 5 s).
    run = framecast(
        dirs,
        "generate",
        "a fox",
        "--json",
        "--duration",
        "3",
        *_scripted(scripted_backend),
        SUPERDUPERAI_TOKEN=scripted_backend.token,
    )
    assert run.code == 2
    assert "3" in str(run.result["error"]) and "1, 5" in str(run.result["error"])
    assert not scripted_backend.requests_to("file/generate-video")
    assert_token_absent(scripted_backend.token, dirs, run)


def test_image_of_the_wrong_type_is_bad_usage(
    dirs: dict[str, Path], tmp_path: Path, scripted_backend: ScriptedBackend
) -> None:
    picture = tmp_path / "picture.png"
    picture.write_text("not a picture at all")
    run = framecast(
        dirs,
        "generate",
        "a fox",
        "--json",
        "--image",
        str(picture),
        *_scripted(scripted_backend),
        SUPERDUPERAI_TOKEN=scripted_backend.token,
    )
    assert run.code == 2
    assert "JPEG, PNG or WebP" in str(run.result["error"])
    assert not scripted_backend.requests_to("file/upload")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://files.example.com", "http:// or https://"),
        ("not a url", "http:// or https://"),
        ("http://me:hunter2@127.0.0.1:9", "user name or password"),
    ],
)
def test_a_backend_that_is_not_an_http_address_is_bad_usage(
    dirs: dict[str, Path], url: str, why: str
) -> None:
    run = framecast(dirs, "models", "--backend", url)
    assert run.code == 2, run.err
    assert why in run.err and "Traceback" not in run.err
    assert "hunter2" not in run.out + run.err


def test_unknown_option_is_bad_usage(dirs: dict[str, Path]) -> None:
    run = framecast(dirs, "generate", "a fox", "--no-such-flag")
    assert run.code == 2


# --------------------------------------------------------------------------- the scripted backend


def test_generate_against_a_backend_completes(
    dirs: dict[str, Path], tmp_path: Path, scripted_backend: ScriptedBackend
) -> None:
    job = scripted_backend.add_job(JobScript(drop_stream_after=2))
    run = framecast(
        dirs,
        "generate",
        "a fox",
        "--json",
        "--model",
        "scripted/t2v",
        "--duration",
        "1",
        *_scripted(scripted_backend),
        SUPERDUPERAI_TOKEN=scripted_backend.token,
    )
    assert run.code == 0, run.err
    assert_contract(run)
    assert run.result["file_id"] == job.file_id
    assert Path(str(run.result["path"])).read_bytes() == job.video
    assert len(job.download_requests()) == 1
    assert_token_absent(scripted_backend.token, dirs, run)


def test_refused_token_exits_3(dirs: dict[str, Path], scripted_backend: ScriptedBackend) -> None:
    run = framecast(
        dirs,
        "generate",
        "a fox",
        "--json",
        "--model",
        "scripted/t2v",
        "--duration",
        "1",
        *_scripted(scripted_backend),
        "--token",
        "not-it",
    )
    assert run.code == 3, run.err
    assert run.result["state"] == "failed"
    assert len(scripted_backend.requests) <= 5
    assert "not-it" not in run.out and "not-it" not in run.err


def test_unreachable_backend_exits_4(dirs: dict[str, Path]) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    run = framecast(
        dirs,
        "generate",
        "a fox",
        "--json",
        "--model",
        "scripted/t2v",
        "--duration",
        "1",
        "--backend",
        url,
        "--token",
        "secret-token-xyz",
        timeout=60,
    )
    assert run.code == 4, run.err
    assert run.result["state"] == "failed"
    assert_token_absent("secret-token-xyz", dirs, run)


def test_timeout_exits_5_with_a_result_line(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    job = scripted_backend.add_job(JobScript(pause_after=2))
    run = framecast(
        dirs,
        "generate",
        "a fox",
        "--json",
        "--model",
        "scripted/t2v",
        "--duration",
        "1",
        "--timeout",
        "1",
        *_scripted(scripted_backend),
        SUPERDUPERAI_TOKEN=scripted_backend.token,
    )
    assert run.code == 5, run.err
    assert_contract(run)
    assert run.result["state"] == "failed"
    assert run.result["file_id"] == job.file_id
    assert f"track {job.file_id}" in str(run.result["error"])
    assert_token_absent(scripted_backend.token, dirs, run)


def test_job_failure_exits_1_with_the_servers_message(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    scripted_backend.add_job(JobScript(events=[progress(0.4), error("out of GPU memory")]))
    run = framecast(
        dirs,
        "generate",
        "a fox",
        "--json",
        "--model",
        "scripted/t2v",
        "--duration",
        "1",
        *_scripted(scripted_backend),
        SUPERDUPERAI_TOKEN=scripted_backend.token,
    )
    assert run.code == 1, run.err
    assert_contract(run)
    assert run.result["state"] == "failed"
    assert "out of GPU memory" in str(run.result["error"])
    assert_token_absent(scripted_backend.token, dirs, run)


def _pump(stream: Iterator[str], sink: list[str]) -> None:
    for line in stream:
        sink.append(line)


def test_sigint_exits_130_and_track_finishes_the_job(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    job = scripted_backend.add_job(JobScript(pause_after=2))
    env = _env(dirs, SUPERDUPERAI_TOKEN=scripted_backend.token)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "generate",
            "a fox",
            "--json",
            "--model",
            "scripted/t2v",
            "--duration",
            "1",
            *_scripted(scripted_backend),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    reader = threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True)
    reader.start()
    try:
        wait_until(
            lambda: any('"processing"' in line for line in lines),
            60,
            what="the job to be processing",
        )
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    reader.join(10)
    assert proc.stderr is not None
    err = proc.stderr.read()
    interrupted = Run(proc.returncode, "".join(lines), err)
    assert interrupted.code == 130, err
    assert_contract(interrupted)
    assert interrupted.result["state"] == "cancelled"
    assert interrupted.result["file_id"] == job.file_id
    assert not job.download_requests()

    job.release()
    tracked = framecast(
        dirs,
        "track",
        job.file_id,
        "--json",
        *_scripted(scripted_backend),
        SUPERDUPERAI_TOKEN=scripted_backend.token,
    )
    assert tracked.code == 0, tracked.err
    assert_contract(tracked)
    assert tracked.result["state"] == "completed"
    assert Path(str(tracked.result["path"])).read_bytes() == job.video
    assert len(job.download_requests()) == 1
    assert_token_absent(scripted_backend.token, dirs, interrupted, tracked)


# --------------------------------------------------------------------------- takes


def test_takes_print_a_result_line_each_with_consecutive_seeds(
    dirs: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "kite.mp4"
    run = framecast(
        dirs,
        "generate",
        "a kite over the dunes",
        "--model",
        "local/quick-t2v",
        "--duration",
        "1",
        "--takes",
        "3",
        "--seed",
        "700",
        "--json",
        "--out",
        str(out),
        "--timeout",
        "150",
        timeout=180,
    )
    assert run.code == 0, run.err
    results = [line for line in run.lines if line["type"] == "result"]
    assert [r["take"] for r in results] == [1, 2, 3]
    assert {r["state"] for r in results} == {"completed"}
    assert run.lines[-1] is not results[0] and run.lines[-1]["type"] == "result"
    paths = [Path(str(r["path"])) for r in results]
    assert paths == [tmp_path / f"kite-take{n}.mp4" for n in (1, 2, 3)]
    assert all(p.is_file() for p in paths)
    with sqlite3.connect(dirs["data"] / "history.sqlite3") as conn:
        rows = conn.execute(
            "SELECT request_json, take_group, take_number, take_count FROM jobs"
            " ORDER BY take_number"
        ).fetchall()
    assert [json.loads(r[0])["seed"] for r in rows] == [700, 701, 702]
    assert len({r[1] for r in rows}) == 1 and [r[2:] for r in rows] == [(1, 3), (2, 3), (3, 3)]


def test_takes_exit_1_when_any_take_failed(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    scripted_backend.add_job()
    scripted_backend.add_job(JobScript(events=[progress(0.4), error("out of GPU memory")]))
    run = framecast(
        dirs,
        "generate",
        "a fox",
        "--model",
        "scripted/t2v",
        "--duration",
        "1",
        "--takes",
        "2",
        *_scripted(scripted_backend),
        SUPERDUPERAI_TOKEN=scripted_backend.token,
    )
    assert run.code == 1, run.err
    assert run.out.count("Saved: ") == 1  # the take that completed
    assert "out of GPU memory" in run.err
    assert len(scripted_backend.requests_to("file/generate-video", "POST")) == 2


@pytest.mark.parametrize("takes", ["0", "5", "two"])
def test_takes_outside_one_to_four_are_bad_usage(dirs: dict[str, Path], takes: str) -> None:
    run = framecast(dirs, "generate", "a fox", "--takes", takes)
    assert run.code == 2
    assert "--takes" in run.err and "from 1 to 4" in run.err
    assert not run.out
