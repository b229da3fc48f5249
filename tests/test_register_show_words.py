"""What HR reads in `register show` and the sign refusal is words, not codes: roles, the rule
pack and the form's answer set aside; a coaching plan declined is not "none required"
(fresh-eyes round 6, items 5 and 6)."""

from __future__ import annotations

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.decisions_support import case_with, decide_coach, pack, signed_record
from tests.helpers import run_cli


def _show(db: str, ref: str) -> str:
    shown = run_cli("register", "show", ref, "--db", db)
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


def test_the_sign_refusal_names_the_roles_as_people_say_them(db):
    with open_register(db) as reg:
        record = decide_coach(reg)
    refused = run_cli("sign", record.ref, "--name", "Kim Wu", "--role", "boss", "--db", db)
    assert refused.returncode == 2
    assert "the roles asked: Decision maker, HR" in refused.stderr
    assert "decision_maker" not in refused.stderr and " hr" not in refused.stderr


def test_register_show_says_the_pack_and_the_answer_set_aside_in_words(db):
    with open_register(db) as reg:
        signed_record(reg)  # another stream's signed decision: the register is read
        other = decide_coach(reg, case_with(**{"stream.name": "Savings journey",
                                               "stream.other_stream_leads": "mixed"}))
    assert other.other_streams is not None and other.other_streams.form_answer == "mixed"
    shown = _show(db, other.ref)
    assert f"  rule pack:       {other.pack.name} {other.pack.version}\n" in shown
    assert "@" not in shown.split("rule pack:")[1].splitlines()[0]
    assert "(the form's answer, “A mix of both”, was set aside)" in shown
    assert "“mixed”" not in shown


def test_an_appointment_against_coaching_says_its_plan_was_declined(db):
    with open_register(db) as reg:
        record = service.decide(reg, case_with(), pack(), decision="appoint",
                                justification="An internal mentor is already in place")
    assert record.assessment.outcome == "coach" and not record.decision.plan
    shown = _show(db, record.ref)
    assert "  mitigation plan: none: the coaching plan recommended was declined\n" in shown
    assert "none required" not in shown
    assert "(Appointing without conditions has no coaching: the coaching plan the recommendation" \
        " carried (M5 Induction," in shown


def test_a_hire_recommended_needs_no_plan_and_says_so(db):
    from leadfit.forms.case import build_case
    hire = next(s for s in pack().scenarios if s.expect.outcome == "hire_external"
                and not any(v == "not known" for v in s.answers.values()))
    with open_register(db) as reg:
        record = service.decide(reg, build_case(hire.answers, pack().questionnaire), pack(),
                                decision="hire_external")
    assert record.decision.recommended == "hire_external"
    assert "  mitigation plan: none required\n" in _show(db, record.ref)


def test_register_list_takes_the_words_it_prints_and_names_every_bad_filter(db):
    with open_register(db) as reg:
        decide_coach(reg)
    for outcome, status in (("appoint with Coaching", "awaiting sign-off"),
                            ("coach", "awaiting_signoff")):
        listed = run_cli("register", "list", "--outcome", outcome, "--status", status, "--db", db)
        assert listed.returncode == 0, listed.stderr
        assert "Appoint with coaching" in listed.stdout and "no records" not in listed.stdout
    refused = run_cli("register", "list", "--status", "bogus", "--outcome", "nope", "--db", db)
    assert refused.returncode == 2
    assert ("status 'bogus' is not one of: draft, awaiting sign-off (awaiting_signoff), signed,"
            " superseded, withdrawn") in refused.stderr
    assert "outcome 'nope' is not one of: Appoint (appoint), Appoint with coaching (coach)" \
        in refused.stderr
