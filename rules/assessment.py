"""The Assessment: what the rule pack concluded about one case, and why."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

_FROZEN = ConfigDict(extra="forbid", frozen=True)


class Cause(BaseModel):
    model_config = _FROZEN
    question: str
    title: str
    answer: Any


class Finding(BaseModel):
    model_config = _FROZEN
    id: str
    title: str
    severity: str
    rule: str
    layer: str
    summary: str
    because: list[Cause]


class Mitigation(BaseModel):
    model_config = _FROZEN
    id: str
    title: str
    meaning: str
    rules: list[str]
    layers: list[str]
    because: list[str]


class ReadinessItem(BaseModel):
    model_config = _FROZEN
    id: str
    title: str
    status: str  # met | partial | not_met | unknown
    rules: list[str]


class Signal(BaseModel):
    model_config = _FROZEN
    id: str
    title: str
    rule: str
    layer: str
    because: list[Cause]


class MissingAnswer(BaseModel):
    model_config = _FROZEN
    question: str
    title: str
    section: str


class Risk(BaseModel):
    model_config = _FROZEN
    level: str
    score: int


def pack_label(name: str, version: str) -> str:
    """How a pack (or one layer of it) is named everywhere: ``name@version``."""
    return f"{name}@{version}"


class PackRef(BaseModel):
    model_config = _FROZEN
    name: str
    version: str
    fingerprint: str
    layers: list[str]

    @property
    def label(self) -> str:
        return pack_label(self.name, self.version)


class EngineRef(BaseModel):
    model_config = _FROZEN
    name: str
    version: str


class Assessment(BaseModel):
    model_config = _FROZEN
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

    @property
    def decided(self) -> bool:
        return self.outcome is not None

    def cited_ids(self) -> set[str]:
        """Catalogue IDs raised: findings, mitigations, signals and readiness gaps."""
        ids = {f.id for f in self.findings} | {m.id for m in self.mitigations}
        ids |= {s.id for s in self.signals}
        ids |= {r.id for r in self.readiness if r.status in ("partial", "not_met")}
        return ids

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)
