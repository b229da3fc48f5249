"""Default 2.7: what the readers of 2.6 found (docs/judgement.md, "Default 2.7").

Each test reads what a person sees (the assessment, ``leadfit evaluate``) on a default scenario
written from the article, and checks that the archived 2.6 still says what its records hold.
"""

from __future__ import annotations

from functools import cache

from leadfit.rules.model.library import archived_packs_dir, default_pack
from leadfit.rules.model.pack import load_pack
from leadfit.rules.runtime.assess import evaluate
from tests.test_judgement_selection import _case

FAILED_BEFORE = "did not adjust when appointed on conditions before"
FAILED_NO_HIRE = "did not adjust before, and no one can be hired"
HALF_NO_PLAN = "learner keeps half with no plan"
LIGHTEN_FIRST = "This appointment stands on lightening the former role first"


@cache
def _old():
    return load_pack(archived_packs_dir() / "default-2.6")


def _both(name: str, **changes):
    """(2.7's assessment, the archived 2.6's) of a scenario, with changes (2.6 has no new question)."""
    old_changes = {k: v for k, v in changes.items() if k != "candidate.earlier_attempt"}
    old_answers = {k: v for k, v in _case(name).answers.items() if k != "candidate.earlier_attempt"}
    from leadfit.forms.case import build_case
    old_case = build_case({**{k: (v.isoformat() if hasattr(v, "isoformat") else v)
                              for k, v in old_answers.items()}, **old_changes}, _old().questionnaire)
    return evaluate(_case(name, **changes), default_pack()), evaluate(old_case, _old())


# --- 1: an executive who did not adjust before is no fresh candidate ---------------------------
def test_an_executive_who_did_not_adjust_before_is_hired_for_not_coached_again():
    new, old = _both(FAILED_BEFORE)
    assert old.outcome == "coach"  # 2.6 could not be told: the same learner, a fresh start
    assert new.outcome == "hire_external"
    assert {m.id for m in new.mitigations} <= {"M1", "M2"}  # no second coaching plan
    f1 = next(f for f in new.findings if f.id == "F1")
    assert f1.severity == "critical" and "candidate.earlier_attempt" in [c.question for c in f1.because]


def test_where_no_one_can_be_hired_the_fallback_says_what_can_be_had_now():
    new = evaluate(_case(FAILED_NO_HIRE), default_pack())
    assert new.outcome == "coach" and new.outcome_title.startswith("Hiring is advised but not possible")
    assert any("The same coaching again is not enough: bring in now what can be had" in n for n in new.notes)
    assert any(m.id == "M10" and "interim or fractional" in m.meaning for m in new.mitigations)


def test_an_earlier_appointment_they_adjusted_to_changes_nothing():
    learner = evaluate(_case("a learner with two years"), default_pack())
    adjusted = evaluate(_case("a learner with two years", **{"candidate.earlier_attempt": "adjusted"}),
                        default_pack())
    assert (adjusted.outcome, adjusted.risk, [f.id for f in adjusted.findings]) == (
        learner.outcome, learner.risk, [f.id for f in learner.findings])


# --- 3: a hire carries no note about an appointment standing on steps before it ----------------
def test_a_hire_never_says_the_appointment_stands_on_lightening_the_role():
    new, old = _both(HALF_NO_PLAN, **{"stream.revenue_impact": "critical"})
    assert old.outcome == new.outcome == "hire_external"
    assert any(LIGHTEN_FIRST in n for n in old.notes)  # 2.6's record keeps its words
    assert not any(LIGHTEN_FIRST in n for n in new.notes)
    coached = evaluate(_case(HALF_NO_PLAN), default_pack())  # appointed on M8: the note stands
    assert coached.outcome == "coach" and any(LIGHTEN_FIRST in n for n in coached.notes)
