"""Default 2.8: the readers' leftovers of 2.7 (docs/judgement.md, "Default 2.8").

Each test reads what a person sees (the assessment) on a scenario written from the article, and
checks that the archived 2.7 still says what its records hold.
"""

from __future__ import annotations

from functools import cache

from leadfit.rules.model.library import archived_packs_dir
from leadfit.rules.model.pack import load_pack
from leadfit.rules.runtime.assess import evaluate
from tests.test_judgement_selection import _case

CASE_7 = ("reader's case 7: three digital years, never led the teams, keeps sixty percent, plan to a"
          " fifth by day 272")


@cache
def _old():
    return load_pack(archived_packs_dir() / "default-2.7")


@cache
def _new():
    """2.8 as its records hold it: archived when 2.9 began (docs/judgement.md, "Default 2.9")."""
    return load_pack(archived_packs_dir() / "default-2.8")


def _both(name: str, **changes):
    """(2.8's assessment, the archived 2.7's) of a default scenario, with changes."""
    return evaluate(_case(name, **changes), _new()), evaluate(_case(name, _old(), **changes), _old())


def _steps(a) -> dict[str, str]:
    return {m.id: m.meaning for m in [*a.preconditions, *a.mitigations]}


def _finding(a, fid: str):
    return next((f for f in a.findings if f.id == fid), None)


# --- 1: a high-revenue stream's forecast dip for any gap, not only years -------------------------
def test_the_readers_case_7_has_its_revenue_risk_on_the_record_and_stays_coached():
    new, old = _both(CASE_7)
    assert _finding(old, "F11") is None  # 2.7: three years, so no revenue risk at all
    f11 = _finding(new, "F11")
    assert f11 is not None and f11.severity == "low" and "under the gaps it comes from" in f11.summary
    assert "score" not in f11.summary  # fresh-eyes #10: the pack's arithmetic is no reason to read
    assert new.outcome == old.outcome == "coach"  # the reader of 2.8 predicted coach, risk high
    assert new.risk.level == "high"


# --- fresh-eyes #8: a coached appointment that stands on steps before it says so in the headline -
def test_a_coached_appointment_that_stands_on_lightening_the_load_first_says_so_in_its_headline():
    new, old = _both("learner keeps half with no plan")
    assert old.outcome_title == "Appoint with coaching"
    assert new.outcome == "coach" and "M8" in {m.id for m in new.preconditions}
    assert new.outcome_title == "Appoint with coaching once the steps before the appointment are done"
    plain = evaluate(_case("a learner with two years"), _new())
    assert plain.preconditions == [] and plain.outcome_title == "Appoint with coaching"


# --- the reader of 2.8's E1/D9: a critical stream weighs for any gap, not only years -----------
def test_a_critical_stream_weighs_for_an_experienced_candidate_with_a_gap_without_hiring():
    new, old = _both("critical stream, experienced candidate not yet in MVP slices")
    assert _finding(old, "F11") is None and old.outcome == "coach"
    assert _finding(new, "F11").severity == "high" and new.outcome == "coach"
    assert new.risk.score > old.risk.score
    ready = evaluate(_case("critical stream, experienced candidate"), _new())
    assert ready.outcome == "appoint" and _finding(ready, "F11") is None  # no gap, no curve
    ps = load_pack(archived_packs_dir() / "public-sector-1.9")
    essential = evaluate(_case("critical stream, experienced candidate not yet in MVP slices", ps), ps)
    assert "essential public service" in _finding(essential, "F11").summary


# --- 2: a review within about six months is early enough; later is low and in the plan ----------
def _review(pack, name: str, **changes):
    a = evaluate(_case(name, pack, **changes), pack)
    finding = _finding(a, "M10")
    return (finding.severity if finding else None), "M10" in {m.id for m in a.preconditions}


def test_a_review_at_six_months_is_early_enough_and_a_low_finding_never_blocks_the_appointment():
    learner = "a learner with two years"
    assert _review(_old(), learner, **{"org.review_date": "2027-05-01"}) == ("low", True)  # 2.7: day 180
    assert _review(_new(), learner, **{"org.review_date": "2027-05-01"}) == (None, False)
    assert _review(_new(), "boundary: first review on day 183") == (None, False)
    assert _review(_new(), "boundary: first review on day 184") == ("low", False)
    assert _review(_new(), "coached learner, first review eight months out") == ("low", False)
    assert _review(_new(), "boundary: first review on day 365") == ("low", False)
    assert _review(_new(), "boundary: first review on day 366") == ("medium", True)
    late = evaluate(_case("coached learner, first review eight months out"), _new())
    assert _steps(late)["M10"].startswith("Bring the first review forward: the date on this record is"
                                          " more than about six months away")


# --- 3: public-sector words: no profit and loss; "Somewhat" is not "little appetite" -------------
def test_public_sector_words_name_no_profit_and_loss_and_somewhat_is_not_little_appetite():
    ps, old_ps = load_pack(archived_packs_dir() / "public-sector-1.9"), load_pack(archived_packs_dir() / "public-sector-1.8")
    for name in ("ready but no written role", "role gives the Product Director no results to own"):
        new_m1 = _steps(evaluate(_case(name, ps), ps))["M1"]
        old_m1 = _steps(evaluate(_case(name, old_ps), old_ps))["M1"]
        assert "P&L" in old_m1 and "P&L" not in new_m1 and "budget and outcomes" in new_m1
    assert "profit" not in ps.rule("shared-pnl-no-coach").summary
    somewhat = evaluate(_case("low-stakes stream, little appetite to develop", ps,
                              **{"org.develop_appetite": "some"}), ps)
    f3 = _finding(somewhat, "F3")
    assert somewhat.outcome == "hire_external" and "little appetite" not in f3.summary
    assert "not a stated, agreed aim" in f3.summary


# --- 4: coaching says who leads it, wherever the plan asks for it ---------------------------------
def test_coaching_says_the_cpo_where_there_is_one_and_the_outside_coach_where_there_is_not():
    new, old = _both("holds the line only sometimes")
    assert _steps(old)["M7"].startswith("Regular coaching, led by the CPO where there is one or")
    assert _steps(new)["M7"].startswith("The CPO mentors them")
    coach = evaluate(_case("holds the line only sometimes", **{"org.cpo_available": False,
                                                                "org.coach_available": True}), _new())
    assert _steps(coach)["M7"].startswith("Bring in the outside coach")
    blames = evaluate(_case("ready candidate is appointed", **{"candidate.blamed_digital": True}), _new())
    assert _steps(blames)["M7"].startswith("The CPO mentors them")
    assert "M7" not in _steps(evaluate(_case("shared profit and loss only"), _new()))  # none asked


# --- fresh-eyes #20: an outside coach is someone to learn the job from where there is no CPO ----
def test_an_outside_coach_counts_where_there_is_no_cpo_and_no_peers():
    name = "learner who cannot see the job done elsewhere, and no CPO to mentor them"
    new, old = _both(name)
    assert old.outcome == "hire_external" and _finding(old, "F3").severity == "critical"
    assert new.outcome == "coach" and _finding(new, "F3").severity == "high"
    assert _steps(new)["M7"].startswith("Bring in the outside coach") and "M6" not in _steps(new)
    alone = evaluate(_case("learner who cannot see the job done elsewhere, and no one to coach them"),
                     _new())
    assert alone.outcome == "hire_external" and _finding(alone, "F3").severity == "critical"


# --- 5: a plan that misses in one way only says which -------------------------------------------
def test_a_plan_that_misses_only_on_its_date_says_the_date_is_too_late():
    new, old = _both("capable, plan too slow")
    assert _steps(old)["M8"].startswith("Before they start, put the plan right")
    assert _steps(new)["M8"].startswith("Before they start, bring the plan's date forward")
    assert "the date is too late" in _steps(new)["M8"]
    assert _steps(evaluate(_case(CASE_7), _new()))["M8"].startswith(
        "Before they start, bring the plan's date forward")
    too_much = _steps(evaluate(_case("capable, plan leaves too much"), _new()))["M8"]
    no_one = _steps(evaluate(_case("capable, plan without a backfill"), _new()))["M8"]
    assert too_much.startswith("Before they start, lower the plan's target")
    assert no_one.startswith("Before they start, name who takes over")
    both = _steps(evaluate(_case("capable, plan too slow", **{"candidate.backfill_named": False,
                                                              "candidate.backfill_name": None}),
                           _new()))["M8"]
    assert both.startswith("Before they start, put the plan right")  # two misses: the whole plan


# --- 6: an executive who already failed the checkpoint is a high risk to appoint again ----------
def test_appointing_again_an_executive_who_did_not_adjust_is_at_least_high_risk():
    new, old = _both("did not adjust when appointed on conditions before")
    assert (old.outcome, old.risk.level) == ("hire_external", "medium")
    assert (new.outcome, new.risk.level) == ("hire_external", "high")
    m10 = _finding(new, "M10")
    assert m10.severity == "critical" and m10.title == "Fail-fast checkpoint"
    assert "M10" not in _steps(new)  # a finding, never a second coaching plan
    assert _finding(evaluate(_case("adjusted when appointed on conditions before"), _new()), "M10") is None


# --- 7: a hire whatever the answers not known lists no interview to find them out --------------
def test_a_hire_that_holds_whatever_the_unknowns_lists_no_interview_a_depending_one_does():
    holds, old = _both("not known: hire holds whatever their history with digital teams")
    assert holds.outcome == old.outcome == "hire_external"
    assert "M3" in _steps(old) and "M3" not in _steps(holds)
    depends = evaluate(_case("not known: the candidate's experience decides between coaching and hiring"),
                       _new())
    assert depends.outcome_title.startswith("Find out first") and "M3" in _steps(depends)


# --- fresh-eyes #4: taking the option to hire away is never offered as the way to coaching -------
def test_making_hiring_impossible_is_never_listed_as_a_change_towards_a_milder_outcome():
    from leadfit.rules.runtime.explain import evaluate_explained
    from leadfit.words import no_change_words
    name = "eleven failure modes add up to hiring"
    new = evaluate_explained(_case(name), _new())
    old = evaluate_explained(_case(name, _old()), _old())

    def coach(a):
        return next(alt for alt in a.alternatives if alt.outcome == "coach")
    assert any(c.question == "org.external_hire" for s in coach(old).nearest for c in s.changes)
    assert not any(c.question == "org.external_hire" for s in coach(new).nearest for c in s.changes)
    assert no_change_words(coach(new).title, coach(new).note) == (
        "The nearest way to Appoint with coaching would take support or the option to hire away:"
        " that is no way to get there.")
    # a worse situation towards a more cautious outcome is still said (it is no recipe)
    nobody = evaluate_explained(_case("outside coach instead of a CPO"), _new())
    hire = next(alt for alt in nobody.alternatives if alt.outcome == "hire_external")
    assert any(c.question == "org.coach_available" for s in hire.nearest for c in s.changes)


def test_the_archived_2_7_keeps_its_fingerprint():
    old = _old()
    assert old.label == "default@2.7" and old.fingerprint.startswith("44a3b4d2d575")
    assert _new().label == "default@2.8" and _new().fingerprint.startswith("98e7e72be84b")
