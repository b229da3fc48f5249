"""Default 2.7: what the readers of 2.6 found (docs/judgement.md, "Default 2.7").

Each test reads what a person sees (the assessment, ``leadfit evaluate``) on a default scenario
written from the article, and checks that the archived 2.6 still says what its records hold.
"""

from __future__ import annotations

from functools import cache

from leadfit.forms.case import build_case
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


@cache
def _archived_2_7():
    return load_pack(archived_packs_dir() / "default-2.7")


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
    assert any(m.id == "M10" and "on an interim or part-time basis" in m.meaning for m in new.mitigations)


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


def _steps(a) -> dict[str, str]:
    return {m.id: m.meaning for m in [*a.preconditions, *a.mitigations]}


# --- 4: a step the answers say is done reads as done, for any candidate, not only a learner ------
def test_support_in_place_reads_as_done_for_a_capable_candidate_coached_on_one_gap():
    # every scenario's base answers: an induction programme, the trade-offs stated, a review set
    # within the horizon with the signs of not adjusting agreed
    new, old = _both("shared profit and loss only")
    assert _steps(old)["M5"] == "Give executives who take the role a proper induction programme."
    steps = _steps(new)
    assert steps["M5"].startswith("In place: there is an induction programme")
    assert steps["M9"].startswith("Done: the trade-offs have been stated openly")
    assert steps["M10"].startswith("Set, with the signs of not adjusting agreed")
    without = _steps(evaluate(_case("shared profit and loss only", **{
        "org.induction": False, "org.tradeoffs_stated": False}), default_pack()))
    assert not without["M5"].startswith("In place") and not without["M9"].startswith("Done")


def test_a_written_role_that_owns_no_results_is_not_asked_to_be_written_down():
    new, old = _both("role gives the Product Director no results to own")
    assert _steps(old)["M1"].startswith("Write down the role")
    assert _steps(new)["M1"].startswith("Give the written role the stream's results to own")
    unwritten = evaluate(_case("role gives the Product Director no results to own",
                               **{"org.formal_role": False}), default_pack())
    assert _steps(unwritten)["M1"].startswith("Write down the role") and "P&L or OKRs" in _steps(unwritten)["M1"]


def test_a_plan_that_lightens_the_role_in_time_reads_as_agreed_not_as_a_step_to_take():
    new, _ = _both("learner keeps thirty percent with a full plan")
    assert _steps(new)["M8"].startswith("Agreed: the plan on this record brings the former role down")


def test_a_plan_that_falls_short_is_not_called_no_plan():
    new, _ = _both("capable, plan too slow")
    said = " ".join([*(f.summary for f in new.findings), *_steps(new).values(), *new.notes])
    assert "no plan" not in said.lower()
    assert "agree how and by when" not in said  # a plan exists: it is put right, not agreed afresh
    none, _ = _both("capable, keeps sixty percent with no plan")
    assert "Before they start, agree" in _steps(none)["M8"]


# --- 5: a ready Product Director, how a candidate was chosen, revenue, the trade-off's words -----
def test_a_ready_candidate_appointed_is_not_asked_for_the_trade_offs():
    new, old = _both("ready, amid rivals, pressure and insider belief")
    assert old.outcome == new.outcome == "appoint"
    assert "M9" in _steps(old) and "M9" not in _steps(new)


def test_chosen_as_who_was_available_is_not_called_seniority():
    new, old = _both("chosen on seniority", **{"org.selection_basis": "availability"})
    m4 = next(f for f in new.findings if f.id == "M4")
    assert "seniority" not in m4.title.lower() and "seniority" not in m4.summary.lower()
    assert "available" in m4.summary
    assert {s.id for s in new.signals} >= {"R4"} and "R6" not in {s.id for s in new.signals}
    senior, _ = _both("chosen on seniority")
    assert "seniority" in next(f for f in senior.findings if f.id == "M4").summary
    assert "R6" in {s.id for s in senior.signals}


def test_revenue_risk_on_a_high_revenue_stream_says_why_it_adds_little():
    # 2.3 made it low so the learning curve counts once (the marginal candidate was hired on a
    # triple count); 2.7 keeps the weight and says what "low" is: the weight it adds, not the stakes
    # (2.8 says "under the gaps it comes from": its records are the archived 2.7's)
    old = evaluate(_case("high-revenue stream, forecasts must allow for learning"), _old())
    new = evaluate(_case("high-revenue stream, forecasts must allow for learning"), _archived_2_7())
    f11 = next(f for f in new.findings if f.id == "F11")
    assert f11.severity == "low" and "weighed once, under Steep learning curve" in f11.summary
    assert "weighed once" not in next(f.summary for f in old.findings if f.id == "F11")
    assert new.outcome == "coach"


def test_the_trade_off_never_says_the_executive_closes_a_gap_in_dedicated_focus():
    new, old = _both("learner keeps thirty percent with a full plan")
    assert any("closes the gaps in digital product experience (partly met) and dedicated focus" in n
               for n in old.notes)
    note = next(n for n in new.notes if n.startswith("The trade-off"))
    assert "closes the gaps" not in note and "(partly met)" not in note  # marks read as a form
    assert note.startswith("The trade-off of appointing with coaching: while the executive is still short on"
                           " digital product experience")


# --- 6: each side of the review thresholds (scenarios cannot tell a finding from a plan step) -----
def test_the_first_review_is_late_after_day_120_and_past_the_first_year_after_day_365():
    # 2.7's records (2.8 moved the horizon to day 183: tests/test_judgement_2_8.py)
    pack = _archived_2_7()

    def review_finding(name):
        scenario = next(s for s in pack.scenarios if s.name == name)
        a = evaluate(build_case(dict(scenario.answers), pack.questionnaire), pack)
        return next((f.severity for f in a.findings if f.id == "M10"), None), \
            "M10" in {m.id for m in a.preconditions}
    assert review_finding("boundary: first review on day 120") == (None, False)
    assert review_finding("boundary: first review on day 121") == ("low", True)
    assert review_finding("boundary: first review on day 365") == ("low", True)
    assert review_finding("boundary: first review on day 366") == ("medium", True)


# --- questionnaire 3: 2.6's records keep their pack, and version 2 answers still read ----------
def test_the_archived_2_6_keeps_its_fingerprint_on_the_archived_questionnaire_2():
    old = _old()
    assert old.label == "default@2.6" and old.questionnaire.version == 2
    assert old.fingerprint.startswith("181b95fcbbfc")  # as its records name it
    assert "candidate.earlier_attempt" not in old.questionnaire.questions
    assert default_pack().questionnaire.version == 4  # 2.9: the dates the form refuses


def test_a_version_2_case_file_reads_under_2_7_with_the_new_question_unanswered(tmp_path):
    import yaml
    from tests.helpers import run_cli
    answers = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
               for k, v in _case("a learner with two years").answers.items()}
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"questionnaire": 2, "answers": answers}), encoding="utf-8")
    done = run_cli("evaluate", str(path))
    assert done.returncode == 0, done.stderr
    assert "Recommendation: Appoint with coaching" in done.stdout


# --- N1 (the reader's c05e/c05f): a worse plan is never a milder outcome ------------------------
PLAN_KEYS = ("candidate.reduce_former_role", "candidate.target_former_share", "candidate.reduced_by",
             "candidate.backfill_named", "candidate.backfill_name")
BASES = ("a learner with two years", "learner who gives way, plan leaves a tenth of the old job",
         "learner keeps half the job on a small internal stream, with no plan",
         "marginal candidate, good selection and full support", "ready candidate is appointed",
         "learner with a CPO keeps a third of the old job with no plan", "nobody to coach a learner",
         "learner who cannot see the job done elsewhere, and no CPO to mentor them")


def _with_load(name: str, share: int, plan: tuple | None):
    """The scenario with the former role's share and plan set: plan None (no plan) or
    (target share, days from the assessment, backfill named)."""
    from datetime import timedelta
    from leadfit.forms.case import build_case
    answers = {k: v for k, v in _case(name).answers.items() if k not in PLAN_KEYS}
    answers["candidate.former_role_share"] = share
    if share > 0:
        answers["candidate.reduce_former_role"] = plan is not None
    if share > 0 and plan is not None:
        target, days, backfill = plan
        answers.update({"candidate.target_former_share": target, "candidate.backfill_named": backfill,
                        "candidate.reduced_by": answers["org.assessed_on"] + timedelta(days=days)})
    return build_case(answers, default_pack().questionnaire)


def _load_pairs():
    """(better, worse) loads: the worse keeps at least as much, and its plan is no better."""
    from hypothesis import strategies as st
    plan = st.tuples(st.integers(0, 60), st.integers(0, 400), st.booleans())

    @st.composite
    def pair(draw):
        share = draw(st.integers(0, 100))
        more = share + draw(st.integers(0, 100 - share))
        better = draw(st.none() | plan)
        if better is None:
            return (share, None), (more, None)
        target, days, backfill = better
        worse = draw(st.none() | st.tuples(st.integers(target, 100), st.integers(days, 500),
                                           st.booleans() if backfill else st.just(False)))
        return (share, better), (more, worse)
    return pair()


def test_a_worse_load_or_plan_never_gives_a_milder_outcome():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from leadfit.rules.runtime.matching import EXACT
    order = list(default_pack().settings.outcomes)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(BASES), _load_pairs())
    def check(name, loads):
        (s1, p1), (s2, p2) = loads
        better = evaluate(_with_load(name, s1, p1), default_pack(), EXACT)
        worse = evaluate(_with_load(name, s2, p2), default_pack(), EXACT)
        assert order.index(worse.outcome) >= order.index(better.outcome), (name, loads)
    check()


def test_the_readers_learner_is_hired_whether_the_plan_leaves_a_tenth_or_a_quarter():
    tenth = evaluate(_case("learner who gives way, plan leaves a tenth of the old job"), default_pack())
    quarter = evaluate(_case("learner who gives way, plan leaves a quarter of the old job"), default_pack())
    old = evaluate(_case("learner who gives way, plan leaves a quarter of the old job"), _old())
    assert old.outcome == "coach"  # 2.6: the worse plan was the milder outcome
    assert tenth.outcome == quarter.outcome == "hire_external"
