"""pytest fixtures for the test servers.

Use them with `pytest_plugins = ["tests.support.fixtures"]` in a conftest, or
import the fixtures by name into a test module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.media import sample_video_bytes
from tests.support.scripted_backend import ScriptedBackend
from tests.support.servers import CdnServer


@pytest.fixture(scope="session")
def sample_video() -> bytes:
    """A 1 s 64x64 24 fps H.264 MP4, encoded once per session."""
    return sample_video_bytes()


@pytest.fixture(scope="session")
def sample_video_path(tmp_path_factory: pytest.TempPathFactory, sample_video: bytes) -> Path:
    path = tmp_path_factory.mktemp("sample-video") / "sample.mp4"
    path.write_bytes(sample_video)
    return path


@pytest.fixture
def scripted_backend() -> Iterator[ScriptedBackend]:
    """A fresh scripted backend (and its CDN) with a random token, for one test."""
    with ScriptedBackend() as backend:
        yield backend


@pytest.fixture
def cdn_server() -> Iterator[CdnServer]:
    """A lone second origin for result files."""
    with CdnServer() as cdn:
        yield cdn
