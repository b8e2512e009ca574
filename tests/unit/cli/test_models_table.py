"""`framecast models` prints the service's names and labels as text: no Rich
markup is read in them and no control character reaches the terminal."""

from __future__ import annotations

import json

import pytest

from app.api.models import Account, GenerationConfig
from app.cli.commands import model_json, print_models

MARKUP = "[bold red]x[/]"
ESCAPES = "\x1b[31mred\x1b[0m\x1b]0;title\x07"


def config(name: str, label: str, kind: str = "text_to_video") -> GenerationConfig:
    return GenerationConfig.model_validate(
        {"name": name, "label": label, "type": kind, "source": "local", "params": {}}
    )


def test_hostile_labels_are_shown_as_they_are_written(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # wide enough for every cell whole
    configs = [
        config("fal/[link=https://evil.example]m[/link]", MARKUP),
        config("fal/escapes", ESCAPES),
        config("fal/[i]sound[/i]", MARKUP, kind="text_to_audio"),
    ]
    account = {"id": "a", "sub": "a", "nickname": "a", "email": "a@b.c", "vip": False}
    print_models(configs, Account.model_validate(account))
    out = capsys.readouterr().out
    assert out.count(MARKUP) == 2  # the label in the table and in the line left out
    assert "fal/[link=https://evil.example]m[/link]" in out
    assert "fal/[i]sound[/i]" in out
    assert not any(c in out for c in "\x1b\x07")
    assert "[31mred[0m]0;title" in out  # the words stay; the controls go


def test_the_json_list_keeps_the_label_exactly() -> None:
    entry = model_json(config("fal/x", MARKUP), None)
    assert json.loads(json.dumps(entry))["label"] == MARKUP
