"""The PDF rationale's account of what it does not know and of the outcomes it
rejected: 'Answers not known', 'Why not the other outcomes' and 'What would change it'.
Words only; the people who sign read them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from leadfit.pdf import Document
from leadfit.reports.pdf_plain import plain_words
from leadfit.words import change_set_words, no_change_words

if TYPE_CHECKING:  # a type only: `leadfit report` builds no models (issue 15)
    from leadfit.rules.model.assessment import Assessment

OLDER_RECORD = ("This record was made before LeadFit set out the other outcomes in words;"
                " replaying it shows them for its answers.")


def unknowns_section(doc: Document, a: Assessment) -> None:
    if a.unknowns is None:
        return
    plain = plain_words(a)
    doc.h1("Answers not known")
    doc.p(plain(a.unknowns.summary))
    doc.p(plain(a.unknowns.decided_by), "small")


def other_outcomes_sections(doc: Document, a: Assessment) -> None:
    if not a.decided:
        return
    doc.h1("Why not the other outcomes")
    if not a.alternatives:
        doc.p(OLDER_RECORD)
        return
    plain = plain_words(a)
    for alt in a.alternatives:  # a heading never stranded at a page foot without its reasons
        doc.keep(_why_not(alt.title, [plain(reason) for reason in alt.why_not]))
    doc.h1("What would change it")
    doc.p("For each other outcome, the fewest answers that would have to change for the rule pack"
          " to recommend it, and whether the organisation can change each. The numbers in them"
          " (years, shares of time, days) are this rule pack's thresholds, which an organisation's"
          " own pack may set: the article gives none.", "small")
    for alt in a.alternatives:  # the terminal's sentences (leadfit.words): one seam, said once
        doc.h2(alt.title)
        rows = [[change_set_words(alt.title, s)] for s in alt.nearest]
        if alt.levers_only:
            rows.append(["With what the organisation can change alone: "
                         + change_set_words(alt.title, alt.levers_only)])
        if alt.note:
            rows.append([no_change_words(alt.title, alt.note)])
        doc.table(["How it would be reached"], rows, widths=[1.0])


def _why_not(title: str, reasons: list[str]) -> Callable[[Document], None]:
    def block(doc: Document) -> None:
        doc.h2(title)
        doc.bullets(reasons)
    return block
