"""The portfolio of streams: each stream's current lead, counted for the board and for F10.

A stream's current lead is its newest signed decision (a correction awaiting
sign-off does not replace it until signed). Figures come from the summary columns
of schema 7, so 10,000 streams are counted without opening a body; every row a
person reads is checked like any other read (an altered one is marked, not
counted). The article's F10: "you will not get consistent levels of experience and
delivery across your value streams".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Connection, func, select

from leadfit.decisions.integrity import Checker, row_columns
from leadfit.decisions.portfolio_facts import EXPERIENCED, LEARNER, readiness_from_column
from leadfit.decisions.tables import records


class StreamLine(NamedTuple):
    """One stream as the portfolio shows it (from the summary columns). A tuple: the
    portfolio builds 10,000 of these in a few milliseconds."""

    stream: str
    ref: str
    lead: str            # the candidate named by the decision
    outcome: str         # the decision: appoint, coach, hire_external
    kind: str            # 'experienced', 'learner' or '' (see portfolio_facts.lead_kind)
    mentor: str
    risk: str
    readiness_text: str  # the readiness column: 'P1=met,P2=partial,...'
    next_review: str     # ISO date or ''
    problem: str = ""    # set when the row was checked and found altered

    @property
    def readiness(self) -> dict[str, str]:
        """{'P1': 'met' | 'partial' | 'not_met' | 'unknown', ...}"""
        return readiness_from_column(self.readiness_text)

    @property
    def intact(self) -> bool:
        return not self.problem

    @property
    def to_hire(self) -> bool:
        """An experienced Product Director is to be hired: the candidate assessed does not
        lead, so their readiness and risk say nothing about the stream's lead."""
        return self.outcome == "hire_external"


@dataclass(frozen=True)
class Portfolio:
    streams: list[StreamLine]
    mentors: dict[str, int] = field(default_factory=dict)   # mentor -> learners carried
    missing: str = ""   # rows the audit log names that the register no longer holds (integrity.py)

    @property
    def counted(self) -> list[StreamLine]:
        return [s for s in self.streams if s.intact]

    @property
    def experienced(self) -> int:
        return sum(s.kind == EXPERIENCED for s in self.counted)

    @property
    def learners(self) -> int:
        return sum(s.kind == LEARNER for s in self.counted)

    @property
    def altered(self) -> list[StreamLine]:
        return [s for s in self.streams if not s.intact]

    @property
    def unmentored(self) -> int:
        return sum(s.kind == LEARNER and not s.mentor for s in self.counted)

    def share_experienced(self) -> float:
        led = self.experienced + self.learners
        return self.experienced / led if led else 0.0


def current_ids(conn: Connection):
    """The newest signed record of each stream (index: status, stream, id)."""
    return (select(func.max(records.c.id)).where(records.c.status == "signed")
            .group_by(records.c.stream))


_SUMMARY = (records.c.id, records.c.record_id, records.c.version, records.c.stream,
            records.c.candidate, records.c.outcome, records.c.lead, records.c.mentor,
            records.c.risk, records.c.readiness, records.c.next_review)  # schema 5: reviews


def portfolio(conn: Connection, checker: Checker | None = None) -> Portfolio:
    """Every stream's current lead. With ``checker`` each row is checked first (the CLI,
    the PDF and the window, which show every row); without, the figures come from the
    summary columns alone (what `leadfit verify` vouches for), read from the index."""
    current = records.c.id.in_(current_ids(conn))
    if checker is None:  # read from the covering index, unpacked by position (10,000 rows)
        rows = conn.execute(select(*_SUMMARY).where(records.c.status == "signed", current)
                            .order_by(records.c.stream))
        lines = [StreamLine(stream or "", f"{record_id}@{version}", candidate or "", outcome or "",
                            lead or "", mentor or "", risk or "", readiness or "", review or "")
                 for _id, record_id, version, stream, candidate, outcome, lead, mentor, risk,
                 readiness, review in rows]
    else:
        wanted = {c.name for c in _SUMMARY}
        checked = conn.execute(select(*_SUMMARY, *[c for c in row_columns() if c.name not in wanted])
                               .where(current).order_by(records.c.stream)).all()
        checker.prefetch(checked)
        lines = [_line(row, checker.check(row).problem) for row in checked]
    mentors = Counter(s.mentor or "" for s in lines if s.intact and s.kind == LEARNER)
    return Portfolio(lines, {m: n for m, n in sorted(mentors.items(), key=_by_load) if m},
                     checker.missing_problem() if checker is not None else "")


def _by_load(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0].casefold()


def _line(row, problem: str) -> StreamLine:
    ref = f"{row.record_id}@{row.version}"
    if problem:
        return StreamLine("", ref, "", "", "", "", "", "", "", problem)
    return StreamLine(row.stream or "", ref, row.candidate or "", row.outcome or "",
                      row.lead or "", row.mentor or "", row.risk or "", row.readiness or "",
                      row.next_review or "")


def same_stream(a: str, b: str) -> bool:
    """Stream names as people type them: case and spacing do not make another stream."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
