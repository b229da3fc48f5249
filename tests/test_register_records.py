"""Decide, sign, correct and list against a real register (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from leadfit.decisions import service
from leadfit.decisions.errors import DecisionError, IncompleteCase, RecordNotFound
from leadfit.errors import InputError
from leadfit.forms.case import build_case
from tests.decisions_support import (
    case_with,
    counts,
    decide_coach,
    example_case,
    pack,
    signed_record,
)


def test_decide_then_sign_in_every_required_role(reg):
    record = decide_coach(reg)
    assert record.status == "awaiting_signoff"
    assert record.required_roles == ["decision_maker", "hr"]
    after_one = service.sign(reg, record.record_id, name="Dana", role="decision_maker")
    assert after_one.status == "awaiting_signoff" and after_one.missing_roles() == ["hr"]
    done = service.sign(reg, record.record_id, name="Harper", role="hr", dissent="Too soon")
    assert done.status == "signed"
    shown = service.show(reg, record.record_id)
    assert shown == done
    assert shown.signoffs[1].dissent and shown.signoffs[1].dissent_reasons == "Too soon"
    assert shown.assessment.outcome == "coach"
    assert shown.pack.fingerprint == pack().fingerprint


def test_a_signed_record_never_changes(reg):
    record = signed_record(reg)
    before = counts(reg)
    with pytest.raises(DecisionError, match="already signed"):
        service.sign(reg, record.ref, name="Late", role="hr")
    assert counts(reg) == before


def test_correction_supersedes_and_both_versions_stay_readable_and_listed(reg):
    first = signed_record(reg)
    second = service.correct(reg, first.record_id, reason="Wrong review date",
                             review_date="2027-03-01")
    assert (second.version, second.supersedes, second.status) == (2, first.ref, "awaiting_signoff")
    assert second.decision.review_date == "2027-03-01"
    assert service.show(reg, f"{first.record_id}@1") == first          # unchanged, readable
    assert service.show(reg, first.record_id).version == 2             # latest by default
    listed = {s.ref: s.status for s in service.list_records(reg)}
    assert listed == {first.ref: "superseded", second.ref: "awaiting_signoff"}
    assert [r.version for r in service.history(reg, first.record_id)] == [1, 2]
    assert [s.ref for s in service.list_records(reg, status="superseded")] == [first.ref]
    with pytest.raises(DecisionError, match="superseded"):
        service.sign(reg, first.ref, name="X", role="hr")
    assert service.verify(reg).ok


def test_correction_with_new_answers_re_evaluates(reg):
    first = decide_coach(reg)
    better = case_with(candidate__digital_years=9, candidate__led_multidisciplinary=True)
    second = service.correct(reg, first.ref, reason="Experience was misread", case=better,
                             pack=pack())
    assert second.answers["candidate.digital_years"] == 9
    assert second.assessment != first.assessment


def test_list_filters_by_stream_outcome_and_status(reg):
    a = decide_coach(reg)
    b = service.decide(reg, case_with(stream__name="Claims"), pack(), decision="hire_external",
                       justification="Board wants an experienced hire")
    assert [s.ref for s in service.list_records(reg)] == [b.ref, a.ref]          # newest first
    assert [s.ref for s in service.list_records(reg, stream="Claims")] == [b.ref]
    assert [s.ref for s in service.list_records(reg, outcome="coach")] == [a.ref]
    assert service.list_records(reg, stream="Claims", outcome="coach") == []
    assert [s.ref for s in service.list_records(reg, status="awaiting_signoff")] == [b.ref, a.ref]


@pytest.mark.parametrize("kwargs, words", [
    ({"decision": "appoint"}, "justification is required"),
    ({"decision": "promote", "justification": "x"}, "not one of"),
    ({"decision": "coach", "conditions": ""}, "conditions"),
    ({"decision": "coach", "conditions": "x", "review_date": "31/12/2027"}, "not a date"),
    ({"decision": "coach", "conditions": "x", "plan": {"M99": ("Sam", None)}}, "M99"),
    ({"decision": "coach", "conditions": "x", "plan": {"M10": ("Sam", "soon")}}, "not a date"),
    ({"decision": "coach", "conditions": "x" * 5_001}, "may be at most 5,000 characters"),
])
def test_refused_decisions_name_the_problem_and_write_nothing(reg, kwargs, words):
    with pytest.raises(DecisionError, match=words) as err:
        service.decide(reg, example_case(), pack(), **kwargs)
    assert err.value.exit_code == 2
    assert counts(reg) == (0, 0)


def test_coach_without_any_review_date_is_reviewed_90_days_after_the_assessment(reg):
    """Issue 12: the first fail-fast review defaults to 90 days after the assessment
    (2 November 2026), the decisive one to 90 days after that."""
    case = case_with(org__review_date=None)
    record = service.decide(reg, case, pack(), decision="coach", conditions="x", plan_later=True)
    assert (record.decision.review_date, record.decision.decisive_review_date) == \
        ("2027-01-31", "2027-05-01")


def test_incomplete_case_is_refused_with_exit_3(reg):
    case = build_case({"stream.name": "Half done"}, pack().questionnaire)
    with pytest.raises(IncompleteCase, match="incomplete") as err:
        service.decide(reg, case, pack(), decision="coach", conditions="x")
    assert err.value.exit_code == 3
    assert counts(reg) == (0, 0)


@pytest.mark.parametrize("kwargs, words", [
    ({"name": "", "role": "hr"}, "name"),
    ({"name": "Z", "role": "ceo"}, "not asked to sign"),
])
def test_refused_signoffs_write_nothing(reg, kwargs, words):
    record = decide_coach(reg)
    before = counts(reg)
    with pytest.raises(DecisionError, match=words):
        service.sign(reg, record.ref, **kwargs)
    assert counts(reg) == before


def test_the_same_role_cannot_sign_twice(reg):
    record = decide_coach(reg)
    service.sign(reg, record.ref, name="A", role="hr")
    with pytest.raises(DecisionError, match="already signed"):
        service.sign(reg, record.ref, name="B", role="hr")


def test_drafts_are_submitted_before_signing(reg):
    record = decide_coach(reg, draft=True)
    with pytest.raises(DecisionError, match="draft"):
        service.sign(reg, record.ref, name="A", role="hr")
    assert service.submit(reg, record.ref).status == "awaiting_signoff"
    assert service.sign(reg, record.ref, name="A", role="hr").signoffs[0].name == "A"


@pytest.mark.parametrize("ref", ["LF-2026-9999", "LF-2026-0001@7", "LF-2026-0001@x", "nonsense"])
def test_unknown_references_are_named(reg, ref):
    decide_coach(reg)
    with pytest.raises(RecordNotFound, match="no record"):
        service.show(reg, ref)


def test_correction_needs_a_reason(reg):
    record = decide_coach(reg)
    with pytest.raises(DecisionError, match="reason"):
        service.correct(reg, record.ref, reason="  ")
    assert counts(reg) == (1, 1)


def test_csv_export_lists_every_version_and_defuses_formulas(reg, tmp_path):
    import csv
    decide_coach(reg, case=case_with(stream__name="=HYPERLINK(\"http://x\")"))
    first = signed_record(reg)
    service.correct(reg, first.ref, reason="typo", conditions="Weekly coaching")
    out = tmp_path / "register.csv"
    assert service.export_csv(reg, out) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [r["status"] for r in rows] == ["awaiting_signoff", "superseded", "awaiting_signoff"]
    assert rows[2]["stream"].startswith("'=HYPERLINK")
    with pytest.raises(InputError, match="does not exist"):
        service.export_csv(reg, tmp_path / "nowhere" / "x.csv")
