"""`framecast generate|track|serve` against hostile servers and hostile local
state: every run ends with its result line (or, for bad arguments, one usage
sentence) and a documented exit code, never a traceback; bad input is refused
with exit 2 before anything is sent. Real child processes, real servers on
loopback, real (tmpfs) full disks and read-only folders."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.wording import failure_text
from app.engine.updates import ErrorKind
from tests.integration.test_cli import (
    ROOT,
    Run,
    _env,
    _scripted,
    assert_contract,
    assert_token_absent,
    dirs,
    framecast,
)
from tests.support.fixtures import sample_video, scripted_backend
from tests.support.hostile import (
    HostileServer,
    deep_json,
    faststart_video,
    hostile_server,
    read_only_folder,
    small_disk,
)
from tests.support.scripted_backend import JobScript, ScriptedBackend
from tests.support.sse_script import error, progress

__all__ = ["dirs", "hostile_server", "sample_video", "scripted_backend"]

GENERATE = ("generate", "a fox", "--json", "--model", "scripted/t2v", "--duration", "1")


def generate(dirs: dict[str, Path], backend: ScriptedBackend, *extra: str, **env: str) -> Run:
    return framecast(
        dirs,
        *GENERATE,
        *_scripted(backend),
        *extra,
        SUPERDUPERAI_TOKEN=backend.token,
        **env,
    )


def history_rows(dirs: dict[str, Path]) -> list[tuple[str, str | None, str | None, str | None]]:
    with sqlite3.connect(dirs["data"] / "history.sqlite3") as conn:
        sql = "SELECT state, error_kind, error_detail, server_message FROM jobs"
        return conn.execute(sql).fetchall()


def assert_clean_failure(run: Run, code: int) -> None:
    assert run.code == code, (run.code, run.err)
    assert "Traceback" not in run.err, run.err
    assert_contract(run)
    assert run.result["state"] == "failed"


# --------------------------------------------------------------------------- the download path


@pytest.mark.parametrize("case", ["redirect-loop", "100KB-url", "port-99999", "deep-create"])
def test_download_path_failures_end_with_a_result_line_and_a_failed_row(
    dirs: dict[str, Path],
    scripted_backend: ScriptedBackend,
    hostile_server: HostileServer,
    case: str,
) -> None:
    if case == "deep-create":
        scripted_backend.inject(
            "POST",
            "file/generate-video",
            200,
            text=deep_json(100_000, "object"),
            content_type="application/json",
        )
    else:
        url = {
            "redirect-loop": hostile_server.redirect_loop(),
            "100KB-url": "http://127.0.0.1/" + "x" * 100_000 + ".mp4",
            "port-99999": "http://127.0.0.1:99999/x.mp4",
        }[case]
        scripted_backend.add_job(JobScript(result_url_override=url))
    run = generate(dirs, scripted_backend)
    assert_clean_failure(run, 1)
    assert run.result["error"]
    assert [row[0] for row in history_rows(dirs)] == ["failed"]
    assert_token_absent(scripted_backend.token, dirs, run)


def test_full_disk_says_where_and_how_much_and_leaves_nothing(
    dirs: dict[str, Path],
    scripted_backend: ScriptedBackend,
    hostile_server: HostileServer,
    tmp_path: Path,
) -> None:
    url = hostile_server.put("/big.mp4", os.urandom(3 * 1024 * 1024), with_length=True)
    scripted_backend.add_job(JobScript(result_url_override=url))
    with small_disk(tmp_path / "disk") as disk:
        settings = {"download_dir": str(disk / "videos")}
        (dirs["config"] / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
        run = generate(dirs, scripted_backend)
        assert_clean_failure(run, 1)
        folder = disk / "videos"
        assert run.result["error"] == (
            f"Not enough disk space in {folder} (needs 4 MB). "
            "Free some space, then try again with `framecast track`."
        )
        assert not [p for p in disk.rglob("*") if p.is_file()]
    detail = json.dumps({"folder": str(folder), "needed_mb": 4})
    assert history_rows(dirs) == [("failed", "disk_full", detail, None)]  # facts, no sentence


def test_truncated_video_fails_after_a_second_try(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend, hostile_server: HostileServer
) -> None:
    whole = faststart_video()
    url = hostile_server.put("/cut.mp4", whole[: len(whole) * 4 // 10], with_length=False)
    scripted_backend.add_job(JobScript(result_url_override=url))
    run = generate(dirs, scripted_backend)
    assert_clean_failure(run, 1)
    assert run.result["error"] == failure_text(ErrorKind.DOWNLOAD)
    assert len(hostile_server.requests_to("/cut.mp4")) == 2
    assert not list((dirs["data"] / "videos").glob("*.mp4"))


# --------------------------------------------------------------------------- bad input: exit 2


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("generate", "a fox", "--duration", "0"), "--duration: must be a whole number"),
        (("generate", "a fox", "--duration", "-3"), "--duration: must be a whole number"),
        (("generate", "a fox", "--timeout", "0"), "--timeout: must be a number of seconds above"),
        (("generate", "a fox", "--timeout", "-1"), "--timeout: must be a number of seconds above"),
        (("generate", "a fox", "--timeout", "nan"), "--timeout: must be a number of seconds"),
        (("generate", "a fox", "--timeout", "inf"), "--timeout: must be a number of seconds"),
        (("track", "../../x"), "FILE_ID: is not a file id"),
        (("track", "a/b"), "FILE_ID: is not a file id"),
        (("serve", "--port", "70000"), "--port: must be a port number from 0 to 65535"),
        (("serve", "--port", "-1"), "--port: must be a port number from 0 to 65535"),
        (("serve", "--workers", "0"), "--workers: must be a whole number from 1"),
        (("serve", "--workers", "many"), "--workers: must be a whole number from 1"),
    ],
)
def test_bad_arguments_exit_2_at_once_with_one_sentence(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend, args: tuple[str, ...], sentence: str
) -> None:
    extra = _scripted(scripted_backend) if args[0] != "serve" else []
    run = framecast(dirs, *args, *extra, SUPERDUPERAI_TOKEN=scripted_backend.token)
    assert run.code == 2, run.err
    assert sentence in run.err
    assert "Traceback" not in run.err
    assert not scripted_backend.requests  # nothing was sent


def test_a_prompt_that_is_not_utf8_exits_2(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    proc = subprocess.run(
        [sys.executable.encode(), b"-m", b"app", b"generate", b"caf\xe9 \xff", b"--json"]
        + [a.encode() for a in _scripted(scripted_backend)],
        cwd=ROOT,
        env=_env(dirs, SUPERDUPERAI_TOKEN=scripted_backend.token),
        capture_output=True,
        timeout=60,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert "PROMPT is not valid UTF-8 text" in err
    assert "Traceback" not in err
    assert not scripted_backend.requests


def test_out_that_is_a_folder_exits_2_before_anything_is_sent(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    run = generate(dirs, scripted_backend, "--out", str(tmp_path))
    assert run.code == 2, run.err
    assert run.result["error"] == (
        f"--out {tmp_path} is a folder; give a file name, such as video.mp4"
    )
    assert not scripted_backend.requests


def test_out_in_a_folder_that_cannot_be_written_exits_2_before_anything_is_sent(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        target = folder / "deeper" / "fox.mp4"
        run = generate(dirs, scripted_backend, "--out", str(target))
    assert run.code == 2, run.err
    assert str(run.result["error"]).startswith(f"--out {target}: can't write in {folder} (")
    assert not scripted_backend.requests


@pytest.mark.parametrize(
    ("variable", "value", "sentence"),
    [
        (
            "FRAMECAST_POLL_INTERVAL",
            "1e-9",
            "FRAMECAST_POLL_INTERVAL must be a number of seconds from 0.1 to 3600",
        ),
        (
            "FRAMECAST_SSE_IDLE_TIMEOUT",
            "0",
            "FRAMECAST_SSE_IDLE_TIMEOUT must be a number of seconds from 0.5 to 3600",
        ),
    ],
)
def test_an_interval_variable_out_of_range_exits_2(
    dirs: dict[str, Path],
    scripted_backend: ScriptedBackend,
    variable: str,
    value: str,
    sentence: str,
) -> None:
    run = generate(dirs, scripted_backend, **{variable: value})
    assert run.code == 2, run.err
    assert sentence in str(run.result["error"])
    assert not scripted_backend.requests


# --------------------------------------------------------------------------- local state


def test_a_damaged_history_is_kept_aside_and_the_run_goes_on(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    damaged = dirs["data"] / "history.sqlite3"
    damaged.write_bytes(b"not a database, just bytes\n" * 200)
    run = generate(dirs, scripted_backend)
    assert run.code == 0, run.err
    assert_contract(run)
    kept = list(dirs["data"].glob("history-damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"not a database, just bytes\n" * 200
    assert f"The history {damaged} was damaged. It was kept as {kept[0].name}" in run.err
    assert [row[0] for row in history_rows(dirs)] == ["completed"]


def test_a_history_from_a_newer_framecast_is_refused_and_left_alone(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    path = dirs["data"] / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE jobs (job_id TEXT)")
        conn.execute("PRAGMA user_version = 42")
    before = path.read_bytes()
    run = generate(dirs, scripted_backend)
    assert run.code == 2, run.err
    assert str(run.result["error"]) == (
        f"The history {path} was made by a newer Framecast. Update Framecast, "
        "or move the file away to start a new history."
    )
    assert path.read_bytes() == before
    assert not scripted_backend.requests


def test_a_settings_file_that_is_not_utf8_gives_defaults_and_a_note(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    settings = dirs["config"] / "settings.json"
    settings.write_bytes(b'{"language": "\xff"}')
    run = generate(dirs, scripted_backend)
    assert run.code == 0, run.err
    assert f"The settings file {settings} is not UTF-8 text; using the default settings." in (
        run.err
    )


def test_a_data_folder_that_cannot_be_written_exits_2_with_the_path(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        run = generate(dirs, scripted_backend, FRAMECAST_DATA_DIR=str(folder))
    assert run.code == 2, run.err
    assert "Traceback" not in run.err
    assert str(run.result["error"]).startswith(f"Framecast can't write to its data folder {folder}")
    assert not scripted_backend.requests


@pytest.mark.parametrize("how", ["FRAMECAST_DATA_DIR", "--data-dir"])
def test_serve_in_a_data_folder_that_cannot_be_written_exits_2_before_listening(
    dirs: dict[str, Path], tmp_path: Path, how: str
) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        if how == "--data-dir":
            run = framecast(dirs, "serve", "--data-dir", str(folder / "renderer"))
        else:
            run = framecast(dirs, "serve", FRAMECAST_DATA_DIR=str(folder))
    assert run.code == 2, run.err
    assert "Traceback" not in run.err and "listening on" not in run.out
    where = folder / "renderer" if how == "--data-dir" else folder / "local-renderer"
    assert f"Framecast can't write to its data folder {where} (" in run.err


def test_a_log_folder_that_cannot_be_written_is_noted_and_the_run_goes_on(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        run = generate(dirs, scripted_backend, FRAMECAST_LOG_DIR=str(folder / "logs"))
    assert run.code == 0, run.err
    assert "Framecast can't write its log file in" in run.err


# --------------------------------------------------------------------------- text and hygiene


@pytest.mark.parametrize("json_mode", [True, False], ids=["json", "plain"])
def test_server_text_reaches_the_terminal_cleaned_and_redacted(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend, json_mode: bool
) -> None:
    token = scripted_backend.token
    hostile = f"\x1b]0;pwned\x07\x1b[2J\x9b31m token {token} \r\nFAKE: Saved: /etc/passwd\u202e"
    scripted_backend.add_job(JobScript(events=[progress(0.4, hostile), error(hostile)]))
    args = [a for a in GENERATE if json_mode or a != "--json"]
    run = framecast(dirs, *args, *_scripted(scripted_backend), SUPERDUPERAI_TOKEN=token)
    assert run.code == 1, run.err
    for text in (run.out, run.err):
        assert not any(c in text for c in "\x1b\x07\x9b\r\u202e"), repr(text[-300:])
        assert "\nFAKE" not in text
    assert "token ***" in (run.out if json_mode else run.err)
    assert_token_absent(token, dirs, run)


def test_files_are_private_and_out_follows_the_umask(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    out = tmp_path / "copy.mp4"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            *GENERATE,
            *_scripted(scripted_backend),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=_env(dirs, SUPERDUPERAI_TOKEN=scripted_backend.token),
        capture_output=True,
        text=True,
        timeout=60,
        umask=0o027,
    )
    assert proc.returncode == 0, proc.stderr

    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    data = dirs["data"]
    assert mode(data) == 0o700
    assert mode(data / "videos") == 0o700
    assert mode(data / "history.sqlite3") == 0o600
    (video,) = (data / "videos").glob("*.mp4")
    assert mode(video) == 0o600
    assert mode(dirs["logs"]) == 0o700
    assert mode(dirs["logs"] / "framecast.log") == 0o600
    assert mode(out) == 0o640  # 0666 minus the umask 027


def test_models_with_a_newer_history_exits_2_with_one_sentence(
    dirs: dict[str, Path], scripted_backend: ScriptedBackend
) -> None:
    with sqlite3.connect(dirs["data"] / "history.sqlite3") as conn:
        conn.execute("CREATE TABLE jobs (job_id TEXT)")
        conn.execute("PRAGMA user_version = 42")
    run = framecast(dirs, "models", *_scripted(scripted_backend), "--token", "abcdefgh-token")
    assert run.code == 2, run.err
    assert "was made by a newer Framecast. Update Framecast" in run.err
    assert "Traceback" not in run.err
