"""pack diff: rule changes, the impact table over real cases, and its counts."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
import yaml

from leadfit.forms.case import build_case
from leadfit.rules.authoring import diff_cases
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.authoring.diff import CaseInput, impact, scenario_cases
from leadfit.rules.model.library import default_pack, resolve_pack
from leadfit.words import outcome_short_words
from tests.helpers import EXAMPLE_CASE, REPO, run_cli

REPO_FIXTURES = REPO / "tests" / "fixtures" / "packs"


def _expected_moves(a, b) -> tuple[int, Counter]:
    """Counted independently: each scenario of both packs through the engine, twice."""
    seen, moves = set(), Counter()
    for s in a.scenarios + b.scenarios:
        key = (s.name, repr(sorted(s.answers.items(), key=str)))
        if key in seen:
            continue
        seen.add(key)
        case = build_case(s.answers, a.questionnaire)
        x, y = evaluate(case, a).outcome, evaluate(case, b).outcome
        if x != y:
            moves[(outcome_short_words(x), outcome_short_words(y))] += 1
    return len(seen), moves


@pytest.mark.parametrize("client", ["bank", "public-sector"])
def test_pack_diff_prints_the_impact_table_and_its_counts_add_up(client):
    a, b = default_pack(), resolve_pack(client)
    total, moves = _expected_moves(a, b)
    done = run_cli("pack", "diff", "default", client)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "case" in out and "outcome" in out and "risk" in out and "IDs" in out
    line = next(x for x in out.splitlines() if "cases change outcome" in x)
    assert line.startswith(f"{sum(moves.values())} of {total} cases change outcome")
    for (x, y), n in moves.items():
        assert f"{n} {x} -> {y}" in line
    assert "" == done.stderr  # no progress bar when stderr is not a terminal


def test_bank_diff_names_the_rules_and_the_cases_it_changes():
    out = run_cli("pack", "diff", "default", "bank").stdout
    assert "+ bank-pnl-required  [bank@1.3]" in out  # 1.3: beside the default's p2-no-pnl, not over it
    assert "~ p2-shared-pnl (severity)  [default@2.9 -> bank@1.3]\n      severity: P2 medium  ->  P2 high\n" in out
    assert "bank-coach-needs-cpo" not in out  # 1.3: without a CPO the outside coach coaches
    row = next(x for x in out.splitlines() if x.strip().startswith("never owned a profit and loss"))
    assert "Coach -> Hire" in row


def test_pack_diff_says_outcomes_in_words_never_their_codes():
    """A consultant reads 'Coach -> Hire', as the client would; the codes stay in --json."""
    out = run_cli("pack", "diff", "default", "bank").stdout
    cases = out[out.index("\nCases ("):]
    assert "Coach -> Hire" in cases and "hire_external" not in cases
    assert re.search(r"\d+ of \d+ cases change outcome: \d+ Coach -> Hire", cases)
    data = json.loads(run_cli("pack", "diff", "default", "bank", "--json").stdout)
    assert {"from": "coach", "to": "hire_external"} == {k: data["outcome_changes"][0][k] for k in ("from", "to")}


def test_pack_diff_json_matches_the_table():
    data = json.loads(run_cli("pack", "diff", "default", "public-sector", "--json").stdout)
    assert data["a"] == "default@2.9" and data["b"] == "public-sector@1.10"
    assert {r["id"] for r in data["rules"] if r["change"] == "removed"} == set()  # P2 reworded, kept
    assert {"p2-owns-pnl", "p2-shared-pnl", "p2-no-pnl"} <= {
        r["id"] for r in data["rules"] if r["change"] == "changed" and r["keys"] == ["summary"]}
    moved = sum(c["cases"] for c in data["outcome_changes"])
    assert data["totals"][0].startswith(f"{moved} of {data['cases']} cases change outcome")
    assert not any(c["outcome"][0] != c["outcome"][1] for c in data["changed"])  # words only


def test_pack_diff_over_a_folder_of_cases(tmp_path):
    answers = yaml.safe_load(EXAMPLE_CASE.read_text())["answers"]
    (tmp_path / "one.yaml").write_text(yaml.safe_dump({"answers": answers}))
    no_pnl = dict(answers, **{"candidate.owns_pnl": "partial", "org.cpo_available": True,
                              "candidate.holds_line": "some"})  # near critical under default
    (tmp_path / "two.yaml").write_text(yaml.safe_dump({"answers": no_pnl}))
    done = run_cli("pack", "diff", "default", "bank", "--cases", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "Cases (2, case files in" in done.stdout
    assert re.search(r"two\s+Coach -> Hire", done.stdout)


def test_unreadable_case_files_are_named_and_exit_2(tmp_path):
    (tmp_path / "good.yaml").write_text(EXAMPLE_CASE.read_text())
    (tmp_path / "bad.yaml").write_text("answers:\n  candidate.digital_yeers: 3\n")
    done = run_cli("pack", "diff", "default", "bank", "--cases", str(tmp_path))
    assert done.returncode == 2
    assert "bad.yaml" in done.stdout and "did you mean 'candidate.digital_years'" in done.stdout
    assert "Traceback" not in done.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_cli("pack", "diff", "default", "bank", "--cases", str(empty))
    assert done.returncode == 2 and "no case files" in done.stderr


def test_worker_processes_give_the_same_impact_as_one_process(monkeypatch):
    a, b = default_pack(), resolve_pack("bank")
    cases = scenario_cases(a, b)
    serial = impact(a, b, cases, workers=1)
    monkeypatch.setattr(diff_cases, "PARALLEL_FROM", 5)
    monkeypatch.setattr(diff_cases, "CHUNK", 7)
    ticks = []
    parallel = impact(a, b, cases, progress=lambda done, total: ticks.append((done, total)), workers=2)
    assert parallel.to_data() == serial.to_data()
    assert ticks[-1] == (len(cases), len(cases)) and len(ticks) == -(-len(cases) // 7)


def test_cases_with_the_same_relevant_answers_are_evaluated_once():
    a, b = default_pack(), resolve_pack("bank")
    answers = yaml.safe_load(EXAMPLE_CASE.read_text())["answers"]
    cases = [CaseInput(f"c{i}", "test", dict(answers, **{"candidate.name": f"Person {i}"}))
             for i in range(5)]
    evaluator = diff_cases.Evaluator(a, b)
    results = [evaluator.pair(c.answers) for c in cases]
    assert len(evaluator.cache) == 1 and len(set(results)) == 1


def test_progress_bar_draws_on_a_terminal_and_clears_itself(monkeypatch):
    import io

    from leadfit.cli import pack_diff
    err = io.StringIO()
    monkeypatch.setattr(pack_diff.sys, "stderr", err)
    show = pack_diff._progress_bar(width=10)
    show(5, 10)
    assert "[#####.....] 5/10 cases" in err.getvalue()
    show(10, 10)
    assert err.getvalue().endswith("\r")


def test_totals_over_one_case_are_grammatical(tmp_path):
    (tmp_path / "one.yaml").write_text(EXAMPLE_CASE.read_text())
    done = run_cli("pack", "diff", "default", "bank", "--cases", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "of 1 case changes outcome" in done.stdout and "cases change" not in done.stdout


def test_a_changed_threshold_shows_before_and_after_in_words():
    gap = str(REPO_FIXTURES / "lint_readiness_gap")
    out = run_cli("pack", "diff", "default", gap).stdout
    assert ("  ~ p1-experienced (when)  [default@2.9 -> lint-readiness-gap@1.0]\n"
            "      when: Years managing digital products is at least 3  ->"
            "  Years managing digital products is at least 5\n") in out
    data = json.loads(run_cli("pack", "diff", "default", gap, "--json").stdout)
    change = next(r for r in data["rules"] if r["id"] == "p1-experienced")
    assert change["changes"] == [{"key": "when", "before": "Years managing digital products is at least 3",
                                  "after": "Years managing digital products is at least 5"}]


def test_a_changed_parameter_is_a_setting_line(tmp_path):
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "pack.yaml").write_text('name: client\nversion: "1.0"\nextends: default@2.9\n'
                                      "parameters:\n  p1_met_years: 5\n")
    done = run_cli("pack", "diff", "default", str(folder))
    assert done.returncode == 0, done.stderr
    assert "\nSettings:\n  parameter p1_met_years: 3 -> 5\n" in done.stdout
