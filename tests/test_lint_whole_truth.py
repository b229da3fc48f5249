"""`pack lint` tells a consultant every mistake in one run, each once, in words.

Fresh-eyes round 4: `p1_met_years: -4` among nine other mistakes was not reported; alone it
gave 14 "can never fire" lines and exit 1 where every other pack error exits 2;
`review_horizon_days: -5` was not flagged; lint and diff printed option codes
("is one of experienced_pds, mixed") where the form shows labels.
"""

from __future__ import annotations

import re
from pathlib import Path

from leadfit.rules.model.library import default_pack
from tests.helpers import run_cli

BASE = f"default@{default_pack().version}"


def _pack(tmp_path: Path, pack_yaml: str, rules: str | None = None, scenarios: str | None = None) -> Path:
    folder = tmp_path / "acme"
    folder.mkdir()
    (folder / "pack.yaml").write_text(f'name: acme\nversion: "0.1"\nextends: {BASE}\n' + pack_yaml,
                                      encoding="utf-8")
    for name, text in (("rules.yaml", rules), ("scenarios.yaml", scenarios)):
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


def _errors(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith("error: ")]


def test_a_negative_threshold_is_said_once_at_its_line_with_what_is_allowed(tmp_path):
    folder = _pack(tmp_path, "parameters:\n  p1_met_years: -4\n")
    result = run_cli("pack", "lint", folder)
    assert result.returncode == 2, result.stdout  # the pack does not load: as every pack error
    errors = _errors(result)
    assert len(errors) == 1, "\n".join(errors)
    said = errors[0]
    assert f"{folder / 'pack.yaml'}:5:" in said
    assert "-4 is outside what “Years managing digital products” can be (a whole number from 0 to 50)" in said
    assert re.search(r"\b\d+ of the \d+ rules that compare with it can never fire \('p1-some-experience'", said)
    assert "can never fire with parameters" not in result.stdout


def test_a_review_horizon_before_the_assessment_is_flagged(tmp_path):
    folder = _pack(tmp_path, "parameters:\n  review_horizon_days: -5\n")  # 0 too: questionnaire 4
    result = run_cli("pack", "lint", folder)
    assert result.returncode == 2
    said = _errors(result)
    assert len(said) == 1 and f"{folder / 'pack.yaml'}:5:" in said[0], said
    assert ("-5 is outside what “Days from the assessment to the first review” can be"
            " (a whole number, 1 or more)") in said[0]  # questionnaire 4: never the assessment day
    assert "'m10-review-set'" in said[0]


def test_every_mistake_of_a_pack_with_many_is_named_in_one_run(tmp_path):
    folder = _pack(
        tmp_path,
        "parameters:\n  p1_met_years: -4\n  review_horizon_days: -5\n  p1_met_yeers: 4\n"
        "disable: [no-such-rule]\noverride:\n  f6-no-craft:\n    severity: severe\n",
        rules="rules:\n  - id: acme-partly\n    summary: A partly owned P&L.\n"
              "    when: {eq: {candidate.owns_pnl: partly}}\n    then:\n"
              "      - finding: {id: F99, severity: high}\n"
              "  - id: acme-never\n    summary: Cannot hold.\n    when:\n      all:\n"
              "        - lt: {candidate.digital_years: 2}\n        - ge: {candidate.digital_years: 4}\n"
              "    then:\n      - finding: {id: F1, severity: high}\n",
        scenarios="scenarios:\n  - name: years in words\n    answers: {candidate.digital_years: lots}\n"
                  "    expect: {outcome: appoint}\n")
    result = run_cli("pack", "lint", folder)
    assert result.returncode == 2
    errors = _errors(result)
    expected = {  # file:line -> words that say what is allowed there
        "pack.yaml:5:": "from 0 to 50", "pack.yaml:6:": "1 or more",
        "pack.yaml:7:": "did you mean 'p1_met_years'", "pack.yaml:8:": "no-such-rule",
        "pack.yaml:11:": "'low', 'medium', 'high' or 'critical'",
        "rules.yaml:4:": "did you mean 'partial'", "rules.yaml:6:": "did you mean 'F9'",
        "rules.yaml:7:": "can never fire",  # a lint finding, in the same run as the refusal
        "scenarios.yaml:3:": "must be a whole number, got 'lots'",
    }
    for where, words in expected.items():
        hits = [e for e in errors if f"{folder}/{where}" in e and words in e]
        assert len(hits) == 1, f"{where} {words!r} not said once in:\n" + "\n".join(errors)
    assert len(errors) == len(expected), "\n".join(errors)


def test_base_rules_silenced_by_a_value_in_range_are_one_line_at_the_parameter(tmp_path):
    folder = _pack(tmp_path, "parameters:\n  p1_met_years: 0\n")  # every candidate "met": partly met is dead
    result = run_cli("pack", "lint", folder)
    assert result.returncode == 1  # it loads; lint finds it
    errors = _errors(result)
    assert len(errors) == 1, "\n".join(errors)
    assert re.search(re.escape(f"{folder / 'pack.yaml'}:5: parameters.p1_met_years = 0 set here: ") + r"\d+ "
                     + re.escape(f"{BASE} rules that compare with it can never fire ('p1-some-experience'"),
                     errors[0]), errors[0]
    assert "“Years managing digital products” (whole number from 0 to 50)" in errors[0]


def test_base_rules_a_relevance_here_silences_are_one_line_at_the_relevance(tmp_path):
    """Fresh eyes G6: `relevance: {candidate.digital_years: never}` gave an error at each base
    rule reading it, at default's rules.yaml lines the consultant must never edit."""
    folder = _pack(tmp_path, "relevance:\n  candidate.digital_years: never\n")
    result = run_cli("pack", "lint", folder)
    errors = _errors(result)
    assert result.returncode == 1 and errors, result.stdout + result.stderr
    assert all(f"{folder / 'pack.yaml'}:5: " in e for e in errors), "\n".join(errors)
    silenced = [e for e in errors if "can never fire" in e]
    assert len(silenced) == 1, "\n".join(errors)
    assert re.search(re.escape("relevance of “Years managing digital products” (candidate.digital_years)"
                               " set here: ") + r"\d+ " + re.escape(f"{BASE} rules that read it can never"
                                                                    " fire ('"), silenced[0]), silenced[0]


def test_a_gap_left_by_disabling_a_marking_rule_is_at_that_disable_line(tmp_path):
    """Fresh eyes G6 b: the P2 gap from disabling p2-owns-pnl was put at an unrelated override."""
    folder = _pack(tmp_path, "disable: [r3-rivals, p2-owns-pnl]\n"
                   "override:\n  p2-shared-pnl:\n    severity: high\n")
    result = run_cli("pack", "lint", folder)
    gap = [e for e in _errors(result) if "P2 " in e and "marked by no rule" in e]
    assert len(gap) == 1, result.stdout
    assert gap[0].startswith(f"error: {folder / 'pack.yaml'}:4: ")  # the disable line, not 7
    assert "'p2-owns-pnl', disabled here" in gap[0]


def test_lint_names_choices_by_their_labels(tmp_path):
    folder = _pack(tmp_path, "override:\n  f10-uneven-streams:\n    when:\n      all:\n"
                   "        - in: {stream.other_stream_leads: [experienced_pds, mixed]}\n"
                   "        - eq: {stream.other_stream_leads: executives}\n")
    result = run_cli("pack", "lint", folder)
    said = next(e for e in _errors(result) if "'f10-uneven-streams' can never fire" in e)
    labels = default_pack().questionnaire.questions["stream.other_stream_leads"].options
    assert f"is one of “{labels['experienced_pds']}”, “{labels['mixed']}”" in said
    allowed = said.split("the conditions on", 1)[1]
    assert "one of " + ", ".join(f"“{label}”" for label in labels.values()) in allowed
    assert "experienced_pds" not in said and "executives and" not in said


def test_pack_diff_names_choices_by_their_labels(tmp_path):
    folder = _pack(tmp_path, "override:\n  f10-uneven-streams:\n    when:\n      all:\n"
                   "        - eq: {stream.other_stream_leads: mixed}\n"
                   "        - lt: {candidate.digital_years: 3}\n")
    result = run_cli("pack", "diff", "default", folder)
    assert result.returncode == 0, result.stderr
    detail = next(line for line in result.stdout.splitlines() if line.strip().startswith("when"))
    labels = default_pack().questionnaire.questions["stream.other_stream_leads"].options
    assert f"is one of “{labels['experienced_pds']}”, “{labels['mixed']}”' -> " in detail
    assert f"is “{labels['mixed']}”'" in detail
    assert "experienced_pds" not in result.stdout and "is mixed" not in result.stdout
