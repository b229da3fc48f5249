"""Choosing one of the candidates compared: the record names the others (name, outcome,
risk) inside its hashed body; editing them is caught; the rationale PDF lists them; a
record made without a comparison writes exactly the text it always did."""

from __future__ import annotations

import io
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import text

from leadfit.decisions import making, service
from leadfit.decisions.comparison import ComparisonError, considered_with
from leadfit.decisions.errors import DecisionError, RecordAltered
from leadfit.decisions.record import Considered, DecisionRecord, sha256_text
from leadfit.decisions.register import open_register
from leadfit.reports import printing
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.library import default_pack
from tests.compare_support import case_of, write_case
from tests.decisions_support import cli, counts, db_url, reg, squash  # noqa: F401  (fixtures)

EXPECTED = [("Alex Morgan", "coach", "Appoint with coaching", "high"),
            ("Sam Lee", "hire_external", "Hire an experienced Product Director", "critical")]


def _choose_priya(reg):
    pack = default_pack()
    chosen = case_of("Priya Shah")
    others = considered_with(("priya.yaml", chosen),
                             [("alex.yaml", case_of("Alex Morgan")), ("sam.yaml", case_of("Sam Lee"))],
                             pack)
    return service.decide(reg, chosen, pack, decision="appoint", plan_later=True,
                          considered=others)


def _as_tuples(record):
    return [(c.name, c.outcome, c.outcome_title, c.risk) for c in record.considered]


def test_the_record_names_each_alternative_with_its_outcome_and_risk(reg):
    record = _choose_priya(reg)
    assert _as_tuples(record) == EXPECTED
    body = record.canonical()
    assert '"considered":[' in body and '"name":"Sam Lee"' in body
    again = service.show(reg, record.ref)
    assert _as_tuples(again) == EXPECTED and again.canonical() == body
    assert service.verify(reg).ok


def test_a_record_without_a_comparison_writes_no_considered_key(reg):
    record = service.decide(reg, case_of("Priya Shah"), default_pack(), decision="appoint",
                            plan_later=True)
    assert record.considered == [] and "considered" not in record.canonical()
    assert DecisionRecord.from_text(record.canonical()).canonical() == record.canonical()


@pytest.mark.parametrize("rehash", [False, True])
def test_editing_an_alternatives_risk_by_hand_is_caught(tmp_path, rehash):
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        record = _choose_priya(reg)
        with reg.write() as conn:
            body = conn.execute(text("SELECT body FROM decision_records")).scalar()
            forged = body.replace('"risk":"critical"', '"risk":"low"')
            assert forged != body
            conn.execute(text("UPDATE decision_records SET body=:b"
                              + (", hash=:h" if rehash else "")),
                         {"b": forged, "h": sha256_text(forged)})
        assert not service.verify(reg).ok
        with pytest.raises(RecordAltered):
            service.show(reg, record.ref)


def test_a_correction_keeps_the_candidates_considered(reg):
    record = _choose_priya(reg)
    corrected = service.correct(reg, record.ref, reason="Review date agreed",
                                review_date="2027-03-01")
    assert _as_tuples(corrected) == EXPECTED


def test_the_chosen_candidate_cannot_also_be_an_alternative(reg):
    pack = default_pack()
    priya = case_of("Priya Shah")
    with pytest.raises(ComparisonError, match="appears twice"):
        considered_with(("a.yaml", priya), [("b.yaml", priya)], pack)
    sneaked = considered_with(("a.yaml", case_of("Alex Morgan")), [("b.yaml", priya)], pack)
    with pytest.raises(DecisionError, match="is the candidate chosen"):
        service.decide(reg, priya, pack, decision="appoint", plan_later=True, considered=sneaked)
    assert counts(reg) == (0, 0)


def test_the_rationale_pdf_lists_the_candidates_considered(reg):
    record = _choose_priya(reg)
    result = printing.render_pdf(reg, record.ref)
    pdf_text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(result.pdf)).pages))
    for piece in ("Other candidates considered",
                  "Priya Shah was chosen for Home buying journey from 3 candidates",
                  "Priya Shah (chosen) Appoint once the steps before the appointment are done low", "Alex Morgan Appoint with coaching high",
                  "Sam Lee Hire an experienced Product Director critical"):
        assert piece in pdf_text, piece


def test_decide_on_the_command_line_names_the_others(cli, tmp_path):
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    priya, alex, sam = (write_case(tmp_path, n) for n in ("Priya Shah", "Alex Morgan", "Sam Lee"))
    made = cli("decide", "--recorded-by", "Robin Hale", priya, "--decision", "appoint", "--plan-later", "--considered", alex, sam,
               "--db", db)
    assert made.returncode == 0, made.stderr
    shown = cli("register", "show", made.stdout.split()[0], "--db", db)
    assert "also considered: Alex Morgan (Appoint with coaching; risk high)" in shown.stdout
    assert "also considered: Sam Lee (Hire an experienced Product Director; risk critical)" \
        in shown.stdout


def test_decide_with_alternatives_for_another_stream_writes_nothing(cli, tmp_path):
    path = tmp_path / "r.sqlite3"
    priya = write_case(tmp_path, "Priya Shah")
    other = write_case(tmp_path, "Jo Bloggs", **{"stream.name": "Savings journey"})
    bad = write_case(tmp_path, "Sam Lee", **{"candidate.former_role_share": 140})
    result = cli("decide", "--recorded-by", "Robin Hale", priya, "--decision", "appoint", "--plan-later", "--considered", other,
                 bad, "--db", f"sqlite:///{path}")
    assert result.returncode == 2
    said = squash(result.stderr)
    assert "sam-lee.yaml" in said and "Share of their time kept in the former role" in said
    assert not path.exists()
    result = cli("decide", "--recorded-by", "Robin Hale", priya, "--decision", "appoint", "--plan-later", "--considered", other,
                 "--db", f"sqlite:///{path}")
    assert result.returncode == 2 and "different value streams" in squash(result.stderr)
    assert not path.exists()


_NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                 max_size=40).filter(str.strip)
_ENTRY = st.builds(Considered, name=_NAMES,
                   outcome=st.sampled_from([None, "appoint", "coach", "hire_external"]),
                   outcome_title=_NAMES, risk=st.sampled_from(["low", "medium", "high", "critical"]))


@cache
def _base_record() -> DecisionRecord:
    pack = default_pack()
    case = case_of("Priya Shah")
    return making.build(record_id="LF-2026-0001", version=1, case=case, pack=pack,
                        assessment=evaluate(case, pack), decision="appoint", justification="",
                        conditions="", review_date=None, plan=None, status="awaiting_signoff",
                        plan_later=True)


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(_ENTRY, max_size=5))
def test_the_considered_list_round_trips_and_an_empty_one_leaves_the_old_text(entries):
    """Old and new records agree: with no candidates compared the text is the older format's
    exactly; with some, they read back from the stored text unchanged, and the hash moves."""
    base = _base_record()
    record = base.model_copy(update={"considered": entries})
    text_ = record.canonical()
    back = DecisionRecord.from_text(text_)
    assert back.considered == entries and back.canonical() == text_
    if entries:
        assert sha256_text(text_) != sha256_text(base.canonical())
    else:
        assert text_ == base.canonical() and "considered" not in text_


def test_choosing_the_riskier_candidate_compared_needs_a_reason(cli, tmp_path):
    """F33: Alex Morgan (high risk) chosen over Priya Shah, compared beside them at lower
    risk, was recorded with no word of why."""
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    priya, alex = (write_case(tmp_path, n) for n in ("Priya Shah", "Alex Morgan"))
    refused = cli("decide", "--recorded-by", "Robin Hale", alex, "--decision", "coach",
                  "--conditions", "Weekly coaching", "--plan-later", "--considered", priya,
                  "--db", db)
    assert refused.returncode == 2
    said = squash(refused.stderr)
    assert "Alex Morgan is at high risk, and Priya Shah (" in said
    assert "choosing the riskier candidate needs a written justification" in said
    assert not (tmp_path / "r.sqlite3").exists()
    given = cli("decide", "--recorded-by", "Robin Hale", alex, "--decision", "coach",
                "--conditions", "Weekly coaching", "--plan-later", "--considered", priya,
                "--justify", "Priya declined the move", "--db", db)
    assert given.returncode == 0, given.stderr
