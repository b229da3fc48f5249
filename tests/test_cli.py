"""The command line: questionnaire, evaluation JSON, pack verbs."""

from __future__ import annotations

import json

import pytest
import yaml

from leadfit.forms.questionnaire import Question
from leadfit.rules.model.library import bundled_pack_names, default_pack
from tests.helpers import DEFAULT_PACK, EXAMPLE_CASE, run_cli, run_cli_process

REQUIRED_KEYS = {"outcome", "risk", "findings", "mitigations", "readiness", "signals", "missing",
                 "why_not", "pack", "engine"}


def test_questions_json_lists_every_section_and_catalogue_link():
    result = run_cli("questions", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert [s["id"] for s in data["sections"]] == ["stream", "candidate", "selection", "support"]
    q = {q["id"]: q for s in data["sections"] for q in s["questions"]}
    assert q["candidate.digital_years"]["informs"] == ["P1", "F1"]
    assert q["org.coach_available"]["ask_if"] == {"eq": {"org.cpo_available": False}}


def test_questions_text_is_readable():
    result = run_cli("questions")
    assert "Years managing digital products" in result.stdout
    assert "whole number from 0 to 50" in result.stdout
    assert "one of: none (No); partial (Shared or partly); full (Yes, fully accountable)" in result.stdout
    assert "asked only if Share of their time kept in the former role is more than 0" in result.stdout


def test_long_reasons_are_wrapped_into_readable_lines():
    result = run_cli("evaluate", str(EXAMPLE_CASE))
    assert max(len(line) for line in result.stdout.splitlines()) <= 110
    assert "  Hire an experienced Product Director:\n    - Nothing in the answers calls for it." \
        in result.stdout


def test_why_not_reads_in_words_without_rule_ids_or_logic():
    """An executive reading the terminal sees reasons, never 'p1-some-experience' or '(a and (b or c))'."""
    out = run_cli("evaluate", str(EXAMPLE_CASE)).stdout
    why_not = out[out.index("\nWhy not:"):out.index("\nWhat would change it:")]
    assert "  Appoint:\n    - Has run digital products, but not yet long enough" in why_not
    for code in ("p1-some-experience", "hire_external:", "It would need one of", " and (", "is at least"):
        assert code not in why_not


def test_evaluate_json_has_the_documented_shape():
    """A fresh ``python -m leadfit`` process: the boundary a user's shell sees."""
    result = run_cli_process("evaluate", str(EXAMPLE_CASE), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert REQUIRED_KEYS <= set(data)
    assert data["outcome"] == "coach"
    assert data["pack"]["fingerprint"] == default_pack().fingerprint
    assert data["engine"]["name"] == "durable-rules"
    assert all(f["rule"] and f["because"] for f in data["findings"])
    assert all(m["rules"] for m in data["mitigations"])
    assert {r["id"] for r in data["readiness"]} == {"P1", "P2", "P3", "P4", "P5", "P6"}
    assert set(data["why_not"]) == {"appoint", "hire_external"}


def test_evaluate_text_shows_titles_and_the_ids_only_with_details():
    result = run_cli("evaluate", str(EXAMPLE_CASE))
    assert result.returncode == 0
    assert "Recommendation: Appoint with coaching\n" in result.stdout
    assert "Recommendation: coach" not in result.stdout
    assert "  - Steep learning curve (high)" in result.stdout and "F1" not in result.stdout
    assert "  - Fail fast: " in result.stdout and "M10" not in result.stdout
    detailed = run_cli("evaluate", str(EXAMPLE_CASE), "--details").stdout
    assert "F1 Steep learning curve" in detailed and "M10 Fail fast" in detailed


def test_each_scenario_through_the_cli(tmp_path, capsys):
    """The command's entry point gives each default scenario's expected outcome and IDs.

    In-process (``main``) to spare 66 interpreter start-ups; the subprocess
    tests above cover the installed command itself.
    """
    from leadfit.cli.main import main
    pack = default_pack()
    for i, scenario in enumerate(pack.scenarios):
        path = tmp_path / f"s{i}.yaml"
        path.write_text(yaml.safe_dump({"answers": scenario.answers}), encoding="utf-8")
        code = main(["evaluate", str(path), "--json"])
        data = json.loads(capsys.readouterr().out)
        assert data["outcome"] == scenario.expect.outcome, scenario.name
        assert code == (0 if scenario.expect.outcome else 3)
        cited = {f["id"] for f in data["findings"]} | {m["id"] for m in data["mitigations"]} | {
            m["id"] for m in data["preconditions"]} | {
            s["id"] for s in data["signals"]} | {r["id"] for r in data["readiness"]
                                                  if r["status"] in ("partial", "not_met")}
        assert set(scenario.expect.includes) <= cited, scenario.name
        assert not set(scenario.expect.excludes) & cited, scenario.name


def test_pack_test_lint_fingerprint():
    count = len(default_pack().scenarios)
    assert f"{count} passed, 0 failed" in run_cli("pack", "test", str(DEFAULT_PACK)).stdout
    lint = run_cli("pack", "lint", "default")
    assert lint.returncode == 0 and "0 errors" in lint.stdout
    fp = run_cli("pack", "fingerprint", str(DEFAULT_PACK))
    assert fp.stdout.split()[0] == default_pack().fingerprint


def test_pack_test_reports_what_differed(tmp_path):
    import shutil
    folder = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, folder)
    text = (folder / "scenarios.yaml").read_text()
    (folder / "scenarios.yaml").write_text(text.replace("outcome: appoint", "outcome: hire_external", 1))
    result = run_cli("pack", "test", str(folder))
    assert result.returncode == 1
    assert "scenario 'ready candidate is appointed'" in result.stdout
    assert "outcome: expected Hire, got Appoint" in result.stdout
    assert f"{len(default_pack().scenarios) - 1} passed, 1 failed" in result.stdout


def test_unknown_pack_name_is_named():
    """Exit code and stderr as a shell sees them, from a fresh process."""
    result = run_cli_process("evaluate", str(EXAMPLE_CASE), "--pack", "no-such-pack")
    assert result.returncode == 2 and "no rule pack folder or bundled pack named 'no-such-pack'" in result.stderr


@pytest.mark.parametrize("name", bundled_pack_names())
def test_questions_never_print_none(name):
    out = run_cli("questions", "--pack", name).stdout
    assert "Years managing digital products" in out and "None" not in out


@pytest.mark.parametrize(("kind", "bounds", "words"), [
    ("integer", {}, "any whole number"), ("integer", {"min": 0}, "whole number, 0 or more"),
    ("integer", {"max": 9}, "whole number up to 9"), ("integer", {"min": 1, "max": 5}, "whole number from 1 to 5"),
    ("percent", {"max": 400}, "percentage from 0 to 100"), ("text", {"max_length": 80}, "text, at most 80 characters"),
])
def test_a_question_says_what_it_takes_in_words(kind, bounds, words):
    assert Question("q", "Q", kind, "s", **bounds).domain_words() == words


def test_a_question_a_pack_never_asks_says_so(tmp_path):
    # No bundled pack says "never" since public-sector asks about a service budget (judgement 2.0)
    (tmp_path / "pack.yaml").write_text(
        'name: never-asked\nversion: "1.0"\ntitle: Never asks about a P&L\n'
        f'extends: default@{default_pack().version}\nrelevance:\n  candidate.owns_pnl: never\n')
    out = run_cli("questions", "--pack", str(tmp_path)).stdout
    part = out[out.index("candidate.owns_pnl:"):].split("\n  candidate.")[0]
    assert "never asked: this pack makes it irrelevant" in part and "is one of" not in part
