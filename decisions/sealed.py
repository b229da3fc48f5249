"""A stored record read as its sealed text says it, without building its models.

`register show` and `report` start in a fresh process each time, and pydantic with the
record's thirty models costs more than the rest of the command (issue 15). The text was
validated into those models when it was written, and every read checks it against its
hash and its audit entry before it is shown (decisions/checking.py), so reading needs
only its JSON: each part below gives the same attributes as its model (a field the text
leaves out takes the model's default) and the same derived words (the *Logic classes
both inherit). tests/test_sealed_read.py proves every view's fields equal its model's
and the command's output identical over generated registers.
"""

from __future__ import annotations

import copy
import json
from typing import TYPE_CHECKING, Any, ClassVar, Union

from leadfit.decisions.record_logic import (
    DecisionLogic,
    FindingChangeLogic,
    PlanItemLogic,
    RecordLogic,
    StreamsReadingLogic,
)
from leadfit.rules.model.assessment_logic import AssessmentLogic, PackRefLogic

if TYPE_CHECKING:
    from leadfit.decisions.record import DecisionRecord


class Sealed:
    """One part of a sealed record: its fields as attributes. ``FIELDS`` names every field
    of the model it stands for, ``DEFAULTS`` those the text may leave out, ``PARTS`` the
    fields holding another part (or a list of them)."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    DEFAULTS: ClassVar[dict[str, Any]] = {}
    PARTS: ClassVar[dict[str, type[Sealed]]] = {}
    __slots__ = ("_data", "_read")

    def __init__(self, data: dict[str, Any]):
        self._data: dict[str, Any] = data
        self._read: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        read = self._read
        if name in read:
            return read[name]
        if name in self._data:
            value = self._data[name]
        elif name in self.DEFAULTS:
            value = copy.copy(self.DEFAULTS[name])
        else:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}")
        part = self.PARTS.get(name)
        if part is not None and value is not None:
            value = [part(v) for v in value] if isinstance(value, list) else part(value)
        read[name] = value
        return value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sealed) and type(other) is type(self) and other._data == self._data

    __hash__ = None  # type: ignore[assignment]  # compared by content, never hashed


def _part(name: str, fields: str, defaults: dict[str, Any] | None = None,
          parts: dict[str, type[Sealed]] | None = None, *logic: type) -> type[Sealed]:
    return type(name, (*logic, Sealed), {"__slots__": (), "FIELDS": tuple(fields.split()),
                                         "DEFAULTS": defaults or {}, "PARTS": parts or {}})


# rules/model/assessment.py
Risk = _part("Risk", "level score")
Cause = _part("Cause", "question title answer")
Finding = _part("Finding", "id title severity rule layer summary because", {}, {"because": Cause})
Mitigation = _part("Mitigation", "id title meaning rules layers because")
ReadinessItem = _part("ReadinessItem", "id title status rules")
Signal = _part("Signal", "id title rule layer because", {}, {"because": Cause})
MissingAnswer = _part("MissingAnswer", "question title section")
PackRef = _part("PackRef", "name version fingerprint layers", {}, {}, PackRefLogic)
EngineRef = _part("EngineRef", "name version")
AnswerOutcomes = _part("AnswerOutcomes", "answer outcomes")
Dependence = _part("Dependence", "question title by_answer", {}, {"by_answer": AnswerOutcomes})
UnknownAnswers = _part("UnknownAnswers", "questions explored verdict summary outcomes depends_on"
                       " combinations limit decided_by", {}, {"depends_on": Dependence})
AnswerChange = _part("AnswerChange", "question title lever now to value")
ChangeSet = _part("ChangeSet", "changes words", {}, {"changes": AnswerChange})
Alternative = _part("Alternative", "outcome title why_not nearest levers_only note", {"note": ""},
                    {"nearest": ChangeSet, "levers_only": ChangeSet})
Assessment = _part(
    "Assessment", "outcome outcome_title risk findings mitigations readiness signals missing"
    " why_not constraints notes rules_fired pack engine preconditions unverified unknowns"
    " alternatives",
    {"preconditions": [], "unverified": [], "unknowns": None, "alternatives": []},
    {"risk": Risk, "findings": Finding, "mitigations": Mitigation, "readiness": ReadinessItem,
     "signals": Signal, "missing": MissingAnswer, "pack": PackRef, "engine": EngineRef,
     "preconditions": Mitigation, "unknowns": UnknownAnswers, "alternatives": Alternative},
    AssessmentLogic)

# decisions/record.py, review_record.py, portfolio_facts.py
PlanItem = _part("PlanItem", "id title owner due agree_by", {"due": None, "agree_by": None}, {},
                 PlanItemLogic)
Decision = _part("Decision", "outcome recommended justification conditions review_date plan"
                 " plan_later review_criteria decisive_review_date",
                 {"justification": "", "conditions": "", "review_date": None, "plan": [],
                  "plan_later": False, "review_criteria": [], "decisive_review_date": None},
                 {"plan": PlanItem}, DecisionLogic)
SignOff = _part("SignOff", "name role at statement dissent dissent_reasons account",
                {"statement": "", "dissent": False, "dissent_reasons": "", "account": ""})
Considered = _part("Considered", "name outcome outcome_title risk")
ReviewAnswer = _part("AnswerChange", "question title before after")
FindingChange = _part("FindingChange", "id title before after", {"before": "", "after": ""}, {},
                      FindingChangeLogic)
MitigationDone = _part("MitigationDone", "id title due done_on", {"due": None, "done_on": None})
Review = _part("Review", "of decision held_on verdict next_review experienced_pd criteria answers"
               " findings recommended_before mitigations behaviours experience",
               {"next_review": None, "experienced_pd": "", "criteria": [], "answers": [],
                "findings": [], "recommended_before": None, "mitigations": [],
                "behaviours": "", "experience": ""},
               {"answers": ReviewAnswer, "findings": FindingChange,
                "mitigations": MitigationDone})
StreamRead = _part("StreamRead", "stream ref kind")
StreamsReading = _part("StreamsReading", "answer form_answer experienced learners streams altered"
                       " to_hire", {"form_answer": None, "streams": [], "altered": [], "to_hire": 0},
                       {"streams": StreamRead}, StreamsReadingLogic)


class SealedRecord(RecordLogic, Sealed):
    """A DecisionRecord as its stored text says it (see the module's docstring)."""

    FIELDS = tuple(
        "format record_id version supersedes correction_reason created_at status stream"
        " candidate answers assessment pack engine leadfit_version decision required_roles"
        " signoffs recorded_by recorded_account withdrawn_reason withdrawn_by withdrawn_at"
        " review considered other_streams".split())
    DEFAULTS = {"format": 1, "supersedes": None, "correction_reason": "", "signoffs": [],
                "recorded_by": "", "recorded_account": "", "withdrawn_reason": "",
                "withdrawn_by": "", "withdrawn_at": "", "review": None, "considered": [],
                "other_streams": None}
    PARTS = {"assessment": Assessment, "pack": PackRef, "engine": EngineRef,
             "decision": Decision, "signoffs": SignOff, "review": Review,
             "considered": Considered, "other_streams": StreamsReading}
    __slots__ = ("_text",)

    def __init__(self, text: str):
        super().__init__(json.loads(text))
        self._text = text

    def canonical(self) -> str:
        """The stored text itself (a record is stored as its canonical text)."""
        return self._text


def read(text: str) -> SealedRecord:
    """A checked record's stored text as a record (no models built)."""
    return SealedRecord(text)


# What the words of a record (show, the PDF) take: its models, or its sealed text.
AnyRecord = Union["DecisionRecord", SealedRecord]
