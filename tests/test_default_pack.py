"""The default pack encodes the whole catalogue, and decides the same way every time."""

from __future__ import annotations

from leadfit.forms.case import load_case_file
from leadfit.forms.questionnaire import default_questionnaire
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.catalogue import default_catalogue
from leadfit.rules.model.library import default_pack
from tests.helpers import EXAMPLE_CASE

ALL_IDS = ([f"P{i}" for i in range(1, 7)] + [f"R{i}" for i in range(1, 7)]
           + [f"F{i}" for i in range(1, 13)] + [f"M{i}" for i in range(1, 11)])


def test_catalogue_has_exactly_the_articles_ids():
    assert sorted(default_catalogue().citable) == sorted(ALL_IDS)
    assert set(default_catalogue().ids("outcomes")) == {"appoint", "coach", "hire_external"}


def test_every_catalogue_id_is_cited_by_a_rule_of_the_default_pack():
    cited = {i for rule in default_pack().rules for i in rule.cites()}
    assert [i for i in ALL_IDS if i not in cited] == []


def test_every_question_informs_only_catalogue_ids():
    ids = set(default_catalogue().entries)
    bad = {q.id: q.informs for q in default_questionnaire().questions.values()
           if set(q.informs) - ids}
    assert bad == {}


def test_scenarios_cover_each_outcome_failure_and_mitigation():
    pack = default_pack()
    outcomes = {s.expect.outcome for s in pack.scenarios}
    assert {"appoint", "coach", "hire_external", None} <= outcomes
    included = {i for s in pack.scenarios for i in s.expect.includes}
    needed = [f"F{i}" for i in range(1, 13)] + [f"M{i}" for i in range(1, 11)]
    assert [i for i in needed if i not in included] == []
    assert len(pack.scenarios) >= 20


def test_two_evaluations_are_identical_byte_for_byte():
    pack = default_pack()
    case = load_case_file(EXAMPLE_CASE, pack.questionnaire)
    assert evaluate(case, pack).to_json() == evaluate(case, pack).to_json()


def test_coach_always_carries_a_fail_fast_review():
    pack = default_pack()
    from leadfit.forms.case import build_case
    for s in pack.scenarios:
        if s.expect.outcome == "coach":
            a = evaluate(build_case(s.answers, pack.questionnaire), pack)
            # 2.5: a first review set too late is brought forward before the appointment
            assert "M10" in {m.id for m in a.plan_steps()}, s.name


def test_hiring_impossible_never_appoints_and_says_so():
    pack = default_pack()
    scenario = next(s for s in pack.scenarios if s.name.startswith("hiring impossible"))
    from leadfit.forms.case import build_case
    a = evaluate(build_case(scenario.answers, pack.questionnaire), pack)
    assert a.outcome == "coach"
    assert a.risk.level in ("high", "critical")
    assert "not possible here" in a.constraints[0]
    assert a.why_not["hire_external"][0].startswith("Not possible here")


def test_fingerprint_ignores_formatting_but_not_meaning(tmp_path):
    import shutil

    from leadfit.rules.model.library import load_pack
    src = default_pack().folder
    copy = tmp_path / "copy"
    shutil.copytree(src, copy)
    text = (copy / "rules.yaml").read_text()
    (copy / "rules.yaml").write_text("# reformatted\n" + text.replace("    when: {eq: {candidate.owns_pnl: full}}",
                                                                    "    when:\n      eq: {candidate.owns_pnl: full}"))
    assert load_pack(copy).fingerprint == default_pack().fingerprint
    settings = (copy / "pack.yaml").read_text()
    (copy / "pack.yaml").write_text(settings.replace("p1_met_years: 3", "p1_met_years: 4", 1))
    assert load_pack(copy).fingerprint != default_pack().fingerprint


def test_assessments_validate_when_read_back():
    """Built without re-validation for speed, so prove each one is valid."""
    from leadfit.forms.case import build_case
    from leadfit.rules.model.assessment import Assessment
    pack = default_pack()
    for s in pack.scenarios:
        a = evaluate(build_case(s.answers, pack.questionnaire), pack)
        assert Assessment.model_validate_json(a.to_json()).to_json() == a.to_json()
