"""pack diff tries cases on both sides of every threshold the two packs set differently.

Fresh-eyes: a copy of the default pack with p1_met_years 3 -> 5 was said to change
"0 of 96 cases": no scenario has a candidate with 3 or 4 years, and one with 4 years
goes from appoint to coach. A consultant would have told the client it was harmless.
"""

from __future__ import annotations

import json
import re
import shutil

from leadfit.forms.case import build_case
from leadfit.rules.authoring.diff import scenario_cases, with_boundaries
from leadfit.rules.authoring.diff_boundaries import moved_thresholds
from leadfit.rules.model.library import default_pack, load_pack
from leadfit.rules.runtime.assess import evaluate
from tests.helpers import REPO, run_cli

DEFAULT = REPO / "rules" / "packs" / "default"


def _copy_with_p1_met_years_5(tmp_path):
    """The fresh-eyes pack: the default copied, one threshold moved, nothing else."""
    folder = tmp_path / "copy"
    shutil.copytree(DEFAULT, folder)
    text = (folder / "pack.yaml").read_text(encoding="utf-8")
    moved = re.sub(r"(?m)^  p1_met_years: 3 ", "  p1_met_years: 5 ", text)
    assert moved != text
    (folder / "pack.yaml").write_text(moved, encoding="utf-8")
    return folder


def test_a_moved_threshold_is_said_to_change_cases_and_is_named(tmp_path):
    folder = _copy_with_p1_met_years_5(tmp_path)
    done = run_cli("pack", "diff", "default", str(folder))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    outcome = next(x for x in out.splitlines() if "cases change outcome" in x)
    assert not outcome.startswith("0 of"), outcome
    assert "Appoint -> Coach" in outcome
    assert "Years managing digital products at 2, 3, 4, 5, 6 (p1_met_years 3 -> 5)" in out
    row = re.search(r"\n  Years managing digital products: 4 +(\d+) +(\d+) +(.*)\n", out)
    assert row and int(row.group(2)) > 0 and "Appoint -> Coach" in row.group(3), out
    head = next(x for x in out.splitlines() if x.startswith("Cases ("))
    made = re.search(r"and (\d+) generated", head)
    assert made and f"Generated: {made.group(1)} cases from" in out


def test_the_json_lists_each_generated_case_and_why(tmp_path):
    folder = _copy_with_p1_met_years_5(tmp_path)
    data = json.loads(run_cli("pack", "diff", "default", str(folder), "--json").stdout)
    assert data["generated"]["cases"] > 0 and data["generated"]["from_scenarios"] > 0
    assert data["generated"]["moved"] == [{"question": "candidate.digital_years",
                                           "values": ["2", "3", "4", "5", "6"],
                                           "why": "p1_met_years 3 -> 5"}]
    four = [c for c in data["changed"] if c["case"].startswith("candidate.digital_years 4: ")]
    assert four and all(c["source"].startswith("generated from ") for c in four)
    assert any(c["outcome"] == ["appoint", "coach"] for c in four)


def test_each_generated_case_changes_as_two_full_assessments_say(tmp_path):
    """Counted independently: every generated case through evaluate() under each pack."""
    a, b = default_pack(), load_pack(_copy_with_p1_met_years_5(tmp_path))
    cases, generated = with_boundaries(a, b, scenario_cases(a, b))
    made = cases[len(cases) - len(generated.cases):]
    assert made and all(c.varied[0] == "candidate.digital_years" for c in made)
    assert {c.varied[1] for c in made} == {2, 3, 4, 5, 6}
    moved = 0
    for c in made:
        case = build_case(c.answers, a.questionnaire)
        x, y = evaluate(case, a), evaluate(case, b)
        assert case.answers["candidate.digital_years"] == c.varied[1]
        moved += x.outcome != y.outcome
        if c.varied[1] in (2, 5, 6):  # the same side of both thresholds: the same outcome
            assert x.outcome == y.outcome, c.name
    assert moved > 0


def test_a_changed_rule_threshold_without_a_parameter_is_named_too():
    gap = load_pack(REPO / "tests" / "fixtures" / "packs" / "lint_readiness_gap")
    moved = {m.question: m for m in moved_thresholds(default_pack(), gap)}
    years = moved["candidate.digital_years"]
    assert set(years.tried) >= {4, 5, 6}
    assert "compared with 5 only in lint-readiness-gap@1.0" in years.why


def test_packs_that_set_the_same_thresholds_generate_no_case():
    a = default_pack()
    assert moved_thresholds(a, a) == []
    done = run_cli("pack", "diff", "default", "default")
    assert "generated" not in done.stdout.lower()


def test_a_days_threshold_is_tried_through_the_later_date():
    """review_latest_days is a count of days between two dates: set through the review date."""
    a, b = load_pack(REPO / "rules" / "archive" / "default-2.4"), load_pack(REPO / "rules" / "archive" / "default-2.5")
    _, generated = with_boundaries(a, b, scenario_cases(a, b))
    days = [g for g in generated.cases if g.question == "derived.review_in_days"]
    assert {g.value for g in days} >= {364, 365, 366}
    for g in days:
        case = build_case(g.answers, a.questionnaire)
        assert (case.answers["org.review_date"] - case.answers["org.assessed_on"]).days == g.value
