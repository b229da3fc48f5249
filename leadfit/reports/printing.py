"""A register's record printed as its rationale PDF: in memory, or to a file.

The register (decisions/service.py) hands over the checked version and its anchor;
the PDF is built here, so the core never imports the presentation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from typing import TYPE_CHECKING, Any

from leadfit.decisions import showing
from leadfit.files import check_target, write_bytes
from leadfit.pdf import describe
from leadfit.reports import pdf_rationale

if TYPE_CHECKING:  # the rationale is printed from either reading (decisions/showing.py)
    from leadfit.decisions.register import Register


@dataclass(frozen=True)
class ReportResult:
    path: Path | None
    unsupported: list[str]      # characters the PDF font cannot draw, described
    pdf: bytes = b""


def render_pdf(reg: Any, ref: str) -> ReportResult:
    """The rationale PDF of ``ref`` in memory (refused, like every read, if altered);
    ``reg``: a Register, or the standard library's reading of a SQLite one."""
    parts = showing.rationale(reg, ref)
    pdf, unsupported = pdf_rationale.render(parts.record, parts.anchor, replaced_by=parts.replaced_by,
                                            questionnaire=parts.questionnaire)
    return ReportResult(None, unsupported, pdf)


def report(reg: Any, ref: str, path: str | os.PathLike[str], *,
           overwrite: bool = False) -> ReportResult:
    """Render the rationale of ``ref`` to ``path`` (written atomically; never over the
    open register; an existing file only with ``overwrite``)."""
    path = check_target(Path(path), protected=reg.files(), overwrite=overwrite,
                        suffix=".pdf")
    result = render_pdf(reg, ref)
    write_bytes(path, result.pdf)
    return ReportResult(path, result.unsupported, result.pdf)


def portfolio_report(reg: Register, path: str | os.PathLike[str], *, overwrite: bool = False,
                     today: date | None = None) -> ReportResult:
    """The board's portfolio page to ``path``, under the same rules as :func:`report`."""
    from leadfit.decisions import service
    from leadfit.reports import pdf_portfolio
    path = check_target(Path(path), protected=reg.files(), overwrite=overwrite,
                        suffix=".pdf")
    doc = pdf_portfolio.render(service.portfolio(reg), today=today or date.today())
    data = doc.render()
    write_bytes(path, data)
    unsupported = [f"{describe(ch)} in '{samples[0]}'" for ch, samples in doc.unsupported.items()]
    return ReportResult(path, unsupported, data)


__all__ = ["ReportResult", "portfolio_report", "render_pdf", "report"]
