"""The PDF rationale's account of what it does not know and of the outcomes it
rejected: 'Answers not known', 'Why not the other outcomes' and 'What would change it'.
Words only; the people who sign read them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from leadfit.pdf import Document
from leadfit.words import is_worse, steps_still_first

if TYPE_CHECKING:  # a type only: `leadfit report` builds no models (issue 15)
    from leadfit.rules.model.assessment import Assessment

OLDER_RECORD = ("This record was made before LeadFit set out the other outcomes in words;"
                " replaying it shows them for its answers.")


def unknowns_section(doc: Document, a: Assessment) -> None:
    if a.unknowns is None:
        return
    doc.h1("Answers not known")
    doc.p(a.unknowns.summary)
    doc.p(a.unknowns.decided_by, "small")


def other_outcomes_sections(doc: Document, a: Assessment) -> None:
    if not a.decided:
        return
    doc.h1("Why not the other outcomes")
    if not a.alternatives:
        doc.p(OLDER_RECORD)
        return
    for alt in a.alternatives:  # a heading never stranded at a page foot without its reasons
        doc.keep(_why_not(alt.title, alt.why_not))
    doc.h1("What would change it")
    doc.p("For each other outcome, the fewest answers that would have to change for the rule pack"
          " to recommend it. A lever is something the organisation can change; a fact is the"
          " candidate's history or the stream's circumstances.", "small")
    for alt in a.alternatives:
        doc.h2(alt.title)
        rows = [[s.words + "." if is_worse(s) else _changes(s.changes) + steps_still_first(s)]
                for s in alt.nearest]
        if alt.levers_only:
            rows.append(["With what the organisation can change alone:\n"
                         + _changes(alt.levers_only.changes)])
        if alt.note:
            rows.append([alt.note])
        doc.table(["Would become this if"], rows, widths=[1.0])


def _why_not(title: str, reasons: list[str]) -> Callable[[Document], None]:
    def block(doc: Document) -> None:
        doc.h2(title)
        doc.bullets(reasons)
    return block


def _changes(changes) -> str:
    return "\nand ".join(f"{c.title} {c.to} (now {c.now}; {'a lever' if c.lever else 'a fact'})"
                         for c in changes)
