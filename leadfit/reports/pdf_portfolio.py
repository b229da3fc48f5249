"""The portfolio of streams as a board reads it: one page of figures, a chart, a table.

Words, never codes: streams, who leads them, readiness as coloured marks with a
legend, risk and the next review. Built from decisions.portfolio.Portfolio.
"""

from __future__ import annotations

from datetime import date

from typing import TYPE_CHECKING

from leadfit.decisions import streams_reading
from leadfit.decisions.lead_facts import LEARNER, READINESS_IDS
from leadfit.pdf import Document, readiness_grid
from leadfit.words import (
    READINESS,
    READINESS_SHORT,
    date_words,
    decision_lead_words,
    lead_kind_words,
    plural,
    still_to_hire,
)

if TYPE_CHECKING:  # types only: a rationale's reading section imports this module
    from leadfit.decisions.portfolio import Portfolio, StreamLine

CONFIDENTIAL = "Confidential: for the board and HR"
LEGEND = {k: READINESS[k] for k in ("met", "partial", "not_met", "unknown")}


def render(board: Portfolio, *, today: date) -> Document:
    printed = f"Printed from the LeadFit decision register on {date_words(today.isoformat())}"
    doc = Document("Portfolio of value streams", mark=CONFIDENTIAL,
                   footer=lambda page, total: [f"{printed} · {CONFIDENTIAL}"])
    doc.title_line("Who leads our value streams")
    doc.p(f"As signed in the decision register on {date_words(today.isoformat())}.", "small")
    if not board.counted:
        doc.p("No stream has a signed decision yet, so there is nothing to show.")
        _altered(doc, board)
        return doc
    _headline(doc, board)
    doc.h2("Readiness by stream")
    doc.p("Each square is one of the six marks of a ready Product Director: digital product"
          " experience, ownership of the profit and loss, leading product, design and"
          " engineering together, iterative delivery, holding the line with the business,"
          " and doing the role full time.", "small")
    doc.chart(readiness_grid([_grid_row(s) for s in board.counted],
                             [READINESS_SHORT[p] for p in READINESS_IDS], doc.styles, LEGEND))
    doc.h2("Stream by stream")
    doc.table(["Stream", "Led by", "Decision", "Readiness", "Risk", "Next review"],
              [_table_row(s) for s in board.counted],
              widths=(0.22, 0.22, 0.17, 0.15, 0.09, 0.15))
    _mentors(doc, board)
    _altered(doc, board)
    return doc


def _headline(doc: Document, board: Portfolio) -> None:
    led = board.experienced + board.learners
    doc.p(f"{plural(len(board.counted), 'stream')} {'has' if len(board.counted) == 1 else 'have'}"
          " a signed lead. "
          f"{board.experienced} of {led} ({_percent(board.experienced, led)}) "
          f"{'is' if board.experienced == 1 else 'are'} led by an experienced Product Director"
          f"{still_to_hire(board.to_be_hired, board.experienced)};"
          f" {board.learners} ({_percent(board.learners, led)}) by"
          f" {'an executive' if board.learners == 1 else 'executives'} learning the role.",
          "callout")
    if board.experienced and board.learners:
        sets = "sets" if board.experienced > board.to_be_hired else "will, once hired, set"
        doc.p("Experience and delivery will not be consistent across the streams: those led"
              " by executives learning the role will lag behind those an experienced Product"
              f" Director {sets} the standard for.")
    elif board.learners:
        doc.p("No stream is led by an experienced Product Director, so none sets the standard"
              " the others can learn from.")


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _grid_row(s: StreamLine) -> tuple[str, list[str], str]:
    if s.to_hire:
        return s.stream, ["unknown"] * len(READINESS_IDS), "to be hired"
    marks = [s.readiness.get(p, "unknown") for p in READINESS_IDS]
    met = marks.count("met")
    return s.stream, [m if m in LEGEND else "unknown" for m in marks], f"{met} of 6 met"


def _table_row(s: StreamLine) -> list[str]:
    review = date_words(s.next_review) if s.next_review else "none set"
    if s.to_hire:
        return [s.stream, "An experienced Product Director, to be hired", "hire an experienced"
                " Product Director", "assessed at hiring", "—", review]
    marks = [s.readiness.get(p, "unknown") for p in READINESS_IDS]
    gaps = [READINESS_SHORT[p].lower() for p, m in zip(READINESS_IDS, marks) if m != "met"]
    readiness = f"{marks.count('met')} of 6 met" + (f"; short on {', '.join(gaps)}" if gaps else "")
    lead = f"{s.lead or 'unnamed'}, {lead_kind_words(s.kind)}"
    if s.kind == LEARNER:
        lead += f" (mentor: {s.mentor})" if s.mentor else " (no mentor named)"
    return [s.stream, lead, decision_lead_words(s.outcome), readiness,
            s.risk or "not assessed", review]


def _mentors(doc: Document, board: Portfolio) -> None:
    if not board.learners:
        return
    doc.h2("Mentors of the executives learning the role")
    doc.bullets([f"{mentor[0].upper()}{mentor[1:]} mentors"
                 f" {plural(count, 'executive')}" for mentor, count in board.mentors.items()])
    if board.unmentored:
        doc.p(f"{plural(board.unmentored, 'executive')} learning the role"
              f" {'has' if board.unmentored == 1 else 'have'} no mentor named.", "alert")


def _altered(doc: Document, board: Portfolio) -> None:
    if board.altered:
        doc.p(f"{plural(len(board.altered), 'decision record')} ({', '.join(s.ref for s in board.altered)})"
              " changed outside LeadFit since signed and"
              f" {'is' if len(board.altered) == 1 else 'are'} not counted here: ask whoever keeps"
              " the register to check it.", "alert")


def reading_section(doc: Document, record, questionnaire) -> None:
    """In a decision's rationale: where the answer about the other streams came from."""
    if record.other_streams is None:
        return
    doc.h2("Who leads the other streams")
    said = streams_reading.words(record.other_streams, questionnaire)
    doc.p(said[0].upper() + said[1:] + ".")
    named = [f"{s.stream} ({lead_kind_words(s.kind)})" for s in record.other_streams.streams]
    extra = record.other_streams.total - len(named)
    doc.p("Streams read: " + "; ".join(named) + (f"; and {extra} more" if extra > 0 else "") + ".",
          "small")
