"""What default 2.1 settles from a domain reader's check of 2.0 (docs/judgement.md), as a
user reads it: the record's words for a capable part-timer, which changes are offered as
levers, and records decided under 2.0 still replaying from the archive."""

from __future__ import annotations

import yaml

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from leadfit.forms.case import build_case
from leadfit.rules.model.library import archived_packs_dir, default_pack, load_pack
from leadfit.rules.runtime.explain import evaluate_explained
from tests.helpers import run_cli

# default@2.0 as shipped (main 8c14f50): its records name this fingerprint.
DEFAULT_2_0_FINGERPRINT = "53fb455fc03e3d132024de0dbe25d01c5a99bac5ef86a58f83d0761e13f9f20c"
IF_NOT_LIGHTENED = ("If that is not settled before they start, do not go ahead: hire an experienced"
                    " Product Director instead")


# Cases whose other outcomes lie across support or hiring (tests/test_changes.py checks every
# scenario's changes are real and nearest; this checks which of them are called levers).
SUPPORT_AT_STAKE = ("eleven failure modes add up to hiring", "nobody to coach a learner",
                    "learner with a CPO to mentor them", "hiring impossible forces coaching at higher risk",
                    "a learner with two years", "outside coach instead of a CPO",
                    "no peers for someone who never led teams", "capable, keeps eighty percent with no plan")


def _scenario(name: str):
    return next(s for s in default_pack().scenarios if s.name == name)


def _case_file(tmp_path, name: str):
    answers = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
               for k, v in _scenario(name).answers.items()}
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"questionnaire": 2, "answers": answers}))
    return path


def _said(done) -> str:
    return " ".join(done.stdout.split())


def test_a_capable_part_timer_with_no_plan_is_told_to_hire_if_the_role_is_not_lightened_first(tmp_path):
    done = run_cli("evaluate", _case_file(tmp_path, "capable, keeps eighty percent with no plan"))
    assert done.returncode == 0, done.stderr
    said = _said(done)
    assert ("Recommendation: Appoint once the steps before the appointment are done Risk of"
            " appointing") in said  # 2.4; 2.6: not the catalogue's words for coaching
    assert "- Lighten the load: " in said
    assert IF_NOT_LIGHTENED in said


def test_the_hire_warning_is_not_given_where_the_plan_lightens_the_role_in_time(tmp_path):
    for name in ("capable, keeps thirty percent with a full plan", "ready candidate is appointed",
                 "learner keeps thirty percent with a full plan"):
        done = run_cli("evaluate", _case_file(tmp_path, name))
        assert IF_NOT_LIGHTENED not in _said(done), name


def test_making_hiring_impossible_is_a_fact_never_a_lever_towards_coaching(tmp_path):
    done = run_cli("evaluate", _case_file(tmp_path, "eleven failure modes add up to hiring"))
    said = _said(done)
    assert "Recommendation: Hire an experienced Product Director" in said
    # 2.4: said as the worse situation it is, never a route (test_judgement_reader4.py); 2.5: as
    # one change that alone would do
    # 2.8 (words 6): a milder outcome reached only by taking the option to hire away is no route
    # at all; it is said once as such (tests/test_judgement_2_8.py), never as a change to make
    assert ("The nearest way to Appoint with coaching would take support or the option to hire away:"
            " that is no way to get there.") in said
    assert "“No” (now “Yes, budget and approval exist”; the organisation can change this)" not in said
    assert "Could you hire an experienced Product Director from outside?” were “No”" not in said


def test_no_change_offered_as_a_lever_takes_support_or_an_option_away():
    pack = default_pack()
    allowed = pack.settings.lever_values
    assert allowed["org.external_hire"] == ["possible"] and allowed["org.cpo_available"] == [True]
    checked = 0
    for name in SUPPORT_AT_STAKE:
        scenario = _scenario(name)
        result = evaluate_explained(build_case(scenario.answers, pack.questionnaire), pack)
        for alt in result.alternatives:
            sets = list(alt.nearest) + ([alt.levers_only] if alt.levers_only else [])
            for change in (c for s in sets for c in s.changes):
                checked += 1
                if change.question in allowed and change.lever:
                    assert change.value in allowed[change.question], (scenario.name, change)
            if alt.levers_only:
                assert all(c.lever for c in alt.levers_only.changes), (scenario.name, alt.outcome)
    assert checked >= len(SUPPORT_AT_STAKE)


def test_records_decided_under_default_2_0_replay_identically_from_the_archive(tmp_path):
    old = load_pack(archived_packs_dir() / "default-2.0")
    assert old.label == "default@2.0" and old.fingerprint == DEFAULT_2_0_FINGERPRINT
    assert default_pack().label == "default@2.9" and default_pack().fingerprint != DEFAULT_2_0_FINGERPRINT
    with open_register(tmp_path / "register.sqlite3") as reg:
        refs = []
        for name in ("capable, keeps eighty percent with no plan", "eleven failure modes add up to hiring"):
            case = build_case(_scenario(name).answers, old.questionnaire)
            refs.append(service.decide(reg, case, old, decision=evaluate_explained(case, old).outcome).ref)
        for ref in refs:
            result = service.replay(reg, ref)
            assert result.identical and result.pack_label == "default@2.0", (ref, result.differences)
            assert IF_NOT_LIGHTENED not in " ".join(service.show(reg, ref).assessment.notes)
