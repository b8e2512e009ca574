"""Form validation: Generate stays disabled until the form is valid, and says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from app.api.models import GenerationConfig, GenerationRequest, Style
from app.ui.prompt_form import PromptForm
from tests.ui.conftest import wait_for

TEXT_MODEL = GenerationConfig(
    name="test/text",
    label="Text Model",
    type="text_to_video",
    price_per_second=2.0,
    available_durations=[5, 8],
)
IMAGE_MODEL = GenerationConfig(
    name="test/image",
    label="Image Model",
    type="image_to_video",
    price_per_second=0.4,
    available_durations=[5],
    vip_required=True,
)
STYLES = [Style(name="noir", title="Film noir")]


@pytest.fixture
def form(qtbot: QtBot) -> PromptForm:
    widget = PromptForm()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_catalogue([TEXT_MODEL, IMAGE_MODEL], STYLES)
    return widget


def select(form: PromptForm, model: GenerationConfig) -> None:
    form.modelCombo.setCurrentIndex(form.modelCombo.findData(model.name))


def test_generate_is_disabled_until_there_is_a_prompt(form: PromptForm, qtbot: QtBot) -> None:
    assert form.current_model() == TEXT_MODEL  # a text model is the default
    assert not form.generateButton.isEnabled()
    assert "Describe" in form.validationLabel.text()
    qtbot.keyClicks(form.promptEdit, "   ")
    assert not form.generateButton.isEnabled()
    qtbot.keyClicks(form.promptEdit, "a fox in the snow")
    assert form.generateButton.isEnabled()
    assert form.charCount.text().startswith("20 / ")
    form.promptEdit.setPlainText("x" * 2001)
    assert not form.generateButton.isEnabled()
    assert "too long" in form.validationLabel.text()


def test_durations_are_the_models_own_and_the_cost_follows(form: PromptForm) -> None:
    offered = [form.durationCombo.itemData(i) for i in range(form.durationCombo.count())]
    assert offered == [5, 8]
    assert form.costLabel.text() == "Estimated cost: $10.00"
    form.durationCombo.setCurrentIndex(1)
    assert form.costLabel.text() == "Estimated cost: $16.00"
    select(form, IMAGE_MODEL)
    assert [form.durationCombo.itemData(i) for i in range(form.durationCombo.count())] == [5]
    assert "VIP" in form.modelCombo.currentText()
    assert "Animates a picture" in form.modelCaption.text()


def test_a_duration_the_model_does_not_offer_blocks_generate(form: PromptForm) -> None:
    request = GenerationRequest(
        prompt="waves at night",
        generation_config_name="test/text",
        duration=7,
        width=854,
        height=480,
        seed=42,
        frame_rate=30,
    )
    form.apply_request(request)
    assert form.prompt() == "waves at night"
    assert form.durationCombo.currentData() == 7
    assert not form.generateButton.isEnabled()
    assert "does not offer" in form.validationLabel.text()
    form.durationCombo.setCurrentIndex(form.durationCombo.findData(8))
    assert form.generateButton.isEnabled()
    built = form.build_request()
    assert (built.duration, built.width, built.height, built.seed, built.frame_rate) == (
        8,
        854,
        480,
        42,
        30,
    )
    assert built.aspect_ratio == "16:9"


def test_image_models_need_a_valid_picture(form: PromptForm, qtbot: QtBot, tmp_path: Path) -> None:
    select(form, IMAGE_MODEL)
    qtbot.keyClicks(form.promptEdit, "make it move")
    assert form.imageZone.isVisible()
    assert not form.generateButton.isEnabled()
    assert "picture" in form.validationLabel.text()

    fake = tmp_path / "notes.png"
    fake.write_text("this is not a picture")
    form.imageZone.set_image(fake)
    wait_for(qtbot, lambda: form.imageZone.error is not None, 5, "the type check")
    assert "JPEG, PNG or WebP" in form.validationLabel.text()
    assert not form.generateButton.isEnabled()

    big = tmp_path / "big.png"
    Image.new("RGB", (8, 8)).save(big)
    with big.open("ab") as handle:
        handle.write(b"\0" * (10 * 1024 * 1024))
    form.imageZone.set_image(big)
    wait_for(
        qtbot,
        lambda: form.imageZone.error is not None and "10 MB" in form.imageZone.error,
        5,
        "the size check",
    )
    assert not form.generateButton.isEnabled()

    good = tmp_path / "cat.webp"
    Image.new("RGB", (320, 180), (200, 120, 40)).save(good, "WEBP")
    form.imageZone.set_image(good)
    wait_for(qtbot, lambda: form.imageZone.image_path == good, 5, "the picture")
    assert form.imageZone.preview.isVisible()
    assert form.generateButton.isEnabled()
    with qtbot.waitSignal(form.generateRequested) as sent:
        form.generateButton.click()
    request, image = sent.args
    assert image == good
    assert request.generation_config_name == "test/image"


def test_seed_shuffle_and_style(form: PromptForm) -> None:
    before = form.seedEdit.seed()
    seeds = {before}
    for _ in range(5):
        form.shuffleButton.click()
        seeds.add(form.seedEdit.seed())
    assert len(seeds) > 1
    form.styleCombo.setCurrentIndex(form.styleCombo.findData("noir"))
    form.promptEdit.setPlainText("rain")
    assert form.build_request().style_name == "noir"


def test_every_control_has_an_accessible_name(form: PromptForm) -> None:
    for name in (
        "promptEdit",
        "modelCombo",
        "durationCombo",
        "aspectCombo",
        "styleCombo",
        "seedEdit",
        "generateButton",
        "presetCombo",
    ):
        widget = getattr(form, name)
        assert widget.objectName() == name
        assert widget.accessibleName()
