"""The rationale PDF's layout leftovers, page by page: signatures with the end of a sign-off
taller than a page, no heading alone at a page foot, the risk in words on page 1, no lines
to sign under a withdrawn decision."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from leadfit.forms.case import load_case_file
from leadfit.pdf import Document
from leadfit.reports import printing
from tests.decisions_support import decide_coach, pack, signed_record, squash


def _pages(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _body(page: str) -> str:
    """A page's text without the mark, footer and page number drawn around it."""
    for drawn in (r"Page \d+ of \d+", r"Record LF-\S+ · CONFIDENTIAL – personnel decision record",
                  r"Hashes, rule pack and engine for an audit: in the audit details at the end",
                  r"CONFIDENTIAL – personnel decision record", r"NOT SIGNED$"):
        page = re.sub(drawn, "", page).strip()
    return squash(page)


def test_paper_signatures_stay_with_the_end_of_a_sign_off_taller_than_a_page(tmp_path):
    """Two sign-offs with statements of 24 to 56 lines: 'Signatures on paper' sat alone on a
    page (at 24, 28, 48, 52 and 56 lines). Now the sign-off's last lines come with it, the
    row named again as continued."""
    for lines in (24, 48, 56):
        statement = "\n".join(f"Agreed {n}." for n in range(lines))
        with open_register(tmp_path / f"r{lines}.db") as reg:
            record = decide_coach(reg)
            service.sign(reg, record.ref, name="Dana Decider", role="decision_maker",
                         statement=statement)
            service.sign(reg, record.ref, name="Harper Hr", role="hr", statement=statement)
            pages = _pages(printing.render_pdf(reg, record.ref).pdf)
        at = next(i for i, page in enumerate(pages) if "Signatures on paper" in page)
        above = pages[at].split("Signatures on paper")[0]
        assert f"Agreed {lines - 1}." in above and "A name typed in LeadFit" in above, \
            (lines, above[:300])
        if not above.lstrip().startswith("Sign-off recorded") and "Harper Hr" not in above:
            assert "HR (continued)" in above, (lines, above[:200])
        assert "Role Name Signed Statement" in above   # the header again above the rows


def _heading_at_foot(doc: Document, headings: list[str]) -> list[tuple[int, str]]:
    """(page, heading) for each heading that is the last text on its page."""
    pages = _pages(doc.render())
    return [(n, h) for n, page in enumerate(pages) for h in headings if _body(page).endswith(h)]


def test_a_heading_never_ends_a_page_above_a_table_whose_first_row_does_not_fit():
    """A heading followed by a table whose first row is taller than ReportLab's fixed 30 mm:
    the heading sat alone at the page foot ('Appoint with coaching' under 'What would change
    it', 'Support and constraints' in Appendix A). Pushed down a line at a time."""
    row = "\n".join(f"line {n} of a tall first row" for n in range(8))
    for filler in range(30, 60):
        doc = Document("t")
        for n in range(filler):
            doc.p(f"Filler paragraph {n}.")
        doc.h1("Section heading")
        doc.h2("Sub heading")
        doc.table(["How it would be reached"], [[row], ["second row"]], widths=[1.0])
        doc.h2("Another heading")
        doc.table([], [[row, "x"]], widths=[0.5, 0.5])
        stranded = _heading_at_foot(doc, ["Section heading", "Sub heading", "Another heading"])
        assert stranded == [], (filler, stranded)


def test_page_one_says_the_risk_in_words_and_the_audit_details_keep_the_score(tmp_path):
    with open_register(tmp_path / "r.db") as reg:
        record = signed_record(reg)
        pages = _pages(printing.render_pdf(reg, record.ref).pdf)
    risk = record.assessment.risk
    assert f"as proposed {risk.level} Decision" in pages[0], pages[0][:600]
    assert "score" not in pages[0].split("Conditions")[0]
    audit = next(page for page in pages if "Appendix B: audit details" in page)
    assert f"{risk.score}, which the pack calls {risk.level}" in audit


def test_a_withdrawn_decision_offers_no_lines_to_sign(tmp_path):
    with open_register(tmp_path / "r.db") as reg:
        record = decide_coach(reg)
        service.withdraw(reg, record.ref, reason="The candidate declined", name="Robin Hale")
        text = " ".join(_pages(printing.render_pdf(reg, record.ref).pdf))
    assert "Signatures on paper" not in text
    assert "Not to be signed on paper: withdrawn." in text


def test_a_long_what_would_change_it_keeps_each_outcome_with_its_table(tmp_path):
    """The reader's checkout case (hire recommended): 'Appoint with coaching' ended page 2."""
    from tests.helpers import REPO
    case = load_case_file(REPO / "tests" / "fixtures" / "hp_checkout.yaml", pack().questionnaire)
    with open_register(tmp_path / "r.db") as reg:
        record = service.decide(reg, case, pack(), decision="hire_external",
                                recorded_by="Robin Hale")
        pages = _pages(printing.render_pdf(reg, record.ref).pdf)
    titles = [alt.title for alt in record.assessment.alternatives]
    assert titles
    for n, page in enumerate(pages):
        for title in titles:
            assert not _body(page).endswith(title), (n, title)


def test_a_sign_off_over_several_pages_leaves_no_page_with_a_few_lines_of_one_row(tmp_path):
    """Two 60-line statements: the first row's last two lines sat alone on a page, the second
    row moved whole to the next (ReportLab cuts between rows first). Each page the sign-off
    runs over, but the one it ends on with the signatures, is filled."""
    statement = "\n".join(f"Agreed {n}." for n in range(60))
    with open_register(tmp_path / "r.db") as reg:
        record = decide_coach(reg)
        for name, role in (("Dana Decider", "decision_maker"), ("Harper Hr", "hr")):
            service.sign(reg, record.ref, name=name, role=role, statement=statement)
        pages = _pages(printing.render_pdf(reg, record.ref).pdf)
    first = next(n for n, page in enumerate(pages) if "Sign-off recorded in LeadFit" in page)
    last = next(n for n, page in enumerate(pages) if "Signatures on paper" in page)
    for n in range(first, last):
        assert pages[n].count("Agreed ") >= 20, (n, pages[n].count("Agreed "))
