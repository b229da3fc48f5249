"""One broken pack per failure mode: each is refused naming file, line and what is allowed."""

from __future__ import annotations

import inspect
import shutil
import sys
from pathlib import Path

import pytest

from leadfit.errors import PackError
from leadfit.rules.model.library import load_pack
from tests.helpers import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "bad_packs"

CASES = [
    # fixture, line, words the message must contain
    ("unknown_key", 5, ["unknown key 'thenn'", "did you mean 'then'", "allowed here: id, summary, when, then"]),
    ("wrong_type", 5, ["then", "must be a list"]),
    ("duplicate_key", 4, ["duplicate key 'summary'", "first at line 3"]),
    ("yes_for_number", 4, ["'candidate.digital_years' is an integer question", "whole number",
                           "got true", "YAML reads yes/no"]),
    ("unknown_catalogue_id", 6, ["'F13' is not a catalogue ID", "allowed: F1"]),
    ("unknown_question", 4, ["unknown question id 'candidate.digtal_years'",
                             "did you mean 'candidate.digital_years'"]),
    ("python_tag", 3, ["tag", "not allowed", "python/object/apply"]),
    ("alias_bomb", 2, ["aliases", "not allowed"]),
    ("unknown_action", 6, ["unknown key 'run_command'", "allowed here: finding, mitigation"]),
    ("unknown_choice_value", 4, ["'fully'", "did you mean 'full'", "one of: none, partial, full"]),
]


@pytest.mark.parametrize("fixture,line,words", CASES, ids=[c[0] for c in CASES])
def test_bad_pack_is_refused_with_file_line_and_allowed(fixture, line, words):
    folder = FIXTURES / fixture
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    text = str(caught.value)
    assert f"{folder / 'rules.yaml'}:{line}:" in text
    for word in words:
        assert word in text


def test_python_tag_never_runs(tmp_path):
    marker = Path("/tmp/leadfit-pwned")
    marker.unlink(missing_ok=True)
    with pytest.raises(PackError):
        load_pack(FIXTURES / "python_tag")
    assert not marker.exists()


def _pack_with_rules_text(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(FIXTURES / "unknown_key", folder)
    (folder / "rules.yaml").write_text(text, encoding="utf-8")
    return folder


def test_deep_nesting_is_named_not_a_crash(tmp_path):
    folder = _pack_with_rules_text(tmp_path, "rules: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert f"{folder / 'rules.yaml'}:1:" in str(caught.value)
    assert "nesting depth" in str(caught.value)


def test_deep_nesting_on_the_pure_python_loader_is_named(tmp_path, monkeypatch):
    """Without libyaml, deep nesting raises RecursionError, which must be named too."""
    from leadfit import yamlparse
    monkeypatch.setattr(yamlparse, "_StrictLoader", yamlparse._PureStrictLoader)
    monkeypatch.setattr(yamlparse, "_SAFE_BASE", yamlparse.yaml.SafeLoader)
    # The pure-Python scanner is quadratic in flow depth (2 x the default limit took 10 s):
    # a limit just above this test's own stack overflows the composer at a small depth.
    limit, frames = sys.getrecursionlimit(), len(inspect.stack(0))
    depth = 2 * (frames + 300)
    folder = _pack_with_rules_text(tmp_path, "rules: " + "[" * depth + "]" * depth + "\n")
    sys.setrecursionlimit(frames + 300)
    try:
        with pytest.raises(PackError) as caught:
            load_pack(folder)
    finally:
        sys.setrecursionlimit(limit)
    assert str(folder / "rules.yaml") in str(caught.value)
    assert "nesting is too deep" in str(caught.value)


def test_duplicate_keys_are_refused_by_the_pure_python_loader_too(monkeypatch):
    from leadfit import yamlparse
    monkeypatch.setattr(yamlparse, "_StrictLoader", yamlparse._PureStrictLoader)
    with pytest.raises(PackError, match="duplicate key 'summary'"):
        load_pack(FIXTURES / "duplicate_key")


def test_oversized_file_is_refused_before_parsing(tmp_path):
    folder = _pack_with_rules_text(tmp_path, "rules: []\n# " + "x" * 600_000 + "\n")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert str(folder / "rules.yaml") in str(caught.value)
    assert "larger than 512 KiB" in str(caught.value)


def test_every_problem_is_reported_at_once(tmp_path):
    text = (FIXTURES / "unknown_question" / "rules.yaml").read_text() + (
        "  - id: two\n    summary: Second bad rule.\n    when: {eq: {candidate.owns_pnl: fully}}\n"
        "    then:\n      - finding: {id: F99, severity: high}\n")
    folder = _pack_with_rules_text(tmp_path, text)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert len(caught.value.problems) == 3


def test_symlink_outside_the_pack_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("rules: []\n")
    folder = tmp_path / "pack"
    folder.mkdir()
    shutil.copy(FIXTURES / "unknown_key" / "pack.yaml", folder / "pack.yaml")
    (folder / "rules.yaml").symlink_to(outside)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert "outside the pack folder" in str(caught.value)


@pytest.mark.parametrize("fixture", [c[0] for c in CASES])
def test_cli_exits_2_without_traceback(fixture):
    result = run_cli("evaluate", "forms/examples/example-case.yaml", "--pack", str(FIXTURES / fixture))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(FIXTURES / fixture / "rules.yaml") in result.stderr


def test_condition_words_from_other_tools_get_a_useful_hint(tmp_path):
    text = (FIXTURES / "unknown_question" / "rules.yaml").read_text().replace(
        "ge: {candidate.digtal_years: 3}", "gte: {candidate.digital_years: 3}")
    with pytest.raises(PackError, match=r"unknown condition word 'gte' \(did you mean 'ge'\?\)"):
        load_pack(_pack_with_rules_text(tmp_path, text))
