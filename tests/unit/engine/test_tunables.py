"""`ProgressScale`, `EngineConfig` and `Poller.interval`: the small
rules the engine's timing and progress rest on."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.api.client import SuperDuperClient
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics
from app.engine.poller import Poller
from app.engine.tracker import ProgressScale
from app.store.settings import load_settings

# --------------------------------------------------------------------------- ProgressScale


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0.0, 0.5, 1.0], [0.0, 0.5, 1.0]),  # fractions; 1.0 late in the job is whole
        ([10, 50, 100], [0.1, 0.5, 1.0]),  # percent
        ([1.0], [0.01]),  # 1 at the start is 1 %
        ([0.7, 1.0], [0.7, 1.0]),  # 1 after half-way is whole
        ([50, 0.5], [0.5, 0.005]),  # once percent, always percent
        ([250], [1.0]),  # capped
    ],
)
def test_progress_scale(values: list[float], expected: list[float]) -> None:
    scale = ProgressScale()
    current: float | None = None
    got = []
    for value in values:
        fraction = scale.fraction(value, current)
        assert fraction is not None
        got.append(fraction)
        current = max(current or 0.0, fraction)
    assert got == pytest.approx(expected)


@pytest.mark.parametrize("value", [None, float("nan"), -0.1, -50])
def test_progress_scale_rejects_nonsense(value: float | None) -> None:
    assert ProgressScale().fraction(value, None) is None


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True) | st.none(), max_size=20))
def test_progress_scale_stays_in_range(values: list[float | None]) -> None:
    scale = ProgressScale()
    for value in values:
        fraction = scale.fraction(value, 0.3)
        assert fraction is None or 0.0 <= fraction <= 1.0


# --------------------------------------------------------------------------- EngineConfig


def test_the_engine_reads_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # The intervals are the settings' to read (one reader, one rule): a value
    # the settings would refuse must not reach the engine by another road.
    monkeypatch.setenv("FRAMECAST_POLL_INTERVAL", "1e-9")
    monkeypatch.setenv("FRAMECAST_SSE_IDLE_TIMEOUT", "2")
    config = EngineConfig()
    assert config.poll_interval == 5.0
    assert config.sse_idle_timeout == 45.0
    assert config.safety_poll_interval == 30.0


def test_for_intervals_scales_the_cadences_that_follow() -> None:
    config = EngineConfig.for_intervals(0.5, 2.0)
    assert config.poll_interval == 0.5
    assert config.sse_idle_timeout == 2.0
    assert config.safety_poll_interval == pytest.approx(3.0)  # six base intervals
    assert config.poll_interval_max >= config.poll_interval


def test_for_intervals_long_interval_raises_the_cap() -> None:
    config = EngineConfig.for_intervals(60.0, 45.0)
    assert config.poll_interval_max == 60.0
    assert config.safety_poll_interval == 60.0


def test_for_intervals_overrides_win() -> None:
    config = EngineConfig.for_intervals(0.5, 45.0, safety_poll_interval=7.0, offline_give_up=10.0)
    assert config.poll_interval == 0.5
    assert config.safety_poll_interval == 7.0
    assert config.offline_give_up == 10.0


def test_the_settings_intervals_reach_the_engine(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FRAMECAST_CONFIG_DIR", str(tmp_path))
    monkeypatch.setenv("FRAMECAST_POLL_INTERVAL", "0.5")
    monkeypatch.setenv("FRAMECAST_SSE_IDLE_TIMEOUT", "2")
    settings = load_settings()
    config = EngineConfig.for_intervals(settings.poll_interval, settings.sse_idle_timeout)
    assert (config.poll_interval, config.sse_idle_timeout) == (0.5, 2.0)


# --------------------------------------------------------------------------- Poller.interval


def _poller(config: EngineConfig) -> Poller:
    def ignore(*_: object) -> None:
        return None

    return Poller(
        cast(SuperDuperClient, object()),
        file_id="f",
        project_id=None,
        config=config,
        diagnostics=Diagnostics(),
        on_file=ignore,
        on_project=ignore,
        on_error=ignore,
        on_success=ignore,
    )


def test_poller_interval_grows_for_long_jobs_and_is_capped() -> None:
    poller = _poller(EngineConfig(poll_interval=2.0, poll_interval_max=30.0))
    assert poller.interval == 2.0
    poller._started -= 200
    assert poller.interval == 4.0
    poller._started -= 500
    assert poller.interval == 8.0
    poller.errors_in_a_row = 3
    assert poller.interval == 30.0  # 8 * 2**3, capped


def test_poller_interval_backs_off_on_errors() -> None:
    poller = _poller(EngineConfig(poll_interval=1.0, poll_interval_max=30.0))
    seen = []
    for errors in range(8):
        poller.errors_in_a_row = errors
        seen.append(poller.interval)
    assert seen == [1, 2, 4, 8, 16, 30, 30, 30]


def test_poller_safety_net_interval_while_sse_is_live() -> None:
    poller = _poller(EngineConfig(poll_interval=1.0, safety_poll_interval=30.0))
    poller.set_primary(False)
    assert poller.interval == 30.0
    poller.set_primary(True)
    assert poller.interval == 1.0
    assert poller.diagnostics.polling_fallbacks == 1


def test_poller_needs_an_id() -> None:
    with pytest.raises(ValueError):
        Poller(
            cast(SuperDuperClient, object()),
            file_id=None,
            project_id=None,
            config=EngineConfig(),
            diagnostics=Diagnostics(),
            on_file=print,
            on_project=print,
            on_error=print,
            on_success=print,
        )


# --------------------------------------------------------------------------- limits


@pytest.mark.parametrize(
    "field", ["poll_interval", "sse_idle_timeout", "sse_retry_min", "poll_budget"]
)
@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf")])
def test_config_refuses_intervals_and_budgets_that_are_not_finite_and_positive(
    field: str, value: float
) -> None:
    with pytest.raises(ValueError, match=field):
        EngineConfig(**{field: value})


def test_poller_stops_at_its_budget() -> None:
    import asyncio

    from app.api.models import FileObject

    class CountingClient:
        calls = 0

        async def get_file(self, file_id: str) -> FileObject:
            CountingClient.calls += 1
            return FileObject(id=file_id)

    def ignore(*_: object) -> None:
        return None

    poller = Poller(
        cast(SuperDuperClient, CountingClient()),
        file_id="f",
        project_id=None,
        config=EngineConfig(poll_interval=0.001, poll_interval_max=0.001, poll_budget=7),
        diagnostics=Diagnostics(),
        on_file=ignore,
        on_project=ignore,
        on_error=ignore,
        on_success=ignore,
    )
    asyncio.run(asyncio.wait_for(poller.run(), 30))  # returns by itself
    assert CountingClient.calls == poller.polls_made == 7
