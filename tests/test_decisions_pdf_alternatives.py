"""The signed PDF says what was not known, why the other outcomes were rejected and what
would change the recommendation, in words; a record made before that says so."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from pypdf import PdfReader

from leadfit.decisions import service
from leadfit.reports import printing
from leadfit.reports.pdf_alternatives import OLDER_RECORD
from leadfit.reports.pdf_rationale import Anchor, render
from leadfit.decisions.register import open_register
from leadfit.words import is_worse
from tests.decisions_support import case_with, pack, squash


def _text(pdf: bytes) -> str:
    return squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def _before(assessment, **changes):
    """The assessment as a record made before unknowns and alternatives holds it."""
    from leadfit.rules.model.assessment import ADDED_FIELDS, Assessment
    data = assessment.model_dump(mode="json", exclude=set(ADDED_FIELDS))
    return Assessment.model_validate({**data, **changes})


def test_the_rationale_has_why_not_and_what_would_change_it(tmp_path):
    # Default 2.3: holding the line only sometimes keeps the blame not known decisive
    case = case_with(candidate__blamed_digital="not known", candidate__holds_line="some",
                     org__formal_role=False)
    with open_register(tmp_path / "r.db") as reg:
        record = service.decide(reg, case, pack(), decision="hire_external",  # the cautious outcome
                                justification="The stream cannot wait for the answers")
        printing.report(reg, record.ref, tmp_path / "rationale.pdf")
    pdf = (tmp_path / "rationale.pdf").read_bytes()
    text = _text(pdf)
    a = record.assessment
    assert a.unknowns and a.alternatives
    at = 0
    pieces = ["Answers not known", a.unknowns.summary, "Why not the other outcomes"]
    pieces += [x for alt in a.alternatives for x in [alt.title, *alt.why_not]]
    pieces += ["What would change it"]
    for alt in a.alternatives:
        # 2.6: as the terminal says it, "is" (a route) or "were" (a worse situation), once each
        pieces += [alt.title] + [f"“{c.title}” {'were' if is_worse(s) else 'is'} {c.to} (now {c.now}"
                                 for s in alt.nearest for c in s.changes]
    for piece in pieces:
        found = text.find(squash(piece), at)
        assert found >= 0, f"missing or out of order: {piece!r}"
        at = found
    assert "hire_external" not in text and "org.formal_role" not in text
    prose = text.split("Appendix B: audit details")[0]   # rule ids only in the audit appendix
    assert not any(f"{r.id} " in prose or f"({r.id}" in prose for r in pack().rules)
    # Every page renders (pdfium, a real PDF renderer) to a page with ink on it.
    document = pdfium.PdfDocument(pdf)
    for page in document:
        image = page.render(scale=40 / 72).to_pil().convert("L")
        assert image.getextrema()[0] < 128, "a blank page"


def test_a_record_made_before_the_other_outcomes_were_explained_says_so(tmp_path):
    with open_register(tmp_path / "r.db") as reg:
        record = service.decide(reg, case_with(), pack(), decision="coach", conditions="Weekly coaching",
                                plan_later=True)
    older = record.model_copy(update={"assessment": _before(record.assessment)})
    pdf, _ = render(older, Anchor("0" * 64, "0" * 64, 1))
    assert OLDER_RECORD in _text(pdf)


def test_a_record_made_before_unknowns_and_alternatives_still_replays_identical(tmp_path):
    from leadfit.decisions.replay import replay
    from leadfit.rules.model.assessment import ADDED_FIELDS
    with open_register(tmp_path / "r.db") as reg:
        record = service.decide(reg, case_with(), pack(), decision="coach", conditions="Weekly coaching",
                                plan_later=True)
    older = record.model_copy(update={"assessment": _before(record.assessment)})
    assert set(ADDED_FIELDS).isdisjoint(older.assessment.model_dump(exclude_unset=True))
    assert replay(older).identical
    changed = _before(record.assessment, outcome="appoint")
    assert replay(record.model_copy(update={"assessment": changed})).differences == ["outcome"]


def test_a_record_with_an_answer_not_known_replays_identical(tmp_path):
    from leadfit.decisions.replay import replay
    case = case_with(candidate__blamed_digital="not known", candidate__holds_line="some")
    with open_register(tmp_path / "r.db") as reg:
        record = service.decide(reg, case, pack(), decision="hire_external",  # the cautious outcome
                                justification="The stream cannot wait for the answers")
    assert record.answers["candidate.blamed_digital"] == "not known"
    assert replay(record).identical


def test_an_outcome_heading_is_never_stranded_at_a_page_foot(tmp_path):
    """A superseded record's page 2 ended on 'Hire an experienced Product Director', its
    reason on the next page: each heading stays with its reasons."""
    from tests.decisions_support import signed_record
    with open_register(tmp_path / "r.db") as reg:
        old = signed_record(reg, case=case_with(candidate__name="Jo Superseded"),
                            recorded_by="Rae Recorder")
        service.correct(reg, old.ref, reason="Mentor changed",
                        conditions="Fortnightly coaching by the CPO", recorded_by="Cory Corrector")
        pdf = printing.render_pdf(reg, old.ref).pdf
    titles = [alt.title for alt in old.assessment.alternatives]
    for page in PdfReader(io.BytesIO(pdf)).pages:
        body = page.extract_text().split("CONFIDENTIAL – personnel")[0]  # before the page furniture
        body = body.strip().removesuffix("SUPERSEDED").strip()            # and the watermark
        assert not any(body.endswith(title) for title in titles), body[-200:]


def test_the_audit_facts_are_never_split_across_a_page(tmp_path, cli):
    """Found by a fresh-eyes HR tester: the last page held three orphaned lines of the audit
    details (engine, chain head, how to check), away from the record hash above them."""
    from tests.helpers import EXAMPLE_CASE
    db, out = tmp_path / "r.sqlite3", tmp_path / "r.pdf"
    assert cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "hire_external", "--justify",
               "Hire outside", "--db", db).returncode == 0
    assert cli("report", "LF-2026-0001", "--out", out, "--db", db).returncode == 0
    pages = [squash(p.extract_text()) for p in PdfReader(out).pages]
    first = next(i for i, t in enumerate(pages) if "Rules that fired:" in t)
    assert "Record hash" in pages[first] and "Audit chain head when printed" in pages[first]
    assert "Keep this page" in pages[first]
