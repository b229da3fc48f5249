"""Default 2.6: what the checks of 2.5 left over (docs/judgement.md, "Default 2.6").

Each test reads what a person sees (the assessment, ``leadfit evaluate``) on a default scenario
written from the article, and checks that the archived 2.5 still says what its records hold.
"""

from __future__ import annotations

import itertools
import tempfile
from functools import cache
from pathlib import Path

import pytest

from hypothesis import given

from leadfit.rules.model.library import archived_packs_dir, default_pack
from leadfit.rules.model.pack import load_pack
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.runtime.answer_space import reading
from tests.test_judgement_selection import _case, _said
from tests.test_unknowns import PACK, SETTINGS, cases

WEAK_HALF = "weak candidate keeps half the old job, and no one can be hired"
NO_COACH_NO_HIRE = "nobody to coach and no one can be hired"
CANNOT_HIRE = "hiring impossible forces coaching at higher risk"
CAPACITY = "capable, keeps sixty percent with no plan"
THIRD = "learner with a CPO keeps a third of the old job with no plan"
THIRD_PILE_UP = "learner with a CPO keeps a third of the old job with no plan, and the failure modes pile up"
TWO_FIFTHS = "learner on a low-stakes stream, plan leaves two fifths"
STEPS_FIRST = "Appoint once the steps before the appointment are done"


@cache
def _old():
    return load_pack(archived_packs_dir() / "default-2.5")


def _both(name: str, **changes):
    """(2.6's assessment, the archived 2.5's) of a scenario, with changes."""
    return (evaluate(_case(name, **changes), default_pack()),
            evaluate(_case(name, _old(), **changes), _old()))


def _severity(a, fid: str) -> str:
    return next(f.severity for f in a.findings if f.id == fid)


# --- 1: hiring advised but not possible: the headline says so and what follows ---------------
def test_where_hiring_is_advised_but_not_possible_the_headline_says_so(tmp_path):
    new, old = _both(WEAK_HALF)
    assert old.outcome_title == "Appoint with coaching"  # 2.5: read as a plain recommendation
    assert new.outcome == old.outcome == "coach"  # the record's outcome is the fallback, as before
    # 2.8: the fallback's title says it stands on the steps before the appointment (lighten the load)
    coached = "Appoint with coaching once the steps before the appointment are done"
    assert new.outcome_title == f"Hiring is advised but not possible here; fallback: {coached}, at higher risk"
    # the fourth reader (D3): "is advised instead" read as advice; the constraint calls it the fallback
    assert any(f"The fallback is '{coached}', at higher risk" in c for c in new.constraints)
    assert not any("is advised instead" in c for c in new.constraints)
    assert any("'Appoint with coaching' is advised instead" in c for c in old.constraints)
    out = _said(tmp_path, WEAK_HALF)
    assert "Recommendation: Hiring is advised but not possible here; fallback: Appoint with coaching" in out
    # a step's reason names the outcome as the headline does, not the headline's sentence
    assert f"Every '{coached}' decision requires it" in " ".join(
        " ".join(m.because) for m in new.mitigations)


def test_with_no_one_to_coach_either_the_headline_keeps_without_coaching():
    new, old = _both(NO_COACH_NO_HIRE)
    assert old.outcome_title == "Appoint on conditions, without coaching"
    assert new.outcome_title == ("Hiring is advised but not possible here; fallback: Appoint on"
                                 " conditions, without coaching, at higher risk")


def test_where_hiring_is_not_possible_but_was_never_advised_the_headline_is_plain():
    # the same learner with a CPO, full time: coached whatever hiring is possible
    new, _ = _both(THIRD, **{"candidate.former_role_share": 0, "org.external_hire": "not_possible"})
    assert new.outcome == "coach" and not any("would be advised" in c for c in new.constraints)
    assert new.outcome_title == "Appoint with coaching"


# --- 2: an appointment that stands on steps before it ---------------------------------------
def test_an_appointment_on_steps_first_is_not_called_by_the_catalogues_name_for_coaching(tmp_path):
    new, old = _both(CAPACITY)
    assert old.outcome_title == "Appoint on conditions"  # the catalogue's words for coaching
    assert new.outcome == "appoint" and new.outcome_title == STEPS_FIRST
    assert f"Recommendation: {STEPS_FIRST}" in _said(tmp_path, CAPACITY)
    plain, _ = _both(CAPACITY, **{"candidate.former_role_share": 0})
    assert plain.outcome_title == "Appoint"


# --- 3: the dual role and the title without the job are one fact, weighed once -------------
def test_keeping_the_former_role_with_no_plan_weighs_once():
    new, old = _both(THIRD)
    assert (old.outcome, old.risk.level, old.risk.score) == ("hire_external", "critical", 30)
    assert (_severity(old, "F2"), _severity(old, "F9")) == ("high", "high")
    # 2.7: F2 weighs as with the plan agreed (medium), so no plan is never milder than a good one
    assert (new.outcome, new.risk.level, new.risk.score) == ("coach", "high", 27)
    assert (_severity(new, "F2"), _severity(new, "F9")) == ("medium", "high")  # F9: not yet lightened
    assert [m.id for m in new.preconditions] == ["M8"]
    f2 = next(f for f in new.findings if f.id == "F2")
    assert "as they would while an agreed plan brings it down" in f2.summary


def test_half_or_more_kept_weighs_once_as_a_title_without_the_job():
    new, old = _both(CAPACITY)
    assert old.risk.score == 16 and new.risk.score == 13  # F9 critical; F2 beside it (2.7: medium)
    assert (_severity(new, "F9"), _severity(new, "F2")) == ("critical", "medium")
    assert new.outcome == old.outcome == "appoint"


def test_the_other_side_of_the_line_still_adds_up_to_hiring():
    new, old = _both(THIRD_PILE_UP)  # the person's own failure modes pile up, as full time
    assert old.outcome == new.outcome == "hire_external"
    assert new.risk.level == "critical" and (old.risk.score, new.risk.score) == (42, 39)  # 2.7: F2 medium
    two_fifths, was = _both(TWO_FIFTHS)
    assert (was.outcome, two_fifths.outcome) == ("hire_external", "coach")
    assert [m.id for m in two_fifths.preconditions] == ["M8"]


def test_a_plan_that_lightens_the_role_still_weighs_the_dual_role_while_it_lasts():
    new, old = _both("capable, keeps sixty percent with a plan down to a tenth")
    # 2.7: a dual role that ends in time weighs as from less than half (medium, was high)
    assert (_severity(old, "F2"), _severity(new, "F2")) == ("high", "medium")
    assert new.risk.score == old.risk.score - 3 and new.outcome == old.outcome


# --- the fourth reader's D1: a learner's plan that lightens the role in time is the remedy --------
def test_a_learner_keeping_half_with_a_plan_that_lightens_it_in_time_is_coached_not_hired():
    new, old = _both("learner keeps half the old job, every step taken and a plan down to nothing")
    assert (old.outcome, old.risk.level, old.risk.score) == ("hire_external", "critical", 34)
    assert (new.outcome, new.risk.level, new.risk.score) == ("coach", "high", 21)  # 2.7: F2 medium
    assert "F9" not in {f.id for f in new.findings} and _severity(new, "F2") == "medium"
    assert "M8" in [m.id for m in new.mitigations] and not new.preconditions
    no_plan, was = _both("learner keeps half with no plan")  # D4 below: the plan comes first
    assert (was.outcome, no_plan.outcome) == ("hire_external", "coach")
    assert _severity(no_plan, "F9") == "critical" and [m.id for m in no_plan.preconditions] == ["M8"]


# --- the fourth reader's D4: without a plan, the plan comes before the appointment, else hire -----
SMALL = "learner keeps half the job on a small internal stream, with no plan"


def test_a_learner_keeping_half_with_no_plan_is_coached_once_the_plan_is_agreed(tmp_path):
    new, old = _both(SMALL)
    assert (old.outcome, old.risk.level) == ("hire_external", "critical")  # 2.5, as the reader saw
    assert new.outcome == "coach" and [m.id for m in new.preconditions] == ["M8"]
    assert (new.risk.level, _severity(new, "F9")) == ("critical", "critical")  # as proposed
    said = " ".join(_said(tmp_path, SMALL).split())
    assert "do not go ahead: hire an experienced Product Director instead" in said
    assert "includes “Title without the job”, which the steps before the appointment answer" in said
    # the same learner full time is coached on the same gaps: the time kept does not decide it
    full, _ = _both(SMALL, **{"candidate.former_role_share": 0})
    assert full.outcome == "coach" and not full.preconditions
    # where the learner's gaps alone call for hiring (a stream revenue forecasts depend on), hire
    critical, _ = _both(SMALL, **{"stream.revenue_impact": "critical"})
    assert critical.outcome == "hire_external"


# --- 5: pack docs say what the pack does with the risk ---------------------------------------
def test_pack_docs_say_how_the_risk_sets_the_advice_as_the_pack_does_it():
    from leadfit.reports.pack_docs import _judgement_lines
    pack = default_pack()
    said = _judgement_lines(pack.settings, pack.catalogue)[0]
    assert said.startswith("The findings add up: at critical risk of appointing the candidate as"
                           " proposed, the advice is 'Hire an experienced Product Director', unless")
    assert "at least" not in said  # hiring is the strongest outcome: nothing stands above it
    # the steps left out of compounding (2.4, 2.5) are said, by their titles as findings
    assert ("Not interviewed as an outsider would be, Not chosen on aptitude, Fail-fast"
            " checkpoint and Title without the job count in the risk shown but"
            " never raise the advice this way: the steps before the appointment answer them.") in said
    client = pack.settings.model_copy(update={"risk_outcomes": {"high": "coach"},
                                              "compounding_leaves_out": []})
    assert _judgement_lines(client, pack.catalogue)[0] == (
        "The findings add up: at high risk of appointing the candidate as proposed, the advice is"
        " at least 'Appoint with coaching', unless the organisation has stated an open choice that"
        " a rule records.")


# --- 6: "What would change it" in the PDF says each change as the terminal does --------------
def _rationale_text(tmp_path, name: str, decision: str) -> str:
    from pypdf import PdfReader

    from tests.helpers import run_cli
    from tests.test_judgement_selection import _flat
    db, out = tmp_path / "reg.db", tmp_path / "r.pdf"
    case = tmp_path / "case.yaml"
    _said(tmp_path, name)  # writes the scenario's case file there
    made = run_cli("decide", "--recorded-by", "Robin Hale", case, "--decision", decision,
                   "--plan-later", "--conditions", "Review monthly", "--justify", "Chosen", "--db", db)
    assert made.returncode == 0, made.stderr
    printed = run_cli("report", made.stdout.split()[0], "--db", db, "--out", out)
    assert printed.returncode == 0, printed.stderr
    return _flat(" ".join(p.extract_text() for p in PdfReader(out).pages))


def test_the_pdf_says_what_would_change_it_in_sentences_once(tmp_path):
    text = _rationale_text(tmp_path, "a learner with two years", "coach")
    section = text.split("What would change it")[1]
    # a change of several answers: each answer "is" what it would be, as in the terminal
    assert ("It would become Appoint if “Years managing digital products” is 3 or more (now 2; not in the"
            " organisation's hands)") in section
    assert "Would become this if" not in section  # the sentence says it; no header repeats it
    assert section.count("It would become Hire an experienced Product Director if") == 1


# --- 7: the signs of not adjusting are the executive's, never the review itself -----------------
def test_the_fail_fast_review_and_the_organisations_steps_are_not_signs_of_not_adjusting(tmp_path):
    from leadfit.decisions.register import open_register
    from tests.decisions_support import decide_coach
    steps = {m: ("Ann Lee", "2026-12-15") for m in ("M5", "M6", "M7", "M8", "M9", "M10")}
    with open_register(tmp_path / "r.db") as reg:
        record = decide_coach(reg, plan=steps)
    said = record.decision.review_criteria
    ids = [m.id for m in record.assessment.plan_steps()]
    assert {"M5", "M10"} <= set(ids)
    assert "Induction not done by 15 December 2026" in said  # the executive's own step
    assert not any(c.startswith(("Fail fast", "Open trade-offs", "Lighten the load")) for c in said)


# --- 8: a stricter pack never shows a milder risk for the same answers not known ----------------
UNKNOWN_EXPERIENCE = "not known: the candidate's experience decides between coaching and hiring"


@cache
def _strict():
    """The fresh-eyes client: P1 needs five years, no craft background weighs medium."""
    folder = Path(tempfile.mkdtemp(prefix="leadfit-strict-")) / "strict"
    folder.mkdir()
    (folder / "pack.yaml").write_text('name: strict\nversion: "0.1"\nextends: default@2.9\n'
                                      "parameters:\n  p1_met_years: 5\n"
                                      "override:\n  f6-no-craft:\n    severity: medium\n")
    return load_pack(folder)


def test_a_stricter_client_pack_never_lowers_the_risk_allowed_for():
    strict = _strict()
    base = evaluate(_case(UNKNOWN_EXPERIENCE), default_pack())
    stricter = evaluate(_case(UNKNOWN_EXPERIENCE, strict), strict)
    old = evaluate(_case(UNKNOWN_EXPERIENCE, _old()), _old())
    assert base.outcome == stricter.outcome == old.outcome == "hire_external"
    assert (old.risk.level, old.risk.score) == ("critical", 38)  # 2.5, kept for its records
    assert (base.risk.level, base.risk.score) == ("critical", 38)
    assert stricter.risk.score >= base.risk.score  # 2.5's rules under this client: 30
    # the output says which case the risk is that of: the worst the recommendation allows for
    assert "at the highest risk among them" in base.unknowns.decided_by
    assert "“Have they led product, design and engineering together?” answered no" in \
        stricter.unknowns.decided_by


@pytest.mark.parametrize("strict", [False, True], ids=["default", "stricter client"])
@SETTINGS
@given(case=cases())
def test_the_risk_beside_a_cautious_outcome_is_that_of_its_worst_case(strict, case):
    """Where the answers not known decide, the risk shown is the highest the engine gives for any
    answers to them that lead to the recommendation (the riskiest case it allows for), never
    lower; computed from the fired rules, checked here by full evaluations of each answer."""
    pack = _strict() if strict else PACK
    a = evaluate(case, pack)
    if a.missing or not a.unknowns or a.unknowns.verdict != "depends":
        return
    space = reading(pack)
    explored = [q for q in case.unknown if q in space.regions]
    scores = []
    for combo in itertools.product(*(space.regions[q] for q in explored)):
        each = evaluate(case.with_answers({q: r.value for q, r in zip(explored, combo)}), pack)
        if each.outcome == a.outcome:
            scores.append(each.risk.score)
    assert a.risk.score == max(scores)


def test_a_fallback_headline_naming_anything_but_the_outcome_is_refused_at_its_line(tmp_path):
    from tests.helpers import run_cli
    folder = tmp_path / "acme"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        'name: acme\nversion: "0.1"\nextends: default@2.9\ntitles_if_fallback:\n'
        "  hire_external: 'Cannot hire, so {fallback}'\n  hire: 'Nope: {outcome}'\n", encoding="utf-8")
    done = run_cli("pack", "lint", str(folder))
    said = done.stdout + done.stderr
    assert done.returncode == 2, said
    assert ("pack.yaml:5: titles_if_fallback.hire_external: the only name it may use is {outcome}"
            in said)
    assert "titles_if_fallback.hire" in said and "hire_external" in said  # an outcome, named


# --- the fourth reader's D7: the numbers are the pack's thresholds, not the article's ------------
def test_the_pdf_says_the_numbers_are_the_packs_thresholds(tmp_path):
    text = _rationale_text(tmp_path, "a learner with two years", "coach")
    assert ("The numbers in them (years, shares of time, days) are this rule pack's thresholds,"
            " which an organisation's own pack may set: the article gives none.") in text


def test_where_hiring_is_not_possible_no_note_says_to_hire_if_the_load_is_not_lightened():
    for name in (CAPACITY, "learner keeps half with no plan"):
        possible, _ = _both(name)
        assert any("do not go ahead: hire" in n for n in possible.notes), name
        cannot, old = _both(name, **{"org.external_hire": "not_possible"})
        assert not any("do not go ahead: hire" in n for n in cannot.notes), name
        assert [m.id for m in cannot.preconditions] == ["M8"], name  # still lightened first
    _, old = _both(CAPACITY, **{"org.external_hire": "not_possible"})
    assert any("do not go ahead: hire" in n for n in old.notes)  # 2.5 said it; its records keep it
