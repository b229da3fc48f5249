"""F10 from the register: who leads the other streams, read instead of asked.

When the register holds signed decisions for other streams, the answer to "Who
leads the organisation's other value streams?" is counted from them (how many are
led by executives learning the role, whether an experienced Product Director sets
the standard) and the form's answer is set aside. The reading is kept in the
decision record, and the answer it gave is in the record's answers, so replay
reproduces the assessment. A stream evaluated alone works from the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leadfit.decisions.lead_facts import EXPERIENCED, LEARNER
from leadfit.words import other_streams_words

QUESTION = "stream.other_stream_leads"
if TYPE_CHECKING:  # types only: reading the register never loads the form's models, and
    # `register show` and `report` word a stored reading without SQLAlchemy or pydantic
    from sqlalchemy import Connection

    from leadfit.decisions.checking import Checker
    from leadfit.decisions.portfolio_facts import StreamsReading
    from leadfit.forms.case import Case

KEPT = 50   # streams named in the record; beyond that it keeps the counts

__all__ = ["QUESTION", "applied", "form_answer", "read", "words"]


def read(conn: Connection, checker: Checker, stream: str,
         form_answer: str | None) -> StreamsReading | None:
    """The other streams' current leads, or None when the register knows none."""
    from leadfit.decisions.keys import fold
    from leadfit.decisions.portfolio import portfolio
    from leadfit.decisions.portfolio_facts import StreamRead, StreamsReading, answer_for
    # Every row counted is checked against its text and audit entry, as a person's read is
    # (F39): the sealed lines keep the figures, but a record whose text was edited outside
    # LeadFit must not stand behind a new decision unnamed. It is left out and named.
    board = portfolio(conn, checker, texts=True)
    key = fold(stream)
    # one pass over 10,000 lines (plain tuple fields, no properties): a decide makes it
    others = [s for s in board.streams if s.kind in _LED and s.key != key and not s.problem]
    altered = [s.ref for s in board.streams if s.problem and s.key != key]
    if not others and not (altered and form_answer):
        return None  # nothing read, nothing left out: the form's answer stands
    experienced = sum(1 for s in others if s.kind == EXPERIENCED)
    learners = len(others) - experienced
    return StreamsReading(
        answer=answer_for(experienced, learners) if others else str(form_answer),
        form_answer=form_answer, experienced=experienced, learners=learners,
        streams=[StreamRead(stream=s.stream, ref=s.ref, kind=s.kind) for s in others[:KEPT]],
        altered=altered, to_hire=sum(1 for s in others if s.to_hire))


_LED = frozenset({EXPERIENCED, LEARNER})


def applied(case: Case, reading: StreamsReading | None) -> Case:
    """The case with the register's answer in place of the form's (unchanged without one)."""
    if reading is None:
        return case
    return case.with_answers({QUESTION: reading.answer})


def form_answer(case: Case) -> str | None:
    value = case.answer(QUESTION)
    return str(value) if value is not None else None


def words(reading: StreamsReading | Any | None, questionnaire=None) -> str:
    """Which answer the assessment used for the other streams, in words."""
    if reading is None:
        return "as answered on the form (the register holds no other stream's signed decision)"
    form = reading.form_answer
    if form is not None and questionnaire is not None:
        question = questionnaire.questions.get(QUESTION)
        form = (question.options or {}).get(form, form) if question else form
    return other_streams_words(reading.experienced, reading.learners, form,
                               list(getattr(reading, "altered", None) or ()),
                               getattr(reading, "to_hire", 0) or 0)
