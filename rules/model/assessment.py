"""The Assessment: what the rule pack concluded about one case, and why."""

from __future__ import annotations

from typing import Any, TypeVar

from leadfit.plain import Plain
from leadfit.rules.model.assessment_logic import AssessmentLogic, PackRefLogic
from leadfit.rules.model.labels import pack_label  # noqa: F401  (long imported from here)

_M = TypeVar("_M", bound=Plain)

# Plain models (leadfit/plain.py): a fresh `leadfit evaluate` builds an assessment without
# importing pydantic; reading one back (a record) validates it through pydantic.


class Cause(Plain):
    question: str
    title: str
    answer: Any


class Finding(Plain):
    id: str
    title: str
    severity: str
    rule: str
    layer: str
    summary: str
    because: list[Cause]


class Mitigation(Plain):
    id: str
    title: str
    meaning: str
    rules: list[str]
    layers: list[str]
    because: list[str]


class ReadinessItem(Plain):
    id: str
    title: str
    status: str  # met | partial | not_met | unknown
    rules: list[str]


class Signal(Plain):
    id: str
    title: str
    rule: str
    layer: str
    because: list[Cause]


class MissingAnswer(Plain):
    question: str
    title: str
    section: str


class Risk(Plain):
    level: str
    score: int


class PackRef(PackRefLogic, Plain):
    name: str
    version: str
    fingerprint: str
    layers: list[str]


class EngineRef(Plain):
    name: str
    version: str


class AnswerOutcomes(Plain):
    """Under one answer (or range) to an unknown question, the outcomes it can lead to."""

    answer: str
    outcomes: list[str]


class Dependence(Plain):
    question: str
    title: str
    by_answer: list[AnswerOutcomes]


class UnknownAnswers(Plain):
    """What the answers "Not known" do to the recommendation (rules/runtime/unknowns.py)."""

    questions: list[str]           # every question answered "Not known", form order
    explored: list[str]            # those a rule reads: every answer to them was tried
    verdict: str                   # holds | depends | too_many
    summary: str                   # the sentence people read
    outcomes: list[str]            # every outcome some answers lead to, mildest first
    depends_on: list[Dependence]
    combinations: int
    limit: int
    decided_by: str                # which answers the engine evaluated for the outcome


class AnswerChange(Plain):
    question: str
    title: str
    lever: bool                    # the organisation can change it (else a fact)
    now: str                       # the answer today, in words
    to: str                        # the change, in words ("10 or less")
    value: Any                     # one answer that makes the change (for checks and tools)


class ChangeSet(Plain):
    changes: list[AnswerChange]
    words: str                     # "Becomes Appoint if ... and ..."


class Alternative(Plain):
    """One outcome that was not recommended: why not, and the nearest answers that lead to it."""

    outcome: str
    title: str
    why_not: list[str]             # plain words, no rule or question ids
    nearest: list[ChangeSet]       # fewest answers changed; levers preferred on a tie
    levers_only: ChangeSet | None  # the nearest change of levers alone, when the nearest needs facts
    note: str = ""                 # e.g. no change within the limit


# Fields added after records existed, in the order they came: replay of an older
# record compares only the fields it holds.
ADDED_FIELDS = ("unknowns", "alternatives", "preconditions", "unverified")


class Assessment(AssessmentLogic, Plain):
    outcome: str | None
    outcome_title: str | None
    risk: Risk
    findings: list[Finding]
    mitigations: list[Mitigation]
    readiness: list[ReadinessItem]
    signals: list[Signal]
    missing: list[MissingAnswer]
    why_not: dict[str, list[str]]
    constraints: list[str]
    notes: list[str]
    rules_fired: list[str]
    pack: PackRef
    engine: EngineRef
    # Semantics 2 (rules/runtime/judgement.py); empty for packs and records made before it.
    preconditions: list[Mitigation] = []   # steps due before the appointment
    unverified: list[str] = []             # readiness IDs the answers cannot vouch for
    # Added after records existed: an older record's assessment has neither
    # (replay compares only what the record holds).
    unknowns: UnknownAnswers | None = None
    alternatives: list[Alternative] = []

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)


def built(cls: type[_M], **values: Any) -> _M:
    """``cls.model_construct(**values)``: the name the evaluation has always built its
    models with (tests/test_assessment_built.py holds the two equal)."""
    return cls.model_construct(**values)
