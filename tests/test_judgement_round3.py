"""Default 2.5: a domain reader's third round (docs/judgement.md, "Default 2.5").

Each test reads what a person sees (the assessment, ``leadfit evaluate``) on a default scenario
written from the article (rules/packs/default/scenarios.yaml) or on the reader's case, and checks
that the archived 2.4 still says what its records hold (replay needs them identical).
"""

from __future__ import annotations

from functools import cache

from leadfit.rules.model.library import archived_packs_dir, default_pack
from leadfit.rules.model.pack import load_pack
from leadfit.rules.runtime.assess import evaluate
from tests.test_judgement_selection import _case, _flat, _said

NO_PEERS = "supported learner who cannot see the job done elsewhere"
NO_PEERS_NO_CPO = "learner who cannot see the job done elsewhere, and no CPO to mentor them"
LATE = "supported learner, first review more than a year out"
SHARED_NO_COACH = "nobody to coach a profit and loss gap"
NEAR_PLAN = "learner on a low-stakes stream, plan leaves a little more than a tenth"
WEAK_HALF = "weak candidate keeps half the old job, and no one can be hired"
CAPACITY = "capable, keeps sixty percent with no plan"
STATED = "a coached appointment states the trade-off"
HIRE = "critical stream, new to digital"


@cache
def _old():
    return load_pack(archived_packs_dir() / "default-2.4")


def _both(name: str, **changes):
    """(2.5's assessment, the archived 2.4's) of a scenario, with changes."""
    return (evaluate(_case(name, **changes), default_pack()),
            evaluate(_case(name, _old(), **changes), _old()))


def _ids(steps) -> list[str]:
    return [m.id for m in steps]


# --- 1: no peers is one missing step, not a gate, where a CPO mentors ------------------------
def test_a_supported_learner_without_peers_is_coached_by_the_cpo_not_hired():
    new, old = _both(NO_PEERS)
    assert (old.outcome, old.risk.level) == ("hire_external", "critical")  # 2.4, as the reader saw
    assert new.outcome == "coach" and new.risk.level == "high"
    f3 = next(f for f in new.findings if f.id == "F3")
    assert f3.severity == "high"
    assert "M6" not in _ids(new.mitigations) and "M7" in _ids(new.mitigations)
    assert any(c.startswith("M6 Peer exposure is not in the plan") for c in new.constraints)


def test_without_peers_and_without_a_cpo_the_roles_not_understood_weigh_critical():
    new, _ = _both(NO_PEERS_NO_CPO)
    assert new.outcome == "hire_external"
    assert next(f for f in new.findings if f.id == "F3").severity == "critical"


# --- 2: a first review past the first year ---------------------------------------------------
def test_a_review_more_than_a_year_out_comes_before_the_appointment_and_weighs_medium():
    new, old = _both(LATE)
    assert (old.outcome, _ids(old.preconditions)) == ("coach", [])
    assert next(f for f in old.findings if f.id == "M10").severity == "low"
    assert new.outcome == "coach"
    assert _ids(new.preconditions) == ["M10"] and "M10" not in _ids(new.mitigations)
    m10 = next(f for f in new.findings if f.id == "M10")
    assert m10.severity == "medium"
    assert new.risk.level == "critical"  # as proposed; the date is a step, never a reason to hire
    assert any("includes M10 “Fail-fast checkpoint”" in n for n in new.notes)
    assert new.preconditions[0].meaning.startswith("Bring the first review forward: the date on"
                                                   " this record is more than a year away")


def test_a_review_late_but_inside_the_first_year_is_brought_forward_and_stays_low():
    # 2.8: low, so in the plan, not a bar to the appointment (2.5 to 2.7 put it before)
    a = evaluate(_case(LATE, **{"org.review_date": "2027-06-01"}), default_pack())
    assert a.outcome == "coach" and _ids(a.preconditions) == [] and "M10" in _ids(a.mitigations)
    assert next(f for f in a.findings if f.id == "M10").severity == "low"


def test_how_late_the_review_is_never_moves_the_outcome():
    for day in ("2027-01-15", "2027-06-01", "2027-12-20", "2028-06-01"):
        assert evaluate(_case(LATE, **{"org.review_date": day}), default_pack()).outcome == "coach"


def test_an_early_review_reads_as_set_not_as_a_step_to_take(tmp_path):
    said = _flat(_said(tmp_path, NO_PEERS))
    assert "Fail fast: Set, with the signs of not adjusting agreed on this record" in said
    assert "Set an early review" not in said


# --- 3: an experienced candidate with a shared P&L and nobody to coach -----------------------
def test_a_shared_pnl_alone_without_a_coach_is_appointed_without_coaching_not_hired(tmp_path):
    new, old = _both(SHARED_NO_COACH)
    assert old.outcome == "hire_external" and "F1" in [f.id for f in old.findings]
    assert new.outcome == "coach" and new.outcome_title == "Appoint on conditions, without coaching"
    assert "F1" not in [f.id for f in new.findings]  # no "steep learning curve" for six years
    assert "M7" not in _ids(new.mitigations) and new.risk.level == "low"
    said = _flat(_said(tmp_path, SHARED_NO_COACH))
    assert "Recommendation: Appoint on conditions, without coaching" in said
    assert "Steep learning curve" not in said


def test_never_owning_a_pnl_with_nobody_to_coach_is_still_hired_for():
    a = evaluate(_case(SHARED_NO_COACH, **{"candidate.owns_pnl": "none"}), default_pack())
    assert a.outcome == "hire_external"


# --- 4: a plan near the dedicated share is no cliff ------------------------------------------
def test_a_plan_to_fifteen_percent_lightens_the_load_as_one_to_ten_does():
    new, old = _both(NEAR_PLAN)
    assert old.outcome == "hire_external" and "F9" in [f.id for f in old.findings]
    ten = evaluate(_case(NEAR_PLAN, **{"candidate.target_former_share": 10}), default_pack())
    assert new.outcome == ten.outcome == "coach"
    assert "F9" not in [f.id for f in new.findings]
    assert next(f for f in new.findings if f.id == "F2").severity == "medium"


def test_no_finding_denies_a_plan_the_answers_show(tmp_path):
    said = _flat(_said(tmp_path, NEAR_PLAN))
    assert "no plan that" not in said and "there is no plan" not in said


def test_a_plan_that_leaves_a_fifth_or_more_is_still_no_lightening():
    a = evaluate(_case(NEAR_PLAN, **{"candidate.target_former_share": 25}), default_pack())
    assert "F9" in [f.id for f in a.findings]


# --- 5: freeing the time comes first for a weak candidate too --------------------------------
def test_a_weak_candidate_keeping_half_has_the_load_lightened_before_the_appointment():
    new, old = _both(WEAK_HALF)
    assert "M8" in _ids(old.mitigations) and "M8" not in _ids(old.preconditions)
    assert new.outcome == "coach" and "M8" in _ids(new.preconditions)
    assert "M8" not in _ids(new.mitigations)
    assert new.preconditions[-1].meaning.startswith("Before they start, agree how and by when")


def test_the_capable_candidate_s_condition_says_the_plan_is_agreed_before_the_start():
    a = evaluate(_case(CAPACITY), default_pack())
    assert _ids(a.preconditions) == ["M8"]
    assert a.preconditions[0].meaning.startswith("Before they start, agree how and by when")
    assert any("If that is not settled before they start, do not go ahead" in n for n in a.notes)


# --- 6: words --------------------------------------------------------------------------------
def test_a_hire_carries_no_trade_off_of_developing_the_executive(tmp_path):
    a = evaluate(_case(HIRE, **{"org.tradeoffs_stated": True}), default_pack())
    assert a.outcome == "hire_external"
    assert not any("digitally able" in n or "trade-off" in n.lower() for n in a.notes)
    old = evaluate(_case(HIRE, _old(), **{"org.tradeoffs_stated": True}), _old())
    assert any("a more digitally able executive in return" in n for n in old.notes)  # 2.4 kept


def test_a_coached_case_says_the_trade_off_once_in_the_notes():
    a = evaluate(_case(STATED), default_pack())
    assert [n for n in a.notes if "trade-off" in n.lower()] == [a.notes[0]]
    assert "grows one of its own executives into the role" in a.notes[0]
    assert next(m for m in a.mitigations if m.id == "M9").meaning.startswith("Done:")


def test_support_in_place_reads_as_in_place():
    a = evaluate(_case(NO_PEERS), default_pack())
    steps = {m.id: m.meaning for m in a.mitigations}
    assert steps["M5"].startswith("In place: there is an induction programme")
    assert steps["M7"].startswith("The CPO mentors them")
    coach = evaluate(_case(NO_PEERS_NO_CPO, **{"stream.revenue_impact": "low",
                                               "org.develop_appetite": "high"}), default_pack())
    assert {m.id: m.meaning for m in coach.mitigations}["M7"].startswith("Bring in the outside coach")
    none = evaluate(_case(NO_PEERS, **{"org.induction": False}), default_pack())
    assert {m.id: m.meaning for m in none.mitigations}["M5"].startswith("Give executives")


def test_the_archived_2_4_keeps_its_words():
    old = evaluate(_case(NO_PEERS, _old(), **{"org.peer_exposure": True}), _old())
    steps = {m.id: m.meaning for m in old.mitigations}
    assert steps["M5"].startswith("Give executives") and steps["M10"].startswith("Set an early review")
