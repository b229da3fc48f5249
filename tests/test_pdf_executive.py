"""The rationale PDF as an executive reads it: no page left over holding only the signatures
or the audit facts. (Words only, the article's references in Appendix B:
tests/test_pdf_words_hp.py.)"""

from __future__ import annotations

import io

from pypdf import PdfReader

from leadfit.decisions.register import open_register
from leadfit.reports import printing
from tests.decisions_support import decide_coach, squash


def _pages(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


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
