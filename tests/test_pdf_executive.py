"""The rationale PDF as an executive reads it: words first, the article's references small
and grey after them, and no page left over holding only the signatures or the audit facts."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from leadfit.reports import printing
from tests.decisions_support import case_with, decide_coach, pack, squash

CODE = re.compile(r"\b[PRFMU]\d{1,2}\b")


def _pages(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _sizes(pdf: bytes) -> dict[str, float]:
    """Each piece of drawn text with the size it is drawn at."""
    sizes: dict[str, float] = {}

    def seen(text, cm, tm, font, size):
        if text.strip():
            sizes[text.strip()] = size * tm[0]
    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=seen)
    return sizes


def test_tables_lead_with_words_and_cite_the_article_small_after_them(tmp_path):
    case = case_with(candidate__blamed_digital="not known", candidate__holds_line="some")
    with open_register(tmp_path / "r.db") as reg:
        coached = decide_coach(reg, plan={"M10": ("Chief Product Officer", "2027-01-15")})
        hired = service.decide(reg, case, pack(), decision="hire_external")
        pdfs = [printing.render_pdf(reg, r.ref).pdf for r in (coached, hired)]
    for record, pdf in zip((coached, hired), pdfs):
        text = " ".join(_pages(pdf))
        prose = text.split("Appendix B: audit details")[0]
        a = record.assessment
        assert "Finding Severity Raised by the answers" in prose and " ID " not in prose
        for f in a.findings:              # the finding's words, then "(article: F1)"
            assert squash(f"{f.title} (article: {f.id}) {f.severity}") in prose, f.id
        for s in a.signals:
            assert squash(f"{s.title} (article: {s.id})") in prose, s.id
        for item in a.readiness:
            assert f"{item.title} (article: {item.id})" in prose, item.id
        # a code an executive meets is never bare: always the grey reference after words
        bare = [m.group(0) for m in CODE.finditer(prose)
                if not prose[:m.start()].endswith("(article: ")]
        assert bare == [], bare
        sizes = _sizes(pdf)               # the reference smaller than the words it follows
        refs = {size for piece, size in sizes.items() if piece.startswith("(article: F")}
        words = {sizes[f.title] for f in a.findings if f.title in sizes}   # titles on one line
        assert refs and words and max(refs) < min(words), (refs, words)
    assert "What Who By when" in " ".join(_pages(pdfs[0]))
    assert "Fail fast (article: M10)" in " ".join(_pages(pdfs[0]))


def _signature_pages(reg, conditions: str) -> tuple[list[str], int]:
    record = decide_coach(reg, conditions=conditions)
    pages = _pages(printing.render_pdf(reg, record.ref).pdf)
    return pages, next(i for i, page in enumerate(pages) if "Signatures on paper" in page)


def test_the_signatures_on_paper_never_sit_alone_on_a_page(tmp_path):
    """Conditions of more and more lines push the sign-off down the page past its foot:
    the paper signatures stay with the sign-off recorded above them, never alone on a
    page before the appendices."""
    with open_register(tmp_path / "r.db") as reg:
        for lines in range(2, 40, 3):
            conditions = "\n".join(f"Condition {n} agreed with the sponsor." for n in range(lines))
            pages, at = _signature_pages(reg, conditions)
            assert "Sign-off recorded in LeadFit" in pages[at], (lines, pages[at][:200])
            assert pages[at + 1].startswith("Appendix A") or "Appendix A" in pages[at + 1]


def test_the_audit_appendix_ends_the_document_on_one_page(tmp_path):
    """Its last lines (hashes, chain head, how to check) were alone on the last page."""
    with open_register(tmp_path / "r.db") as reg:
        for lines in range(0, 30, 6):
            record = decide_coach(reg, conditions="Weekly coaching.\n" * (lines + 1))
            last = _pages(printing.render_pdf(reg, record.ref).pdf)[-1]
            assert "Appendix B: audit details" in last and "Keep this page" in last, lines
