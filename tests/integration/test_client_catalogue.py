"""Paged lists over loopback: the catalogue, styles and the library against the
scripted backend with small page caps and broken paging, and the command
line (`framecast models`, `framecast generate`) on top of them.

The built-in renderer's own catalogue across pages is in
test_client_contract.py; the wire samples are in tests/contract/."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qsl

import pytest

from app.api import PagingError, SuperDuperClient
from app.api.client import MAX_PAGES
from app.api.models import MAX_SEED
from app.cli.wording import api_error_text
from tests.support.scripted_backend import ScriptedBackend, generation_config

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "contract"
IUSER = {"sub": "auth0|1", "nickname": "creator", "email": "c@example.com", "id": "u-1"}


def run(backend: ScriptedBackend, call: Callable[[SuperDuperClient], Awaitable[T]]) -> T:
    async def scenario() -> T:
        async with SuperDuperClient(backend.url, backend.token) as client:
            return await call(client)

    return asyncio.run(scenario())


def catalogue(count: int) -> list[dict[str, object]]:
    """`count` configurations of mixed kinds, named so they sort as listed."""
    kinds = ["text_to_video", "image_to_video", "text_to_image", "video_to_video", "text_to_audio"]
    return [
        generation_config(
            f"m/{i:03d}", kinds[i % len(kinds)], {"price": 0.1 * i, "available_durations": [5]}
        )
        for i in range(count)
    ]


def styles(count: int) -> list[dict[str, object]]:
    return [
        {"name": f"s{i:03d}", "title": None if i % 3 else f"Style {i}", "tags": None}
        for i in range(count)
    ]


def pages_asked(backend: ScriptedBackend, path: str) -> list[tuple[int, int]]:
    """(offset, limit) of every request for a list, in order."""
    asked = []
    for request in backend.requests_to(path, "GET"):
        if request.path.rstrip("/").endswith(path):
            query = dict(parse_qsl(request.query))
            asked.append((int(query["offset"]), int(query["limit"])))
    return asked


# --------------------------------------------------------------------------- paging


def test_25_models_and_240_styles_in_pages_of_10(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.catalogue = catalogue(25)
    scripted_backend.styles = styles(240)
    scripted_backend.page_cap = 10
    loaded = run(scripted_backend, lambda c: c.load_catalogue())
    assert [c.name for c in loaded.configs] == [f"m/{i:03d}" for i in range(25)]
    assert len(loaded.styles) == 240 and loaded.skipped == []
    assert [m.type for m in loaded.models] == ["text_to_video", "image_to_video"] * 5
    # One request a page: the first asks 100, each next one follows the cursor.
    assert pages_asked(scripted_backend, "generation-config") == [(0, 100), (10, 10), (20, 10)]
    assert len(pages_asked(scripted_backend, "style")) == 24


def test_a_server_that_sends_fewer_items_than_asked_is_followed(
    scripted_backend: ScriptedBackend,
) -> None:
    scripted_backend.catalogue = catalogue(7)
    scripted_backend.page_cap = 3
    listing = run(scripted_backend, lambda c: c.list_generation_configs())
    assert len(listing.items) == 7
    assert pages_asked(scripted_backend, "generation-config") == [(0, 100), (3, 3), (6, 3)]


def test_items_repeated_across_pages_are_kept_once(scripted_backend: ScriptedBackend) -> None:
    # The list changed between two pages: the first item shows up again.
    items = catalogue(4)
    scripted_backend.catalogue = [*items[:2], items[1], *items[2:]]
    scripted_backend.page_cap = 2
    listing = run(scripted_backend, lambda c: c.list_generation_configs())
    assert [c.name for c in listing.items] == ["m/000", "m/001", "m/002", "m/003"]


def test_a_cursor_that_repeats_is_a_clear_error(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.catalogue = catalogue(5)
    scripted_backend.page_cap = 2
    scripted_backend.paging_fault = "loop"
    with pytest.raises(PagingError) as info:
        run(scripted_backend, lambda c: c.list_models())
    assert "loops" in str(info.value) and "generation-config" in str(info.value)
    assert "could not read to the end" in api_error_text(info.value)
    assert len(pages_asked(scripted_backend, "generation-config")) == 1


def test_a_list_that_never_ends_stops_at_the_bound(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.catalogue = []
    scripted_backend.page_cap = 5
    scripted_backend.paging_fault = "endless"
    with pytest.raises(PagingError) as info:
        run(scripted_backend, lambda c: c.list_styles())
    assert f"did not end after {MAX_PAGES} pages" in str(info.value)
    assert len(pages_asked(scripted_backend, "style")) == MAX_PAGES


def test_a_cursor_that_is_a_string_is_refused(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.catalogue = catalogue(3)
    scripted_backend.page_cap = 1
    scripted_backend.paging_fault = "string_next"
    with pytest.raises(PagingError, match="must be null or a cursor"):
        run(scripted_backend, lambda c: c.list_generation_configs())


# --------------------------------------------------------------------------- library


def test_the_library_keeps_videos_with_a_url_and_deletes(scripted_backend: ScriptedBackend) -> None:
    sample = json.loads((CORPUS / "library" / "page.json").read_text())["body"]
    scripted_backend.library = sample["items"]
    scripted_backend.page_cap = 4

    async def scenario(client: SuperDuperClient) -> None:
        whole = await client.list_library(types=("video", "image", "voiceover"))
        assert [v.id for v in whole.videos] == ["vid-done", "vid-old"]
        assert {s.id for s in whole.skipped} == {"vid-running", "vid-failed", "img-1", "voice-1"}
        only_videos = await client.list_library()
        assert {s.id for s in only_videos.skipped} == {"vid-running", "vid-failed"}
        deleted = await client.delete_file("vid-done")
        assert deleted is not None and deleted.id == "vid-done"
        assert [v.id for v in (await client.list_library()).videos] == ["vid-old"]

    run(scripted_backend, scenario)
    asked = [
        r.query for r in scripted_backend.requests_to("file", "GET") if r.path.endswith("/file")
    ]
    assert parse_qsl(asked[0])[:3] == [
        ("types", "video"),
        ("types", "image"),
        ("types", "voiceover"),
    ]
    assert [r.path for r in scripted_backend.requests_to("file/", "DELETE")] == [
        "/api/v1/file/vid-done"
    ]


# --------------------------------------------------------------------------- the command line


@dataclass
class Run:
    code: int
    out: str
    err: str


def framecast(tmp_path: Path, backend: ScriptedBackend, *args: str) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUPERDUPERAI_", "FRAMECAST_"))}
    for name in ("data", "config", "logs"):
        (tmp_path / name).mkdir(exist_ok=True)
    env.update(
        FRAMECAST_DATA_DIR=str(tmp_path / "data"),
        FRAMECAST_CONFIG_DIR=str(tmp_path / "config"),
        FRAMECAST_LOG_DIR=str(tmp_path / "logs"),
        FRAMECAST_POLL_INTERVAL="0.2",
        SUPERDUPERAI_TOKEN=backend.token,
        COLUMNS="200",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args, "--backend", backend.url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def every_variant(scripted_backend: ScriptedBackend) -> ScriptedBackend:
    """The corpus' configurations of every kind, in pages of 4, and a non-VIP account."""
    sample = json.loads((CORPUS / "catalogue" / "configs_every_variant.json").read_text())
    scripted_backend.catalogue = sample["body"]["items"]
    scripted_backend.page_cap = 4
    scripted_backend.account = {**IUSER, "balance": 12.5, "vip": False}
    return scripted_backend


def test_models_lists_usable_models_and_explains_the_rest(
    tmp_path: Path, every_variant: ScriptedBackend
) -> None:
    run_ = framecast(tmp_path, every_variant, "models")
    assert run_.code == 0, run_.err
    table, _, notes = run_.out.partition("Not offered")
    for usable in ("google-cloud/veo3-text2video", "azure-openai/sora", "comfyui/free-preview"):
        assert usable in table
    for left_out in ("fal-ai/restyle", "comfyui/flux", "fal-ai/stable-audio", "future/hologram"):
        assert left_out not in table and left_out in notes
    assert "cannot send a source video" in notes and "makes pictures, not videos" in notes
    assert "price unknown" in table and "Free" in table and "$1.2/s" in table
    assert "★ VIP (not this account)" in table
    assert "Account: balance 12.50, not VIP" in run_.out
    assert every_variant.token not in run_.out + run_.err


def test_models_json_keeps_its_fields_and_adds_new_ones(
    tmp_path: Path, every_variant: ScriptedBackend
) -> None:
    run_ = framecast(tmp_path, every_variant, "models", "--json")
    assert run_.code == 0, run_.err
    entries = {e["name"]: e for e in json.loads(run_.out)}
    assert len(entries) == 11
    original = {"name", "label", "type", "price_per_second", "available_durations", "vip_required"}
    added = {"usable", "reason", "needs_image", "price_known", "vip_locked", "account_balance"}
    assert all(original | added <= set(e) for e in entries.values())
    sora = entries["azure-openai/sora"]
    assert (sora["usable"], sora["price_per_second"], sora["price_known"]) == (True, None, False)
    assert (sora["vip_required"], sora["vip_locked"]) == (True, True)
    restyle = entries["fal-ai/restyle"]
    assert restyle["usable"] is False and "source video" in restyle["reason"]
    assert entries["fal-ai/minimax/video-01/image-to-video"]["label"] == (
        "Minimax video 01 image to video (fal-ai)"
    )
    assert {e["account_balance"] for e in entries.values()} == {12.5}


def test_models_on_a_list_that_loops_fails_clearly(
    tmp_path: Path, scripted_backend: ScriptedBackend
) -> None:
    scripted_backend.page_cap = 1
    scripted_backend.paging_fault = "loop"
    run_ = framecast(tmp_path, scripted_backend, "models")
    assert run_.code == 1
    assert "could not read to the end" in run_.err and "Traceback" not in run_.err


@pytest.mark.parametrize(
    ("model", "why"),
    [
        ("comfyui/flux", "makes pictures, not videos"),
        ("fal-ai/restyle", "cannot send a source video"),
        ("google-cloud/veo3-text2video-x", "has no model"),
    ],
)
def test_generate_refuses_what_is_not_a_usable_model(
    tmp_path: Path, every_variant: ScriptedBackend, model: str, why: str
) -> None:
    run_ = framecast(tmp_path, every_variant, "generate", "a fox", "--json", "--model", model)
    assert run_.code == 2, run_.err
    assert why in json.loads(run_.out.splitlines()[-1])["error"]
    assert not every_variant.requests_to("file/generate-video")


def test_generate_refuses_a_vip_model_for_an_account_that_is_not_vip(
    tmp_path: Path, every_variant: ScriptedBackend
) -> None:
    run_ = framecast(
        tmp_path, every_variant, "generate", "a fox", "--json", "--model", "azure-openai/sora"
    )
    assert run_.code == 2, run_.err
    assert "needs a VIP account" in json.loads(run_.out.splitlines()[-1])["error"]
    assert not every_variant.requests_to("file/generate-video")


def test_generate_picks_a_usable_model_and_sends_a_14_digit_seed_exactly(
    tmp_path: Path, scripted_backend: ScriptedBackend
) -> None:
    scripted_backend.catalogue = [
        generation_config("a/picture", "text_to_image", {"price": 0}),
        generation_config("b/restyle", "video_to_video", {"available_durations": [1]}),
        generation_config("c/vip", "text_to_video", {"vip_required": True}),
        generation_config("d/plain", "text_to_video", {"price": 0, "available_durations": [1, 5]}),
    ]
    seed = 48213950267315
    run_ = framecast(tmp_path, scripted_backend, "generate", "a fox", "--json", "--seed", str(seed))
    assert run_.code == 0, run_.err
    job = scripted_backend.jobs[-1]
    assert job.request_body is not None
    config = job.request_body["config"]
    assert isinstance(config, dict)
    assert config["generation_config_name"] == "d/plain" and config["seed"] == seed
    with sqlite3.connect(tmp_path / "data" / "history.sqlite3") as db:
        (stored,) = db.execute("SELECT request_json FROM jobs").fetchone()
    assert json.loads(stored)["seed"] == seed


@pytest.mark.parametrize("seed", [str(MAX_SEED + 1), "-1"])
def test_generate_refuses_seeds_out_of_range(
    tmp_path: Path, scripted_backend: ScriptedBackend, seed: str
) -> None:
    run_ = framecast(tmp_path, scripted_backend, "generate", "a fox", "--json", "--seed", seed)
    assert run_.code == 2
    assert "--seed must be a whole number from 0 to 9007199254740991" in run_.out
    assert not scripted_backend.requests_to("file/generate-video")


def test_generate_follows_the_models_aspect_ratios(
    tmp_path: Path, scripted_backend: ScriptedBackend
) -> None:
    scripted_backend.catalogue = [
        generation_config(
            "v/portrait",
            "text_to_video",
            {"price": 0, "max_duration": 5, "aspect_ratios": ["9:16"]},
        )
    ]
    refused = framecast(tmp_path, scripted_backend, "generate", "a fox", "--aspect", "16:9")
    assert refused.code == 2 and "makes 9:16 videos, not 16:9" in refused.err
    assert not scripted_backend.requests_to("file/generate-video")
    done = framecast(tmp_path, scripted_backend, "generate", "a fox", "--json")
    assert done.code == 0, done.err
    job = scripted_backend.jobs[-1]
    assert job.request_body is not None
    config = job.request_body["config"]
    assert isinstance(config, dict)
    assert (config["aspect_ratio"], config["width"], config["height"]) == ("9:16", 1080, 1920)
    assert config["duration"] == 5  # from max_duration: 3 or 5, and 5 is preferred
