"""The docs a reader needs live in the repository and say what the code does.

README.md and docs/ point only at files the repository has (never at notes
outside it, such as `../shared/...`), and docs/cli.md lists exactly the
subcommands, flags, exit codes and environment variables the code defines, so
neither can drift from the other unnoticed.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from app.cli import exit_codes
from app.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CLI_DOC = ROOT / "docs" / "cli.md"
DOCS = [README, *sorted((ROOT / "docs").glob("**/*.md"))]
SOURCES = sorted((ROOT / "app").glob("**/*.py"))

#: Notes kept beside the repository while it was written; a user's clone has none of them.
OUTSIDE_NOTES = re.compile(
    r"\.\./shared|/work/shared|\bshared/[\w.-]+"
    r"|\b(?:DESIGN|STYLE|cli-contract|superduperai-api)\.md\b"
)
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")
ENV_VARIABLE = re.compile(r"\b(?:FRAMECAST|SUPERDUPERAI)_[A-Z][A-Z_]*[A-Z]\b")
REPO_PATH = re.compile(r"`((?:app|docs|packaging|resources|scripts|tests)/[\w./-]*[\w/])`")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
#: Written on another branch at the same time; checked like any other once it is here.
WRITTEN_ELSEWHERE = {"docs/api.md"}


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def sections(markdown: str) -> dict[str, str]:
    """Level-2 headings of a Markdown text and the text under each."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def flags_of(parser: argparse.ArgumentParser) -> set[str]:
    return {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }


def positionals_of(parser: argparse.ArgumentParser) -> set[str]:
    return {str(a.metavar or a.dest) for a in parser._actions if not a.option_strings}


def synopsis() -> dict[str, str]:
    """docs/cli.md's first code block: each subcommand's lines, continuations included."""
    block = CLI_DOC.read_text().split("```", 2)[1]
    usage: dict[str, str] = {}
    current = ""
    for line in block.splitlines():
        match = re.match(r"framecast (\w+)", line)
        if match:
            current = match.group(1)
        elif not line.startswith(" "):
            current = ""
        if current:
            usage[current] = usage.get(current, "") + line + "\n"
    return usage


@pytest.mark.parametrize("path", [*DOCS, *SOURCES], ids=relative)
def test_points_at_nothing_outside_the_repository(path: Path) -> None:
    found = [
        f"{relative(path)}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OUTSIDE_NOTES.search(line)
    ]
    assert not found, "point at docs/ instead:\n" + "\n".join(found)


@pytest.mark.parametrize("doc", DOCS, ids=relative)
def test_every_file_a_doc_names_exists(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    named = set(REPO_PATH.findall(text))
    named |= {
        relative((doc.parent / target).resolve())
        for target in LINK.findall(text)
        if "://" not in target and not target.startswith("mailto:")
    }
    missing = sorted(
        name for name in named - WRITTEN_ELSEWHERE if not (ROOT / name.rstrip("/")).exists()
    )
    assert not missing, f"{relative(doc)} names files that do not exist: {missing}"


def test_api_doc_is_here_once_its_branch_is() -> None:
    for name in WRITTEN_ELSEWHERE:
        if not (ROOT / name).exists():
            pytest.skip(f"{name} is written on another branch and not merged here yet")
    assert all((ROOT / name).is_file() for name in WRITTEN_ELSEWHERE)


def test_readme_states_the_two_commands_and_the_makefile_has_them() -> None:
    text = README.read_text(encoding="utf-8")
    commands = sections(text)["The two commands"]
    assert re.search(r"^make run\b", commands, re.MULTILINE)
    assert re.search(r"^make test\b", commands, re.MULTILINE)
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^run:", makefile, re.MULTILINE)
    assert re.search(r"^test:", makefile, re.MULTILINE)
    for doc in ("docs/architecture.md", "docs/cli.md", "docs/api.md"):
        assert f"]({doc})" in text, f"README.md does not link {doc}"


def test_cli_doc_has_a_section_for_each_subcommand_and_no_other() -> None:
    documented = {
        match.group(1)
        for title in sections(CLI_DOC.read_text())
        if (match := re.fullmatch(r"`framecast (\w+)`", title))
    }
    assert documented == set(subcommands())
    assert set(synopsis()) == set(subcommands())


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_cli_doc_lists_exactly_the_flags_argparse_defines(name: str) -> None:
    parser = subcommands()[name]
    section = sections(CLI_DOC.read_text())[f"`framecast {name}`"]
    assert set(FLAG.findall(section)) == flags_of(parser), "the section's flags"
    assert set(FLAG.findall(synopsis()[name])) == flags_of(parser), "the synopsis' flags"
    for positional in positionals_of(parser):
        assert f"`{positional}`" in section
        assert positional in synopsis()[name]


def test_cli_doc_lists_the_global_options() -> None:
    text = CLI_DOC.read_text()
    assert flags_of(build_parser()) == {"--version"}
    assert "framecast --version" in text and "framecast --help" in text


def test_cli_doc_lists_exactly_the_exit_codes() -> None:
    codes = {value for name, value in vars(exit_codes).items() if name.startswith("EXIT_")}
    table = sections(CLI_DOC.read_text())["Exit codes"]
    assert {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)} == codes


def test_cli_doc_lists_exactly_the_environment_variables_the_code_reads() -> None:
    in_code = {name for path in SOURCES for name in ENV_VARIABLE.findall(path.read_text())}
    table = sections(CLI_DOC.read_text())["Environment variables"]
    documented = set(re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE))
    assert documented == in_code
