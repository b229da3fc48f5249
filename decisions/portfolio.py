"""The portfolio of streams: each stream's current lead, counted for the board and for F10.

A stream's current lead is its newest signed decision (a correction awaiting
sign-off does not replace it until signed); streams are told apart by the one stream
key (case and spacing folded). Figures come from the sealed summary of schema 8
(leads.py), so 10,000 streams are counted and checked without opening a body; where
it is not sealed or disagrees, each row is checked like any other read (an altered
one is marked, not counted). Where it holds, each shown row is still checked against its
text and audit entry (no body parsed): an edit the lines do not carry, such as a signer's
name, is named as show and verify name it. The article's F10: "you will not get consistent levels of experience and
delivery across your value streams".
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Connection, select

from leadfit.decisions import leads
from leadfit.decisions.integrity import Checker, row_columns, utf8
from leadfit.decisions.pages import entry_columns, entry_join
from leadfit.decisions.keys import fold
from leadfit.decisions.portfolio_facts import EXPERIENCED, LEARNER, readiness_from_column
from leadfit.decisions.tables import record_keys, records


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
    key: str = ""        # the stream key (keys.fold): how streams are told apart

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
    summary: str = ""   # the sealed summary disagreed with the audit trail (leads.py)

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
    def to_be_hired(self) -> int:
        """Of the experienced, the streams whose Product Director is still to be hired (F25)."""
        return sum(s.kind == EXPERIENCED and s.to_hire for s in self.counted)

    @property
    def altered(self) -> list[StreamLine]:
        return [s for s in self.streams if not s.intact]

    @property
    def unmentored(self) -> int:
        return sum(s.kind == LEARNER and not s.mentor for s in self.counted)

    def share_experienced(self) -> float:
        led = self.experienced + self.learners
        return self.experienced / led if led else 0.0


_SUMMARY = (records.c.id, records.c.record_id, records.c.version, records.c.stream,
            records.c.candidate, records.c.outcome, records.c.lead, records.c.mentor,
            records.c.risk, records.c.readiness, records.c.next_review)  # schema 5: reviews
_KEY = record_keys.c.stream_key.label("stream_key")
_ORDER = itemgetter(0, 10, 1)   # stream, key, ref
_PAGE = 500


def portfolio(conn: Connection, checker: Checker | None = None, texts: bool = True) -> Portfolio:
    """Every stream's current lead, streams told apart by the one stream key (keys.fold).
    With ``checker`` every line is checked: the sealed summary (leads.py) against the
    audit chain in one pass, or, when it is not sealed or disagrees, each stream's row
    against its body and audit entry (an altered one is marked, not counted). Without,
    the figures come from the summary alone (what `leadfit verify` vouches for). ``texts``
    also re-hashes each shown row's text where the summary holds and counts the rows
    deleted outside LeadFit (what a person is shown); the F10 reading a decide makes needs
    only the sealed facts, so it skips both (the count alone is 24 ms at 1,000,000)."""
    lines, note, root = leads.read(conn, checker)
    if lines is not None:
        streams, mentors = _board(root, lines)
        altered = _rechecked(conn, checker, lines) if checker is not None and texts else {}
        if altered:
            streams = sorted((_marked(s, altered[s.ref]) if s.ref in altered else s
                              for s in streams), key=_ORDER)
            mentors = _mentors(streams)
        return Portfolio(list(streams), dict(mentors), _missing(checker, texts), note)
    streams = _checked(conn, checker) if checker is not None else _unchecked(conn)
    streams.sort(key=_ORDER)
    return Portfolio(streams, _mentors(streams), _missing(checker, texts), note)


def _missing(checker: Checker | None, texts: bool) -> str:
    return checker.missing_problem() if checker is not None and texts else ""


def _mentors(streams: list[StreamLine]) -> dict[str, int]:
    mentors = Counter(s.mentor for s in streams if s.kind == LEARNER and not s.problem)
    return {m: n for m, n in sorted(mentors.items(), key=_by_load) if m}


# The board built from a sealed summary, by its root (the same root: the same lines).
_BOARDS: dict[str, tuple[list[StreamLine], dict[str, int]]] = {}


def _board(root: str, lines: list[tuple]) -> tuple[list[StreamLine], dict[str, int]]:
    """10,000 lines built and ordered in one pass each, once per root."""
    if root not in _BOARDS:
        streams = [StreamLine(st, f"{rid}@{v}", cand, out, lead, men, risk, ready, rev, prob, key)
                   for key, _row, rid, v, st, cand, out, lead, men, risk, ready, rev, prob in lines]
        streams.sort(key=_ORDER)
        while len(_BOARDS) >= 2:
            _BOARDS.pop(next(iter(_BOARDS)))
        _BOARDS[root] = (streams, _mentors(streams))
    return _BOARDS[root]


def _rechecked(conn: Connection, checker: Checker, lines: list[tuple]) -> dict[str, str]:
    """{ref: problem} of the current rows altered since their lines were sealed. The sealed
    line keeps the figures right, but a record edited outside LeadFit (a signer's name in
    its text) must not be shown as sound where show and verify refuse it: each shown row
    is checked as any read checks it (its text's hash, its audit entry), a page at a time."""
    refs = {line[1]: f"{line[2]}@{line[3]}" for line in lines if not line[leads.PROBLEM]}
    ids, found = list(refs), dict[str, str]()
    # each text as its stored bytes and its newest entry in the same query (as a list page)
    columns = [utf8(conn, c).label("body") if c.key == "body" else c for c in row_columns()]
    query = select(*columns, records.c.id, *entry_columns()).select_from(entry_join(records))
    for start in range(0, len(ids), _PAGE):
        rows = conn.execute(query.where(records.c.id.in_(ids[start:start + _PAGE]))).all()
        checker.prefetch(rows)
        found.update((refs[row.id], checker.check(row).problem) for row in rows)
        checker.forget()
    return {ref: problem for ref, problem in found.items() if problem}


def _marked(s: StreamLine, problem: str) -> StreamLine:
    return StreamLine("", s.ref, "", "", "", "", "", "", "", problem, s.key)


def _checked(conn: Connection, checker: Checker) -> list[StreamLine]:
    rows = conn.execute(leads.current_rows()).all()
    checker.prefetch(rows)
    return [_line(row, checker.check(row).problem) for row in rows]


def _unchecked(conn: Connection) -> list[StreamLine]:
    """A register never sealed (upgraded, not yet written): the summary columns alone."""
    rows = conn.execute(leads.current_rows().with_only_columns(*_SUMMARY, _KEY)).all()
    return [_line(row, "") for row in rows]


def _by_load(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0].casefold()


def _line(row, problem: str) -> StreamLine:
    ref = f"{row.record_id}@{row.version}"
    if problem:
        return StreamLine("", ref, "", "", "", "", "", "", "", problem, row.stream_key)
    return StreamLine(row.stream or "", ref, row.candidate or "", row.outcome or "",
                      row.lead or "", row.mentor or "", row.risk or "", row.readiness or "",
                      row.next_review or "", "", row.stream_key)


def same_stream(a: str, b: str) -> bool:
    """Stream names as people type them: case and spacing do not make another stream."""
    return fold(a) == fold(b)
