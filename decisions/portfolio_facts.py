"""What the register said about the other streams when a case was assessed (kept in the
record), and, re-exported from decisions/lead_facts.py, what a record says about its
stream's lead."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from leadfit.decisions.record_logic import StreamsReadingLogic

from leadfit.decisions.lead_facts import (  # noqa: F401
    CPO,
    COACH,
    EXPERIENCED,
    FACT_COLUMNS,
    LEARNER,
    READINESS_IDS,
    lead_kind,
    mentor_of,
    readiness_from_column,
    readiness_of,
    stream_facts,
)


class StreamRead(BaseModel):
    model_config = ConfigDict(frozen=True)
    stream: str
    ref: str
    kind: str


class StreamsReading(StreamsReadingLogic, BaseModel):
    """What the register said about the other streams when this case was assessed."""

    model_config = ConfigDict(frozen=True)
    answer: str                     # the value used for stream.other_stream_leads
    form_answer: str | None = None  # what the form said, set aside
    experienced: int
    learners: int
    streams: list[StreamRead] = []  # the first streams read (up to 50)
    altered: list[str] = []         # refs of records found altered and not counted
    to_hire: int = 0                # of the experienced, those still to be hired (F25)


def answer_for(experienced: int, learners: int) -> str:
    """The questionnaire's option for these counts."""
    if experienced and learners:
        return "mixed"
    if experienced:
        return "experienced_pds"
    return "executives" if learners else "none_yet"


