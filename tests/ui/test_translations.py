"""The Russian translation loads and changes what the creator sees."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from app.api.models import GenerationConfig
from app.engine.updates import ConnectionState, JobState, JobUpdate, Transport
from app.ui.i18n import install_language, resolve_language
from app.ui.models.jobs import ActiveJob
from app.ui.progress_panel import ProgressCard
from app.ui.prompt_form import PromptForm


@pytest.fixture
def russian() -> Iterator[None]:
    assert install_language("ru") == "ru"
    yield
    install_language("en")


def test_russian_changes_visible_text(russian: None, qtbot: QtBot) -> None:
    form = PromptForm()
    qtbot.addWidget(form)
    free = GenerationConfig(name="m", label="M", available_durations=[5], price_per_second=0)
    form.set_catalogue([free], [])
    assert form.generateButton.text() == "Создать"
    assert form.durationCombo.currentText() == "5 с"
    assert form.costLabel.text() == "Примерная стоимость: Бесплатно"
    assert form.validationLabel.text() == "Опишите видео, чтобы начать."

    update = JobUpdate(
        job_id="job",
        state=JobState.PROCESSING,
        progress=0.25,
        transport=Transport.POLLING,
        connection=ConnectionState.LIVE,
        poll_interval=5,
    )
    card = ProgressCard(ActiveJob("job", update, title="title", duration=5))
    qtbot.addWidget(card)
    assert card.statusLabel.text() == "Рендер · 25%"
    assert card.connectionBadge.text() == "Проверка каждые 5 с"  # Russian plural forms
    assert card.cancelButton.text() == "Отмена"


def test_english_is_the_source_language(qtbot: QtBot) -> None:
    assert install_language("en") == "en"
    assert QCoreApplication.translate("PromptForm", "Generate") == "Generate"
    assert resolve_language("ru") == "ru"
    assert resolve_language("xx") == "en"
    assert resolve_language("system") in ("en", "ru")
