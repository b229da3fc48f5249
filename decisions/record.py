"""DecisionRecord: the case, the assessment, the human decision and its sign-offs.

The record is stored as canonical JSON text and hashed as that exact text
(times are UTC ISO strings), so nothing read back through a database driver
can change what was signed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_serializer

from leadfit.decisions.portfolio_facts import StreamsReading
from leadfit.decisions.record_words import outcome_title, recorded_words  # noqa: F401
from leadfit.decisions.record_logic import UNAGREED, DecisionLogic, PlanItemLogic, RecordLogic  # noqa: F401
from leadfit.decisions.review_record import Review
from leadfit.decisions.texts import canonical_json, make_ref, parse_ref, sha256_text, utc_now  # noqa: F401
from leadfit.rules.model.assessment import Assessment, EngineRef, PackRef
# Long imported from here; the words themselves live in the one module of plain words.
from leadfit.words import RECORD_STATUS as STATUS_WORDS  # noqa: F401
from leadfit.words import date_words, role_words, status_words, time_words  # noqa: F401

Status = Literal["draft", "awaiting_signoff", "signed", "withdrawn"]
FORMAT = 1
_MODEL = ConfigDict(extra="forbid", frozen=True)


class SignOff(BaseModel):
    model_config = _MODEL
    name: str
    role: str
    at: str                       # UTC ISO time
    statement: str = ""
    dissent: bool = False
    dissent_reasons: str = ""
    account: str = ""             # the operating-system account that entered it (see README)


class PlanItem(PlanItemLogic, BaseModel):
    """One required mitigation as a plan step (its words: record_logic.PlanItemLogic)."""

    model_config = _MODEL
    id: str
    title: str
    owner: str
    due: str | None = None
    # a step deferred explicitly: the date by which its owner and due date are agreed
    agree_by: str | None = None


class Decision(DecisionLogic, BaseModel):
    model_config = _MODEL
    outcome: str
    recommended: str | None
    justification: str = ""
    conditions: str = ""
    review_date: str | None = None
    plan: list[PlanItem] = []
    plan_later: bool = False      # the decision maker deferred the steps not given (each: agree_by)
    # A coached appointment (issue 12): what would count as not adjusting, and the
    # decisive review after the first one (review_date).
    review_criteria: list[str] = []
    decisive_review_date: str | None = None


class Considered(BaseModel):
    """Another candidate for the same stream, assessed beside the one chosen (the record
    that the choice was made on aptitude, M4): who, what the pack recommended, its risk."""

    model_config = _MODEL
    name: str
    outcome: str | None           # the rule pack's recommendation for them (None: incomplete)
    outcome_title: str
    risk: str                     # the risk level of appointing them as proposed


class DecisionRecord(RecordLogic, BaseModel):
    model_config = _MODEL
    format: int = FORMAT
    record_id: str
    version: int
    supersedes: str | None = None
    correction_reason: str = ""
    created_at: str
    status: Status
    stream: str
    candidate: str
    answers: dict[str, Any]
    assessment: Assessment
    pack: PackRef
    engine: EngineRef             # the engine that decided
    leadfit_version: str
    decision: Decision
    required_roles: list[str]
    signoffs: list[SignOff] = []
    recorded_by: str = ""         # the typed name of who recorded the decision
    recorded_account: str = ""    # and the operating-system account it was recorded from
    withdrawn_reason: str = ""
    withdrawn_by: str = ""        # name (account) of who withdrew it, with withdrawn_at
    withdrawn_at: str = ""
    review: Review | None = None  # set on a fail-fast review's own record (review_record.py)
    considered: list[Considered] = []   # the other candidates compared (issue 12)
    # issue 12: who leads the other streams, when read from the register instead of asked
    other_streams: StreamsReading | None = None

    @field_serializer("assessment", "pack", "engine")
    def _as_written(self, part: BaseModel) -> dict[str, Any]:
        """Exactly the keys the record was written with, so a field added to these
        models later (with a default) never changes a stored record's text or hash."""
        return part.model_dump(mode="json", exclude_unset=True)

    def canonical(self) -> str:
        data = self.model_dump(mode="json")
        _drop_defaults(data, _LATER)
        _drop_defaults(data["decision"], _LATER_DECISION)
        for step in data["decision"]["plan"]:
            _drop_defaults(step, _LATER_PLAN_ITEM)
        for signoff in data["signoffs"]:
            _drop_defaults(signoff, _LATER_SIGNOFF)
        return canonical_json(data)

    def with_signoff(self, signoff: SignOff) -> DecisionRecord:
        """A copy with one more sign-off; signed once every required role has signed."""
        signoffs = [*self.signoffs, signoff]
        done = all(r in {s.role for s in signoffs} for r in self.required_roles)
        return self.model_copy(update={"signoffs": signoffs,
                                       "status": "signed" if done else self.status})

    @classmethod
    def from_text(cls, text: str) -> DecisionRecord:
        return cls.model_validate_json(text)


# Fields added after records were first written (issue 13): left out of the text while at
# their default, so an older record reads back to exactly the text and hash it was written with.
_LATER: dict[str, Any] = {
    "recorded_by": "", "recorded_account": "", "withdrawn_reason": "", "withdrawn_by": "",
    "withdrawn_at": "", "review": None, "considered": [], "other_streams": None}
_LATER_DECISION = {"plan_later": False, "review_criteria": [], "decisive_review_date": None}
_LATER_SIGNOFF = {"account": ""}
_LATER_PLAN_ITEM = {"agree_by": None}


def _drop_defaults(data: dict, defaults: dict) -> None:
    for key, default in defaults.items():
        if data.get(key, default) == default:
            data.pop(key, None)
