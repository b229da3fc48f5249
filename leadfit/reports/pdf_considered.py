"""The rationale's account of the other candidates for the stream: who was compared with
the one chosen, what the rule pack recommended for each and at what risk (the record
that the choice was made on aptitude, M4). Absent from records made without a comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadfit.pdf import Document
from leadfit.words import counted


if TYPE_CHECKING:  # types only: `leadfit report` prints a sealed record, no models (issue 15)
    from leadfit.decisions.sealed import AnyRecord


def considered_section(doc: Document, record: AnyRecord) -> None:
    if not record.considered:
        return
    a = record.assessment
    doc.h1("Other candidates considered")
    doc.p(f"{record.candidate} was chosen for {record.stream} from"
          f" {counted(len(record.considered) + 1, 'candidate')} assessed side by side under the"
          " same rule pack and its questions:")
    rows = [[f"{record.candidate} (chosen)", a.outcome_title or "none", a.risk.level]]
    rows += [[c.name, c.outcome_title, c.risk] for c in record.considered]
    doc.table(["Candidate", "Recommendation", "Risk of appointing as proposed"], rows,
              widths=[0.4, 0.35, 0.25])
