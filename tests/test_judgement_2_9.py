"""Default 2.9 and bank 1.3: the reader of 2.8's leftovers (docs/judgement.md, "Default 2.9").

Each test reads what a person sees (the assessment) on a scenario written from the article, and
checks that the archived 2.8 and bank 1.2 still say what their records hold.
"""

from __future__ import annotations

from functools import cache

import pytest

from leadfit.forms import conditions
from leadfit.rules.model.library import archived_packs_dir, default_pack, resolve_pack
from leadfit.rules.model.pack import load_pack
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.runtime.matching import EXACT, engine_of_record
from tests.test_judgement_selection import _case


@cache
def _archived(name: str):
    return load_pack(archived_packs_dir() / name)


def _bank():
    return resolve_pack("bank")


def _finding(a, fid: str):
    return next((f for f in a.findings if f.id == fid), None)


def _steps(a) -> dict[str, str]:
    return {m.id: m.meaning for m in [*a.preconditions, *a.mitigations]}


# --- 1: the bundled bank pack follows the article where it contradicted it ----------------------
def test_the_bank_brings_in_the_outside_coach_where_it_has_no_cpo():
    new = evaluate(_case("outside coach instead of a CPO", _bank()), _bank())
    old = evaluate(_case("outside coach instead of a CPO", _archived("bank-1.2")), _archived("bank-1.2"))
    assert old.outcome == "hire_external"  # 1.2's records: only the bank's CPO counted
    assert new.outcome == "coach"
    assert _steps(new)["M7"].startswith("Bring in the outside coach")
    assert all("policy" not in f.summary for f in new.findings)


def test_the_bank_coaches_a_low_stakes_stream_chosen_openly_for_development():
    name = "low-stakes stream, development chosen openly"
    new = evaluate(_case(name, _bank()), _bank())
    old = evaluate(_case(name, _archived("bank-1.2")), _archived("bank-1.2"))
    assert old.outcome == "hire_external" and "even a low-stakes one" in _finding(old, "P2").summary
    assert new.outcome == "coach" and "M9" in _steps(new)
    assert any(n.startswith("A deliberate choice, stated openly") for n in new.notes)
    assert all("this bank's policy" not in f.summary for f in new.findings)


def test_the_banks_own_stricter_policy_stays_where_the_article_says_nothing_against_it():
    not_chosen = evaluate(_case("low-stakes stream, development chosen openly", _bank(),
                                **{"org.develop_appetite": "some"}), _bank())
    assert not_chosen.outcome == "hire_external"
    assert "this bank's policy" in _finding(not_chosen, "P2").summary
    matters = evaluate(_case("never owned a profit and loss", _bank()), _bank())
    assert matters.outcome == "hire_external" and _finding(matters, "P2").severity == "critical"
    nobody = evaluate(_case("nobody to coach a profit and loss gap", _bank()), _bank())
    assert nobody.outcome == "hire_external" and "this bank's policy" in _finding(nobody, "F1").summary
    cpo = evaluate(_case("shared profit and loss only", _bank()), _bank())
    assert cpo.outcome == "coach" and _steps(cpo)["M7"].startswith("The bank's CPO mentors them")


# --- 2: one critical finding is at least a high risk ------------------------------------------------
@pytest.mark.parametrize("share", [60, 80, 100])
def test_keeping_most_of_the_old_job_is_a_high_risk_and_appointed_only_once_lightened(share):
    name, old_pack = "capable, keeps eighty percent with no plan", _archived("default-2.8")
    changes = {"candidate.former_role_share": share}
    old = evaluate(_case(name, old_pack, **changes), old_pack)
    new = evaluate(_case(name, **changes), default_pack())
    assert (old.risk.level, old.risk.score) == ("medium", 13)  # 2.8's records keep theirs
    assert _finding(new, "F9").severity == "critical"
    assert (new.risk.level, new.risk.score) == ("high", 13)  # the score is the same; its level honest
    assert new.outcome == "appoint" and [m.id for m in new.preconditions] == ["M8"]
    assert new.outcome_title == "Appoint once the steps before the appointment are done"
    assert any("do not go ahead: hire an experienced Product Director" in n for n in new.notes)


def test_every_scenario_with_a_critical_finding_is_at_least_a_high_risk():
    for pack in (default_pack(), _bank(), resolve_pack("public-sector")):
        seen = 0
        for s in pack.scenarios:
            a = evaluate(_case(s.name, pack) if s.layer.startswith("default") else _own(s, pack), pack)
            if any(f.severity == "critical" for f in a.findings):
                seen += 1
                assert a.risk.level in ("high", "critical"), (pack.label, s.name, a.risk)
        assert seen > 10, pack.label  # the property is read on many cases, not on none


def _own(scenario, pack):
    from leadfit.forms.case import build_case
    return build_case(scenario.answers, pack.questionnaire)


# --- 3: no review date is no milder than a late one; the pack language says "not answered" ------
def _review(name: str, **changes):
    a = evaluate(_case(name, **changes), default_pack())
    found = _finding(a, "M10")
    return (found.severity if found else None), "M10" in {m.id for m in a.preconditions}, a


def test_no_review_date_weighs_as_one_past_the_first_year_and_comes_before_the_appointment():
    none_set, before, a = _review("no review date yet")
    late, late_before, _ = _review("coached with the first review eighteen months out")
    assert (none_set, before) == (late, late_before) == ("medium", True)
    assert a.outcome == "coach"
    assert a.outcome_title == "Appoint with coaching once the steps before the appointment are done"
    assert _steps(a)["M10"].startswith("Set the first review before appointing")
    old_pack = _archived("default-2.8")
    old = evaluate(_case("no review date yet", old_pack), old_pack)
    assert _finding(old, "M10") is None and old.preconditions == []  # 2.8's records keep theirs
    ready, ready_before, _ = _review("ready candidate with no review date")
    assert (ready, ready_before) == (None, False)  # a ready Product Director needs no fail-fast date


def test_unanswered_is_a_word_of_the_pack_language_and_the_negation_of_answered():
    questions = default_pack().questionnaire.questions
    said = conditions.parse({"unanswered": "org.review_date"}, questions)
    assert said == conditions.parse({"not": {"answered": "org.review_date"}}, questions)
    assert conditions.negate(said) == conditions.Answered("org.review_date")
    assert conditions.to_data(said) == {"unanswered": "org.review_date"}
    assert conditions.describe(said, {"org.review_date": "Date of the first review"}) == (
        "Date of the first review is not answered")
    with pytest.raises(conditions.ConditionProblem) as refused:
        conditions.parse({"unanswered": "org.reveiw_date"}, questions)
    assert "unknown question id 'org.reveiw_date'" in refused.value.message
    assert "did you mean 'org.review_date'" in refused.value.message


def test_the_engine_and_its_oracle_agree_on_unanswered_beside_other_answers():
    from datetime import date
    rules = [("none", conditions.Unanswered("org.review_date")),
             ("some", conditions.Answered("org.review_date")),
             ("none-and-rivals", conditions.Group("all", (conditions.Unanswered("org.review_date"),
                                                          conditions.Compare("eq", "candidate.rivals", True))))]
    for answers, fired in (({}, {"none"}), ({"candidate.rivals": True}, {"none", "none-and-rivals"}),
                           ({"org.review_date": date(2027, 1, 1), "candidate.rivals": True}, {"some"})):
        assert set(engine_of_record().evaluate("hj-unanswered", rules, answers)) == fired
        assert set(EXACT.evaluate("hj-unanswered", rules, answers)) == fired


def test_the_archived_2_8_and_bank_1_2_keep_their_fingerprints():
    assert _archived("default-2.8").fingerprint.startswith("98e7e72be84b")
    assert _archived("bank-1.2").fingerprint.startswith("99a8765e0410")
    assert _archived("public-sector-1.9").fingerprint.startswith("68efa9e010d8")
    assert default_pack().label == "default@2.9" and _bank().label == "bank@1.3"
    assert default_pack().fingerprint != _archived("default-2.8").fingerprint


# --- 4: the failing behaviours weigh most where the stakes are highest ------------------------------
EVERY_FLAG = {"candidate.blamed_digital": True, "candidate.delivery_expectation": "everything_fast",
              "candidate.prioritisation": "wants_everything"}


def test_the_whole_failing_portrait_on_a_critical_stream_is_a_high_risk_and_still_coached():
    name, old_pack = "critical stream, experienced candidate", _archived("default-2.8")
    old = evaluate(_case(name, old_pack, **EVERY_FLAG), old_pack)
    assert (old.outcome, old.risk.level) == ("coach", "medium")  # the reader of 2.8's D5; 2.8 keeps it
    for pack in (default_pack(), resolve_pack("public-sector")):
        a = evaluate(_case(name, pack, **EVERY_FLAG), pack)
        assert (a.outcome, a.risk.level) == ("coach", "high"), pack.label
        assert {_finding(a, f).severity for f in ("F5", "F7", "F8")} == {"high"}
        assert {"M6", "M7"} <= set(_steps(a))
    essential = _finding(evaluate(_case(name, resolve_pack("public-sector"), **EVERY_FLAG),
                                  resolve_pack("public-sector")), "F5")
    assert "essential public service" in essential.summary and "revenue" not in essential.summary


@pytest.mark.parametrize("flag", [{k: v} for k, v in EVERY_FLAG.items()])
def test_one_failing_behaviour_on_a_critical_stream_stays_coached_at_medium_as_the_reader_predicted(flag):
    """Reader 8 (article only) predicted coach, medium for c01 (blamed digital teams) and p15
    (expects everything within six months) on a critical stream."""
    a = evaluate(_case("critical stream, experienced candidate", **flag), default_pack())
    assert (a.outcome, a.risk.level) == ("coach", "medium")
    calm = evaluate(_case("ready candidate is appointed", **EVERY_FLAG), default_pack())
    assert calm.outcome == "coach" and calm.risk.level == "medium"  # a stream that matters less: as before


# --- 5: dates the form refuses (questionnaire 4), while 2.8's records on questionnaire 3 replay ----
def _dated(pack, **changes):
    from leadfit.forms.case import build_case
    scenario = next(s for s in default_pack().scenarios if s.name == "capable, plan too slow")
    return build_case({**scenario.answers, **changes}, pack.questionnaire)


def test_a_review_on_the_assessment_day_and_a_reduction_dated_before_it_are_refused_by_name():
    from leadfit.errors import InputError
    assessed = _case("ready candidate is appointed").answers["org.assessed_on"]
    for changes, field, words in (
            ({"org.review_date": assessed.isoformat()}, "org.review_date", "must be after date of this assessment"),
            ({"candidate.reduced_by": "2026-05-03"}, "candidate.reduced_by",
             "must be on or after date of this assessment")):
        with pytest.raises(InputError) as refused:
            _dated(default_pack(), **changes)
        problem = next(p for p in refused.value.problems if field in p.message)
        assert words in problem.message and "got" in problem.message
        _dated(_archived("default-2.8"), **changes)  # questionnaire 3 took it: 2.8's records replay
    next_day = _dated(default_pack(), **{"org.review_date": "2026-11-03"})
    assert next_day.answers["org.review_date"].isoformat() == "2026-11-03"


def test_the_cli_refuses_a_reduction_dated_before_the_assessment_and_writes_nothing(tmp_path, cli):
    import yaml
    scenario = next(s for s in default_pack().scenarios if s.name == "capable, plan too slow")
    answers = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in scenario.answers.items()}
    answers["candidate.reduced_by"] = "2026-05-03"
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump({"questionnaire": 4, "answers": answers}), encoding="utf-8")
    done = cli("evaluate", case)
    assert done.returncode != 0 and "-183" not in done.stdout
    assert "Date by which the former role is reduced to that share" in done.stderr
    assert "must be on or after date of this assessment" in done.stderr


# --- 6: "Find out first" says its risk at its worst, and never re-interviews as if for the first time --
DEPENDS = "not known: the candidate's experience decides between coaching and hiring"


def test_find_out_first_says_its_risk_at_worst_and_asks_an_interviewed_candidate_again(tmp_path, cli):
    from leadfit.words import risk_level_words
    a = evaluate(_case(DEPENDS), default_pack())
    assert a.outcome_title.startswith("Find out first") and a.risk.level == "critical"
    assert risk_level_words(a) == "at worst critical"
    assert any(n.startswith("This risk assumes the missing answers") for n in a.notes)  # words 7
    step = next(m for m in a.mitigations if m.id == "M3")
    assert step.title == "Follow-up interview" and "interviewed as an outsider would be" in step.meaning
    fresh = evaluate(_case(DEPENDS, **{"org.interviewed_as_external": False}), default_pack())
    assert "Interview as external" in {m.title for m in [*fresh.mitigations, *fresh.preconditions]}
    old_pack = _archived("default-2.8")
    old = evaluate(_case(DEPENDS, old_pack), old_pack)
    assert risk_level_words(old) == "critical"  # 2.8's records keep their words
    assert next(m for m in old.mitigations if m.id == "M3").title == "Interview as external"


def test_the_comparison_of_candidates_says_the_risk_at_worst_too():
    from leadfit.decisions.comparison_words import risk_words
    a = evaluate(_case(DEPENDS), default_pack())
    assert risk_words(a) == "at worst critical"
    held = evaluate(_case("not known: appoint holds whatever the rivals"), default_pack())
    assert risk_words(held) == held.risk.level  # a recommendation that holds is measured


# --- reader 8's first point: induction for every executive learning the role --------------------
def test_an_executive_coached_for_gaps_other_than_years_is_given_an_induction():
    name = "coached for MVP delivery and holding the line, no induction programme"
    old_pack = _archived("default-2.8")
    assert "M5" not in _steps(evaluate(_case(name, old_pack), old_pack))  # 2.8 asked for none
    built = _steps(evaluate(_case(name), default_pack()))
    assert "induction programme" in built["M5"] and not built["M5"].startswith("In place")
    in_place = _steps(evaluate(_case(name, **{"org.induction": True}), default_pack()))["M5"]
    assert in_place.startswith("In place: there is an induction programme")
    ready = evaluate(_case("ready candidate is appointed", **{"org.induction": False}), default_pack())
    assert "M5" not in _steps(ready)  # a ready Product Director needs none


def test_pack_diff_from_questionnaire_4_back_to_3_is_refused_in_words_not_a_traceback():
    from tests.helpers import run_cli
    back = run_cli("pack", "diff", "default", "rules/archive/default-2.8")
    assert back.returncode == 2 and "Traceback" not in back.stderr
    assert "default@2.9 asks questionnaire 4 and default@2.8 the older questionnaire 3" in back.stderr
    assert "compare them the other way round" in back.stderr


# --- reader 8's fourth point and words list: the trade-off says what is missing, in a person's words -
def test_the_trade_off_says_holding_the_line_plainly_and_never_calls_a_ready_executive_a_learner():
    """Words 7 (hW's, docs/words-7.md) set in default 2.9, with P5 worded by what the person does."""
    def note(name, pack=None, **changes):
        pack = pack or default_pack()
        return evaluate(_case(name, pack, **changes), pack).notes[0]
    assert "holding the line with business stakeholders" in note("holds the line only sometimes")
    assert "has yet to hold the line with business stakeholders" in note("gives way to senior stakeholders")
    flagged = note("critical stream, experienced candidate", **{"candidate.blamed_digital": True})
    assert "works on what the findings name" in flagged and "still learning the role" not in flagged
    assert "stakeholder tension" not in note("holds the line only sometimes")
    old = _archived("default-2.8")  # 2.8's records replay their own words
    assert "is still short on stakeholder tension" in note("holds the line only sometimes", old)


def test_the_risk_help_and_the_pack_docs_say_a_critical_finding_is_at_least_high():
    from leadfit.words import risk_at_least_words
    said = risk_at_least_words(default_pack().settings.risk_at_least)
    assert said == "One critical finding makes the risk at least high, whatever the score."
    assert risk_at_least_words(_archived("default-2.8").settings.risk_at_least) == ""  # 2.8 had none


def test_a_risk_an_open_choice_accepts_is_said_so_beside_the_recommendation():
    """Reader 8, c09: "Appoint with coaching", "Risk: critical", the acceptance only in a note below."""
    from leadfit.words import risk_level_words
    chosen = evaluate(_case("low-stakes stream, development chosen openly"), default_pack())
    assert chosen.outcome == "coach" and chosen.risk.level == "critical"
    assert risk_level_words(chosen) == "critical, accepted as a deliberate choice"
    assert risk_level_words(evaluate(_case("a learner with two years"), default_pack())) == "medium"
