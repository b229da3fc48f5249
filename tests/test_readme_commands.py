"""README's command synopsis agrees with the commands' own --help: every command is
listed, every option it shows exists, and a name the command requires is not shown
as optional (on 010ef79 `correct` and `review` lacked --recorded-by, which they refuse
without)."""

from __future__ import annotations

import argparse
import re

from leadfit.cli.main import build_parser
from tests.helpers import REPO


def _synopsis() -> dict[str, str]:
    """Command -> its synopsis text (continuation lines joined), from README's block."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("## Command line\n\n```\n", 1)[1].split("```", 1)[0]
    entries: dict[str, str] = {}
    command = ""
    for line in block.splitlines():
        if line.startswith("leadfit "):
            command = line.split()[1]
            entries[command] = entries.get(command, "") + " " + line
        elif line.strip():
            entries[command] += " " + line
    return entries


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(found[0].choices) if found else {}


def _helps(command: str) -> str:
    """The command's help and each of its verbs' (pack, register)."""
    parser = _subparsers(build_parser([command]))[command]
    return "\n".join([parser.format_help()]
                     + [verb.format_help() for verb in _subparsers(parser).values()])


def test_readme_lists_every_command_with_only_options_it_takes():
    synopsis = _synopsis()
    commands = set(_subparsers(build_parser(["--help"])))
    assert commands <= set(synopsis), commands - set(synopsis)
    for command, entry in synopsis.items():
        helps = _helps(command)
        for flag in set(re.findall(r"--[a-z][a-z-]*", entry.split("#")[0])):
            assert flag in helps, f"README shows {flag} for leadfit {command}; --help has none"


def test_readme_shows_the_recorders_name_as_required_where_it_is():
    synopsis = _synopsis()
    for command in ("decide", "correct", "review"):
        assert "--recorded-by NAME" in synopsis[command], command
        assert "[--recorded-by" not in synopsis[command], command
