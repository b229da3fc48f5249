"""Who leads the other streams is read from the register's signed decisions (F10); a record
whose text was edited outside LeadFit fails its hash, and is left out and named, never
counted in silence and stored in the new record (F39)."""

from __future__ import annotations

import json

import yaml

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.decisions_support import case_with, signed_record, squash, tamper
from tests.helpers import EXAMPLE_CASE


def other_stream_signed(db, stream="Mortgages", candidate="Bea Brown"):
    with open_register(db) as reg:
        return signed_record(reg, case=case_with(stream__name=stream, candidate__name=candidate)).ref


def a_case(tmp_path, stream="Savings"):
    data = yaml.safe_load(EXAMPLE_CASE.read_text())
    data["answers"]["stream.name"] = stream
    path = tmp_path / "savings.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def decide(cli, db, case):
    return cli("decide", case, "--decision", "coach", "--conditions", "Weekly coaching",
               "--plan-later", "--recorded-by", "Pat Smith", "--db", db)


def test_a_tampered_record_is_left_out_of_a_decision_and_named(cli, db, tmp_path):
    tampered = other_stream_signed(db)
    sound = other_stream_signed(db, stream="Current accounts", candidate="Cy Cole")
    tamper(db, "Bea Brown", "Bea Green")            # its text only: the hash no longer matches
    result = decide(cli, db, a_case(tmp_path))
    assert result.returncode == 0, result.stderr
    said = squash(result.stderr)
    assert "read from the register: of 1 other stream, none is led by an experienced" in said
    assert (f"left out, not counted: {tampered}, changed outside LeadFit since it was signed"
            in said)
    with open_register(db) as reg:
        record = service.show(reg, result.stdout.split()[0])
    reading = record.other_streams
    assert [s.ref for s in reading.streams] == [sound]   # the tampered one is not in the record
    assert reading.altered == [tampered] and reading.learners == 1


def test_when_only_a_tampered_record_is_there_the_form_answer_stands_and_says_why(cli, db, tmp_path):
    tampered = other_stream_signed(db)
    tamper(db, "Bea Brown", "Bea Green")
    result = decide(cli, db, a_case(tmp_path))
    assert result.returncode == 0, result.stderr
    said = squash(result.stderr)
    assert "Who leads the other streams: as answered on the form, \u201cA mix" in said
    assert f"left out, not counted: {tampered}" in said
    with open_register(db) as reg:
        record = service.show(reg, result.stdout.split()[0])
    assert record.other_streams.total == 0 and record.other_streams.streams == []
    assert record.answers["stream.other_stream_leads"] == "mixed"   # the form's own answer


def test_evaluate_leaves_the_tampered_record_out_too(cli, db, tmp_path):
    tampered = other_stream_signed(db)
    tamper(db, "Bea Brown", "Bea Green")
    text = cli("evaluate", a_case(tmp_path), "--db", db)
    assert f"left out, not counted: {tampered}" in squash(text.stdout)
    data = json.loads(cli("evaluate", a_case(tmp_path), "--db", db, "--format", "json").stdout)
    assert data["other_streams"]["altered"] == [tampered]
    assert data["other_streams"]["streams"] == []


def test_a_sound_register_is_read_as_before(cli, db, tmp_path):
    other_stream_signed(db)
    result = decide(cli, db, a_case(tmp_path))
    said = squash(result.stderr)
    assert "read from the register: of 1 other stream" in said and "left out" not in said


def test_a_product_director_still_to_be_hired_is_said_to_be_so(cli, db, tmp_path):
    """F25: a stream decided 'hire an experienced Product Director' was read as led by one,
    setting the standard, though nobody leads it until the hire is made."""
    from tests.decisions_support import pack, sign_all
    with open_register(db) as reg:
        case = case_with(stream__name="Payments", candidate__name="Bea Brown")
        sign_all(reg, service.decide(reg, case, pack(), decision="hire_external",
                                     justification="The board chose to hire").ref)
    result = decide(cli, db, a_case(tmp_path))
    said = squash(result.stderr)
    assert ("of 1 other stream, 1 is led by an experienced Product Director (still to be hired)"
            " and 0 by executives learning the role; once hired, an experienced Product"
            " Director will set the standard") in said
    with open_register(db) as reg:
        assert service.show(reg, result.stdout.split()[0]).other_streams.to_hire == 1


def test_the_portfolio_says_the_only_experienced_lead_is_still_to_be_hired(cli, db, tmp_path):
    from tests.decisions_support import pack, pdf_pages, sign_all
    with open_register(db) as reg:
        for stream, decision in (("Payments", "hire_external"), ("Savings", "coach")):
            case = case_with(stream__name=stream, candidate__name="Bea Brown")
            sign_all(reg, service.decide(reg, case, pack(), decision=decision, plan_later=True,
                                         conditions="Weekly coaching",
                                         justification="The board chose so").ref)
    out = tmp_path / "portfolio.pdf"
    run = cli("portfolio", "--db", db, "--out", out)
    assert ("1 of 2 led by an experienced Product Director (still to be hired), 1 by executives"
            in run.stdout)
    words = squash(" ".join(pdf_pages(out.read_bytes())))
    assert "1 of 2 (50%) is led by an experienced Product Director (still to be hired);" in words
    assert "those an experienced Product Director will, once hired, set the standard for" in words
