"""The questionnaire file's strict schema (forms/questionnaire.yaml): what may be written.

Apart from forms/questionnaire.py so that a command whose questionnaire comes with a compiled
pack (rules/model/compiled.py) never defines these models (issue 15)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

QuestionType = Literal["yes_no", "integer", "percent", "choice", "date", "text"]
# defer_build: the schema is built at the first validation or JSON, not at import (a
# fresh `leadfit evaluate` validates none of these: its pack comes compiled, issue 15)
_STRICT = ConfigDict(strict=True, extra="forbid", defer_build=True)


class QuestionSpec(BaseModel):
    model_config = _STRICT
    id: str
    title: str
    type: QuestionType
    help: str = ""
    informs: list[str] = []
    required: bool = True
    min: int | None = None
    max: int | None = None
    max_length: int | None = None
    options: dict[str, str] | None = None
    ask_if: dict[str, Any] | None = None
    not_before: str | None = None  # date questions: another date question it may not precede
    min_days_after: int = 0  # with not_before: how many days after it at the earliest (v4: 1, not the same day)


class DerivedSpec(BaseModel):
    model_config = _STRICT
    id: str
    title: str
    type: Literal["integer", "yes_no"]
    informs: list[str] = []
    from_: dict[str, list[str]] = Field(alias="from")


class SectionSpec(BaseModel):
    model_config = _STRICT
    id: str
    title: str
    help: str = ""
    questions: list[QuestionSpec]


class QuestionnaireSpec(BaseModel):
    model_config = _STRICT
    version: int
    sections: list[SectionSpec]
    derived: list[DerivedSpec] = []
    not_known: list[str] = []  # questions that may be answered "Not known"
    levers: list[str] = []     # answers the organisation can change; the rest are facts
