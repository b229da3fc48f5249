"""What an HR reviewer noticed: unagreed plans, one person in two roles, unsigned paper
that looks final, replay under another pack, filters, a thin CSV, roles in words."""

from __future__ import annotations

import csv

import pytest

from leadfit.decisions import service
from leadfit.reports import printing
from leadfit.decisions.errors import DecisionError
from leadfit.decisions.register import open_register
from leadfit.pdf import Document
from tests.decisions_support import case_with, counts, decide_coach, pack, pdf_pages, signed_record, squash
from tests.helpers import EXAMPLE_CASE, REPO


# -- 3: a plan nobody agreed says so ----------------------------------------------------
def test_mitigations_not_planned_are_to_be_agreed_not_assigned(db, cli):
    with open_register(db) as reg:
        record = decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")})
        text = " ".join(pdf_pages(printing.render_pdf(reg, record.ref).pdf))
    planned = {p.id: (p.who, p.by_when) for p in record.decision.plan}
    assert planned.pop("M5") == ("Sam Lee", "2027-01-15")
    # deferred (decide_coach says plan_later): to be agreed by the fail-fast review date
    assert planned and set(planned.values()) == {("to be agreed", "to be agreed by 1 February 2027")}
    assert "Sam Lee 15 January 2027" in text and "to be agreed to be agreed by 1 February 2027" in text
    assert "by to be agreed" not in text
    assert "decision maker" not in text                      # no owner invented
    shown = cli("register", "show", record.record_id, "--db", db).stdout
    assert "    Induction: Sam Lee, by 15 January 2027 [M5]" in shown
    assert ": owner and date to be agreed by 1 February 2027" in shown and "by to be agreed" not in shown


def test_a_plan_due_before_the_assessment_is_refused(db, cli):
    result = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach", "--plan-later", "--conditions", "x",
                 "--plan", "M5", "Sam Lee", "2026-11-01", "--db", db)
    assert result.returncode == 2
    assert "due date for M5 Induction, 1 November 2026, is before the assessment, made on 2 November 2026" in result.stderr
    with open_register(db) as reg:
        assert counts(reg) == (0, 0)


def test_correct_takes_a_plan_and_keeps_the_rest(db, cli):
    with open_register(db) as reg:
        record = decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")})
    result = cli("correct", "--recorded-by", "Robin Hale", record.record_id, "--reason", "owner agreed",
                 "--plan", "M6", "Ana Berg", "2026-12-01", "--db", db)
    assert result.returncode == 0, result.stderr
    with open_register(db) as reg:
        plan = {p.id: (p.owner, p.due) for p in service.show(reg, record.record_id).decision.plan}
    assert plan["M5"] == ("Sam Lee", "2027-01-15") and plan["M6"] == ("Ana Berg", "2026-12-01")


# -- 4: separate people -----------------------------------------------------------------
def test_one_person_cannot_sign_in_two_roles(reg):
    record = decide_coach(reg)
    service.sign(reg, record.ref, name="Dana Decider", role="decision_maker")
    before = counts(reg)
    with pytest.raises(DecisionError, match="needs a different person") as refused:
        service.sign(reg, record.ref, name="  dana   DECIDER ", role="hr")
    assert "Dana Decider has already signed" in str(refused.value)
    assert "as Decision maker" in str(refused.value)
    assert counts(reg) == before
    assert service.sign(reg, record.ref, name="Harper Hr", role="hr").status == "signed"


# -- 5: unsigned paper looks unsigned ---------------------------------------------------
def test_an_unsigned_report_is_watermarked_on_every_page_and_says_so_first(reg):
    draft = decide_coach(reg, draft=True)
    waiting = decide_coach(reg)
    for record, mark in ((draft, "DRAFT – NOT SIGNED"), (waiting, "NOT SIGNED")):
        pages = pdf_pages(printing.render_pdf(reg, record.ref).pdf)
        assert len(pages) > 1 and all(mark in page for page in pages)
    first = pdf_pages(printing.render_pdf(reg, waiting.ref).pdf)[0]
    assert first.index("Status: NOT SIGNED, awaiting sign-off by Decision maker, HR") \
        < first.index("Value stream")


def test_a_signed_report_has_no_watermark(reg):
    record = signed_record(reg)
    pages = pdf_pages(printing.render_pdf(reg, record.ref).pdf)
    assert not any("NOT SIGNED" in page for page in pages)
    assert "Status: SIGNED by Dana Decider (Decision maker) and Harper Hr (HR)" in pages[0]


def test_the_toolkit_draws_a_watermark_on_every_page_only_when_asked():
    def doc(mark):
        d = Document(watermark=mark)
        for i in range(3):
            d.p(f"part {i}")
            d.pagebreak()
        d.p("end")
        return pdf_pages(d.render())
    assert all("DRAFT" in page for page in doc("DRAFT"))
    assert not any("DRAFT" in page for page in doc(""))


# -- 6: replay only under the record's own pack -----------------------------------------
@pytest.mark.parametrize("given", ["bank", str(REPO / "rules" / "packs" / "bank")])
def test_replay_under_another_pack_is_refused_by_name(db, cli, given):
    with open_register(db) as reg:
        record = decide_coach(reg)
    result = cli("replay", record.record_id, "--pack", given, "--db", db)
    assert result.returncode == 2
    text = squash(result.stderr)
    assert (f"record {record.ref} was decided under default@2.9 (fingerprint"
            f" {pack().fingerprint}); bank@") in text
    assert "has a different fingerprint" in text and "so it cannot replay it" in text


def test_replay_accepts_a_bundled_name(db, cli):
    with open_register(db) as reg:
        record = decide_coach(reg)
    result = cli("replay", record.record_id, "--pack", "bank", "--pack", "default", "--db", db)
    assert result.returncode == 0 and "identical assessment under default@2.9" in result.stdout


# -- 7: filters -------------------------------------------------------------------------
def test_an_unknown_outcome_filter_is_refused(db, cli):
    with open_register(db) as reg:
        decide_coach(reg)
    result = cli("register", "list", "--outcome", "bogus", "--db", db)
    assert result.returncode == 2
    assert ("outcome 'bogus' is not one of: Appoint (appoint), Appoint with coaching (coach),"
            " Hire an experienced Product Director (hire_external)") in result.stderr
    assert cli("register", "list", "--outcome", "appoint", "--db", db).stdout == "no records\n"


def test_stream_filter_is_a_case_insensitive_substring(reg):
    a = decide_coach(reg, case=case_with(stream__name="Überweisungen Online"))
    b = decide_coach(reg, case=case_with(stream__name="Home buying journey"))
    decide_coach(reg, case=case_with(stream__name="Claims 100%"))
    assert [s.ref for s in service.list_records(reg, stream="HOME buy")] == [b.ref]
    assert [s.ref for s in service.list_records(reg, stream="überweisungen")] == [a.ref]
    assert service.list_records(reg, stream="0%")[0].stream == "Claims 100%"   # % is literal
    assert service.list_records(reg, stream="_") == []                       # _ is literal


# -- 8: the CSV HR files ----------------------------------------------------------------
def test_csv_export_carries_the_decision_and_its_signers(reg, tmp_path):
    record = decide_coach(reg, case=case_with(), conditions="=SUM(A1) coaching")
    service.sign(reg, record.ref, name="Dana Decider", role="decision_maker")
    service.sign(reg, record.ref, name="Harper Hr", role="hr", dissent="Budget not approved")
    out = tmp_path / "r.csv"
    service.export_csv(reg, out)
    (row,) = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert row["outcome"] == "coach" and row["conditions"] == "'=SUM(A1) coaching"
    assert row["review_date"] == "2027-02-01" and row["risk_level"] == "high"
    assert row["pack"] == "default@2.9" and row["pack_fingerprint"] == pack().fingerprint
    assert row["signers"].startswith("Dana Decider (Decision maker; computer account ")
    assert "; Harper Hr (HR; computer account " in row["signers"]
    assert row["dissent"] == "Harper Hr: Budget not approved" and row["intact"] == "yes"


# -- 9, 10: register show ---------------------------------------------------------------
def test_show_lists_findings_plan_and_roles_in_words(db, cli):
    with open_register(db) as reg:
        record = decide_coach(reg)
        service.sign(reg, record.ref, name="Dana Decider", role="decision_maker")
    shown = cli("register", "show", record.record_id, "--db", db).stdout
    findings = record.assessment.findings
    assert findings and f"findings:        {len(findings)}" in shown
    for f in findings:
        assert f"    {f.title} ({f.severity}) [{f.id}]" in shown
    assert "signed:          Dana Decider (Decision maker; computer account" in shown
    assert "awaiting:        HR" in shown


def test_a_superseded_unsigned_version_awaits_nobody(db, cli):
    with open_register(db) as reg:
        record = decide_coach(reg)
        service.correct(reg, record.ref, reason="typo", conditions="Weekly coaching")
    shown = cli("register", "show", record.ref, "--db", db).stdout
    assert "(superseded; version 1 of 2)" in shown
    assert "superseded:      by version 2 before it was signed" in shown
    assert "awaiting" not in shown


def test_cli_names_roles_in_words(db, cli):
    made = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach", "--plan-later", "--conditions", "x", "--db", db)
    assert "to sign: Decision maker, HR" in made.stderr
    signed = cli("sign", made.stdout.strip(), "--name", "Dana", "--role", "decision_maker",
                 "--db", db)
    assert signed.stdout.strip().endswith("still to sign: HR")
