"""HR's leftovers in the rationale PDF's layout, page by page as a reader turns them."""

from __future__ import annotations

import io

from pypdf import PdfReader

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from leadfit.reports import printing
from tests.decisions_support import decide_coach, squash


def _pages(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_conditions_and_dissent_sit_on_the_page_of_the_decision_they_qualify(tmp_path):
    """They were on page 3, two pages after the decision: read as an afterthought."""
    with open_register(tmp_path / "r.db") as reg:
        record = decide_coach(reg, conditions="Weekly coaching by the CPO until the review")
        service.sign(reg, record.ref, name="Dana Decider", role="decision_maker")
        service.sign(reg, record.ref, name="Harper Hr", role="hr",
                     dissent="Coaching budget is not yet approved.")
        pages = _pages(printing.render_pdf(reg, record.ref).pdf)
    decision_page = next(n for n, page in enumerate(pages) if "Decision " in page)
    near = pages[decision_page]
    for words in ("Conditions Weekly coaching by the CPO until the review",
                  "Dissent Harper Hr (HR): Coaching budget is not yet approved."):
        assert words in near, (words, [n for n, page in enumerate(pages) if words in page])
    # said once, not again by the sign-off pages
    assert sum(page.count("Coaching budget is not yet approved.") for page in pages) == 1
