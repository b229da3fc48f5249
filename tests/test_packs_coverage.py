"""Readiness left unknown: answers for which no rule marks a P ID that others mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadfit.forms.case import build_case
from leadfit.rules.authoring import coverage
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.library import load_pack, resolve_pack
from leadfit.rules.authoring.lint import lint_target
from tests.helpers import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "packs"


def _gap_warnings(items) -> list[str]:
    return [str(i) for i in items if "is marked by no rule" in str(i)]


def test_a_raised_threshold_leaves_3_to_4_years_unknown_and_lint_names_it():
    folder = FIXTURES / "lint_readiness_gap"
    _, items = lint_target(folder)
    assert _gap_warnings(items) == [
        (f"error: {folder / 'pack.yaml'}:7: P1 Digital product experience is marked by no rule when"
         " Years managing digital products is 3 to 4: it stays unknown and raises no finding there."
         " Rules that mark it: p1-experienced, p1-some-experience, p1-no-experience;"
         " make their conditions meet (a threshold set once under 'parameters:' moves every rule"
         " that reads it)")]


def test_the_gap_is_real_in_the_engine():
    """What the warning is about: 4 years gives P1 unknown and no F1 in that pack."""
    pack = load_pack(FIXTURES / "lint_readiness_gap")
    answers = _sample_answers(pack) | {"candidate.digital_years": 4}
    result = evaluate(build_case(answers, pack.questionnaire), pack)
    assert {r.id: r.status for r in result.readiness}["P1"] == "unknown"
    assert "F1" not in {f.id for f in result.findings}


def _sample_answers(pack) -> dict:
    from leadfit.rules.authoring.scaffold import _example_scenario
    return dict(_example_scenario(pack)["answers"])


def test_two_questions_and_relevance():
    """The plan question is asked only above 0%: its blank answer there is no gap."""
    _, items = lint_target(FIXTURES / "lint_readiness_gap_two_questions")
    warnings = _gap_warnings(items)
    assert len(warnings) == 1
    assert "P6 Dedicated focus is marked by no rule when" in warnings[0]
    assert ("Share of their time kept in the former role is 11 to 50 and Is there an agreed plan to"
            " reduce the former role? is no") in warnings[0]


def test_several_combinations_are_listed_up_to_three():
    pack = resolve_pack("default")
    q = pack.questionnaire
    gap = coverage.Gap("P6", (), tuple({"candidate.former_role_share": s, "candidate.reduce_former_role": r}
                                       for s in (5, 6, 9) for r in (True, False, None)),
                       ("candidate.former_role_share", "candidate.reduce_former_role"))
    words = coverage.describe_gap(gap, q)
    assert words.startswith("Share of their time kept in the former role is 5 to 6 or 9 and")
    assert words.count("; or when ") == 2 and words.endswith("is not answered")


@pytest.mark.parametrize("years,words", [
    ((None,), "Years managing digital products is not answered"),
    ((3, 4, None), "Years managing digital products is 3 to 4 or not answered"),
])
def test_a_number_left_unanswered_reads_as_a_sentence(years, words):
    """Said "... is is not answered" (fresh eyes, G9) and "is 3 to 4 or is not answered"."""
    q = resolve_pack("default").questionnaire
    gap = coverage.Gap("P1", (), tuple({"candidate.digital_years": y} for y in years),
                       ("candidate.digital_years",))
    assert coverage.describe_gap(gap, q) == words


@pytest.mark.parametrize("name", ["default", "bank", "public-sector"])
def test_shipped_packs_leave_no_readiness_unknown(name):
    _, items = lint_target(name)
    assert _gap_warnings(items) == []


def test_above_the_cap_nothing_is_reported(monkeypatch):
    monkeypatch.setattr(coverage, "CAP", 50)  # digital_years alone has 51 answers
    assert coverage.gaps(load_pack(FIXTURES / "lint_readiness_gap")) == []


def test_a_readiness_gap_is_a_lint_error():
    """The fresh-eyes consultant raised only P1 "met" to 40 years: 5 to 39 years was assessed
    on nothing, and lint only warned. A candidate there is appointed unassessed on P1."""
    done = run_cli("pack", "lint", str(FIXTURES / "lint_readiness_gap"))
    assert done.returncode == 1 and "1 error" in done.stdout, done.stdout


def test_a_threshold_set_once_as_a_parameter_leaves_no_gap(tmp_path):
    folder = tmp_path / "p40"
    folder.mkdir()
    (folder / "pack.yaml").write_text('name: p40\nversion: "0.1"\nextends: default@2.2\n'
                                      "parameters:\n  p1_met_years: 40\n")
    _, items = lint_target(folder)
    assert _gap_warnings(items) == [] and not [i for i in items if i.level == "error"], items


def test_a_parameter_that_inverts_the_articles_order_is_an_error_at_its_line(tmp_path):
    """P1 partly met from 5 years but met from 3: the "partly met" rule can never fire; the
    fault is the client's line, not the base rule's."""
    folder = tmp_path / "inverted"
    folder.mkdir()
    (folder / "pack.yaml").write_text('name: inverted\nversion: "0.1"\nextends: default@2.2\n'
                                      "parameters:\n  p1_partial_years: 5\n")
    done = run_cli("pack", "lint", str(folder))
    assert done.returncode == 1, done.stdout
    assert (f"error: {folder / 'pack.yaml'}:5: rule 'p1-some-experience' (default@2.2) can never fire"
            " with parameters.p1_partial_years = 5 set here") in done.stdout, done.stdout


@pytest.mark.parametrize("values, words", [
    ([None], "Years managing digital products is not answered"),   # was "is is not answered" (G9)
    ([3, 4, None], "Years managing digital products is 3 to 4 or not answered"),
    ([3, 4], "Years managing digital products is 3 to 4"),
])
def test_a_gap_in_a_range_reads_as_one_sentence(values, words):
    assert coverage._ranges("Years managing digital products", values) == words
