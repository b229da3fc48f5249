"""Decide, sign, report: the rationale PDF holds every section, text checked with pypdf."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from leadfit.decisions import service
from leadfit.reports import printing
from leadfit.decisions.record import date_words, role_words
from leadfit.decisions.record_words import agreed_terms
from leadfit.decisions.register import open_register
from tests.decisions_support import case_with, decide_coach, pack, squash
from tests.helpers import EXAMPLE_CASE, run_cli

STATUS_WORDS = {"met": "met", "partial": "partly met", "not_met": "not met", "unknown": "unknown"}


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _in_order(text: str, expected: list[str]) -> None:
    """Each expected piece appears, in this order (dates and producer are never compared)."""
    at = 0
    for piece in expected:
        found = text.find(squash(piece), at)
        assert found >= 0, f"missing or out of order: {piece!r}\n--- after: {text[at:at + 300]!r}"
        at = found + len(squash(piece))


def _expected(record, rhash: str, head: str) -> list[str]:
    a = record.assessment
    d = record.decision
    out = [f"Decision rationale: {record.stream}", f"Record {record.ref}",
           "Value stream", record.stream, "Candidate", record.candidate,
           "Recommendation", a.outcome_title, "Risk of appointing this", "candidate as proposed",
           a.risk.level, "Decision"]  # in words: the score is in the audit details
    if d.differs:  # beside the decision it explains
        out += ["(differs from the recommendation)", "Justification", d.justification]
    out += ["Recorded by"]
    if d.conditions:   # under the decision they qualify
        out += ["Conditions", d.conditions]
    if any(s.dissent for s in record.signoffs):
        out += ["Dissent"] + [s.dissent_reasons for s in record.signoffs if s.dissent]
    out += [*a.notes[:1], "Readiness against the ideal Product Director"]
    for item in a.readiness:  # words only: the article's references are in Appendix B
        out += [item.title, STATUS_WORDS[item.status]]
    out += ["Findings", "Finding Severity Raised by the answers"]
    for f in a.findings:
        out += [f.title, f.severity] + [c.title for c in f.because]
    out += ["Mitigation plan", f"Fail-fast review date: {date_words(d.review_date)}",
            "What Who By when"]
    for p in d.plan:  # a step the answers agreed (M8) names its successor: test_plan_agreed_in_answers
        out += [p.title, *(agreed_terms(record, p) or (p.who, date_words(p.due) or p.by_when))]
    out += ["Context signals"] + [s.title for s in a.signals]
    out += ["Sign-off recorded in LeadFit", "Role Name Signed Statement"]
    for s in record.signoffs:
        out += [role_words(s.role), s.name]
    out += ["Signatures on paper", "Appendix A: every answer, by section",
            "Appendix B: audit details", rhash, record.pack.fingerprint,
            record.engine.version, head]
    return out


def test_decide_sign_report_has_every_section(tmp_path):
    with open_register(tmp_path / "r.db") as reg:
        record = decide_coach(reg, plan={"M10": ("Chief Product Officer", "2027-01-15")})
        service.sign(reg, record.ref, name="Dana Decider", role="decision_maker",
                     statement="I take this decision.")
        record = service.sign(reg, record.ref, name="Harper Hr", role="hr",
                              dissent="Coaching budget is not yet approved.")
        result = printing.report(reg, record.ref, tmp_path / "rationale.pdf")
        rhash = service.list_records(reg)[0].hash
        head = service.verify(reg).head
    assert result.unsupported == []
    pages = _pages((tmp_path / "rationale.pdf").read_bytes())
    text = squash(" ".join(pages))
    _in_order(text, _expected(record, rhash, head))
    assert "Chief Product Officer 15 January 2027" in text
    for number, page in enumerate(pages, start=1):   # the footer on every page
        page = squash(page)
        assert f"Record {record.ref} · CONFIDENTIAL" in page
        assert "for an audit: in the audit details at the end" in page
        assert f"Page {number} of {len(pages)}" in page
    # the hashes are for an audit: the audit appendix carries them, no page footer does
    assert sum(rhash in squash(page) for page in pages) == 1
    assert sum(pack().fingerprint in squash(page) for page in pages) == 1


def test_a_decision_against_the_recommendation_prints_its_justification(tmp_path):
    with open_register(tmp_path / "r.db") as reg:
        record = service.decide(reg, case_with(), pack(), decision="hire_external",
                                justification="The board will fund an experienced hire.")
        text = squash(" ".join(_pages(printing.render_pdf(reg, record.ref).pdf)))
    _in_order(text, ["Decision", "Hire an experienced Product Director",
                     "(differs from the recommendation)",
                     "Justification", "The board will fund an experienced hire.",
                     # the coaching trade-off is the recommendation's, never the hire's
                     "What the recommendation (Appoint with coaching) says, which the decision did not follow:",
                     "The trade-off", "Sign-off", "Decision maker awaiting signature", "HR awaiting signature"])


HOSTILE_NAME = 'Zoë <b>Ångström</b> & <a href="http://evil.example">Пётр</a>'
HOSTILE_TEXT = ('Because <img src="/etc/passwd"/> & x<y; Ελληνικά, русский,\n'
                'second line <font color="red">red?</font>')


def test_markup_and_non_latin_text_in_names_and_justification_print_literally(tmp_path):
    with open_register(tmp_path / "r.db") as reg:
        record = service.decide(reg, case_with(candidate__name=HOSTILE_NAME,
                                               stream__name="Ипотека & <i>loans</i>"),
                                pack(), decision="appoint", justification=HOSTILE_TEXT)
        # the signer another hostile name: the candidate may not sign their own appointment
        service.sign(reg, record.ref, name=f"{HOSTILE_NAME} Sr.", role="hr",
                     statement="<script>alert(1)</script>", dissent="Ich bin dagegen & <u>so</u>")
        result = printing.render_pdf(reg, record.ref)
    assert result.unsupported == []
    text = squash(" ".join(_pages(result.pdf)))
    tight = "".join(text.split())
    for literal in (HOSTILE_NAME, "Ипотека & <i>loans</i>", "Because <img src=\"/etc/passwd\"/>",
                    "& x<y; Ελληνικά, русский,", "second line <font color=\"red\">red?</font>",
                    "<script>alert(1)</script>", "Ich bin dagegen & <u>so</u>"):
        assert "".join(literal.split()) in tight, literal
    reader = PdfReader(io.BytesIO(result.pdf))
    assert not any(page.get("/Annots") for page in reader.pages)     # no live link


def test_text_the_font_cannot_draw_is_reported_by_the_report_command(tmp_path):
    db = tmp_path / "r.db"
    with open_register(db) as reg:
        record = service.decide(reg, case_with(candidate__name="王小明 🚀"), pack(),
                                decision="coach", conditions="Weekly", plan_later=True)
    out = tmp_path / "r.pdf"
    result = run_cli("report", record.record_id, "--out", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "cannot draw" in result.stderr
    assert "U+738B CJK UNIFIED IDEOGRAPH-738B" in result.stderr
    assert "U+1F680 ROCKET" in result.stderr
    assert "[U+738B] [U+5C0F] [U+660E]" in squash(" ".join(_pages(out.read_bytes())))


def test_cli_decide_sign_report_round_trip(tmp_path):
    db = str(tmp_path / "r.db")
    made = run_cli("decide", "--recorded-by", "Robin Hale", str(EXAMPLE_CASE), "--decision", "coach", "--plan-later", "--conditions",
                   "Monthly check-in", "--db", db)
    assert made.returncode == 0, made.stderr
    record_id = made.stdout.strip()
    assert re.fullmatch(r"LF-\d{4}-\d{4}", record_id)
    for name, role in (("Dana Decider", "decision_maker"), ("Harper Hr", "hr")):
        signed = run_cli("sign", record_id, "--name", name, "--role", role, "--db", db)
        assert signed.returncode == 0, signed.stderr
    assert "signed" in signed.stdout
    out = tmp_path / "rationale.pdf"
    report = run_cli("report", record_id, "--out", str(out), "--db", db)
    assert report.returncode == 0, report.stderr
    text = squash(" ".join(_pages(out.read_bytes())))
    assert "Dana Decider" in text and "Harper Hr" in text and "Monthly check-in" in text
