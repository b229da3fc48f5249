"""What a fail-fast review records (M10): the review's own part of a DecisionRecord.

A review is its own record in the register (own id, signed like a decision), linked
to the record it reviews (``of``) and to the appointment decision at the root of the
chain (``decision``). Neither the decision nor an earlier review is ever edited.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from leadfit.decisions.record_logic import FindingChangeLogic

_MODEL = ConfigDict(extra="forbid", frozen=True)

Verdict = Literal["continue", "extend", "experienced_pd"]
VERDICTS: tuple[str, ...] = ("continue", "extend", "experienced_pd")


class FindingChange(FindingChangeLogic, BaseModel):
    """One finding compared between the decision and the review ('' = not raised)."""

    model_config = _MODEL
    id: str
    title: str
    before: str = ""   # severity at the decision
    after: str = ""    # severity at the review


class AnswerChange(BaseModel):
    model_config = _MODEL
    question: str
    title: str
    before: str        # the answers in words, as the reviewer saw them
    after: str


class MitigationDone(BaseModel):
    """A planned mitigation as found at the review: done on a date, or not done."""

    model_config = _MODEL
    id: str
    title: str
    due: str | None = None
    done_on: str | None = None


class Review(BaseModel):
    model_config = _MODEL
    of: str                          # ref of the record reviewed (the decision or the last review)
    decision: str                    # ref of the appointment decision the chain starts from
    held_on: str                     # the day the review was held (ISO date)
    verdict: Verdict
    next_review: str | None = None   # when the next review is due; None: no further review
    experienced_pd: str = ""         # who is brought in (verdict experienced_pd)
    criteria: list[str] = []         # what the decision said would count as not adjusting
    answers: list[AnswerChange] = []
    findings: list[FindingChange] = []
    recommended_before: str | None = None
    mitigations: list[MitigationDone] = []
    behaviours: str = ""             # what the reviewer observed, in their words
    experience: str = ""             # the candidate's experience since the decision
