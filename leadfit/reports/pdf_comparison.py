"""The comparison of candidates as a PDF: side by side on page one (recommendation,
risk, readiness, findings), then each candidate's findings and nearest changes.
Built with the leadfit.pdf toolkit; words only."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from reportlab.lib.pagesizes import landscape

from leadfit import ARTICLE_TITLE, __version__
from leadfit.decisions import comparison_words as words
from leadfit.decisions.comparison import Comparison
from leadfit.pdf import Document, describe, load_styles
from leadfit.reports.pdf_plain import plain_words
from leadfit.words import date_words

CONFIDENTIAL = "CONFIDENTIAL – comparison of candidates"
LABEL_WIDTH = 0.2
LANDSCAPE_FROM = 5  # columns: from here on a portrait page breaks words to fit them


def render(comparison: Comparison, *, made_on: str = "") -> tuple[bytes, list[str]]:
    """(PDF bytes, characters the font could not draw, described)."""
    pack = comparison.reference.assessment.pack
    footer = [f"Rule pack {pack.label} · fingerprint {pack.fingerprint} · LeadFit {__version__}",
              CONFIDENTIAL]
    styles = load_styles()
    if len(comparison.columns) >= LANDSCAPE_FROM:
        styles = replace(styles, page_size=landscape(styles.page_size))
    doc = Document(f"Candidates for {comparison.stream}", footer=lambda page, total: footer,
                   mark=CONFIDENTIAL, styles=styles)
    doc.title_line(f"Candidates for {comparison.stream}")
    if made_on:
        doc.p(f"Compared on {date_words(made_on)}", "small")
    doc.p(words.summary_sentence(comparison), "callout")
    _side_by_side(doc, comparison)
    doc.p("Readiness and findings come from each candidate's own answers; the stream's and the"
          " organisation's answers are the same for all. The benchmark is a profile of someone"
          " who has led a value stream before, chosen on aptitude and interviewed as an"
          " outsider would be.", "small")
    for c in comparison.columns:
        _candidate(doc, c)
    doc.p(f"Source: LeadFit's rules read the article “{ARTICLE_TITLE}”.", "small")
    pdf = doc.render()
    return pdf, [f"{describe(ch)} in '{samples[0]}'" for ch, samples in doc.unsupported.items()]


def _side_by_side(doc: Document, comparison: Comparison) -> None:
    cols = comparison.columns
    share = (1 - LABEL_WIDTH) / len(cols)
    header = [""] + [words.heading(c) for c in cols]
    rows = [[label, *cells] for label, cells in words.glance_rows(comparison)]
    doc.h1("Side by side")
    doc.table(header, rows, widths=[LABEL_WIDTH] + [share] * len(cols))


def _candidate(doc: Document, c) -> None:
    a = c.assessment
    doc.h1(words.heading(c) if c.reference else c.name)
    role = c.case.answers.get("candidate.current_role", "")
    doc.kv("Recommendation", words.outcome_words(a))
    doc.kv("Risk of appointing as proposed", words.risk_words(a))
    if role:
        doc.kv("Current role", role)
    doc.kv("Answers from", _shown_source(c.source), "small")
    plain = plain_words(a)
    for note in a.notes:  # as the command line's comparison says them: no ids, no scores
        doc.p(plain(note))
    doc.h2("Findings")
    lines = words.finding_lines(a)
    if lines:
        doc.bullets(lines)
    else:
        doc.p("None.")
    doc.h2("What would change it")
    doc.bullets(words.column_change_lines(c))


def _shown_source(source: str) -> str:
    """A case file by its name only: a folder path on a board paper says where someone keeps
    their files (and their user name), not what was compared."""
    if "/" in source or "\\" in source:
        return PurePath(source.replace("\\", "/")).name
    return source
