"""What an assessment's parts work out from their fields, written once for the pydantic
models (rules/model/assessment.py) and the sealed view of a stored record's assessment
(decisions/sealed.py: the reading commands build no models; issue 15)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leadfit.rules.model.labels import pack_label


class PackRefLogic:
    if TYPE_CHECKING:
        name: str
        version: str

    @property
    def label(self) -> str:
        return pack_label(self.name, self.version)


class AssessmentLogic:
    if TYPE_CHECKING:
        outcome: str | None
        findings: list[Any]
        mitigations: list[Any]
        preconditions: list[Any]
        signals: list[Any]
        readiness: list[Any]

    @property
    def decided(self) -> bool:
        return self.outcome is not None

    def cited_ids(self) -> set[str]:
        """Catalogue IDs raised: findings, mitigations, signals and readiness gaps."""
        ids = {f.id for f in self.findings} | {m.id for m in self.mitigations}
        ids |= {m.id for m in self.preconditions}
        ids |= {s.id for s in self.signals}
        ids |= {r.id for r in self.readiness if r.status in ("partial", "not_met")}
        return ids

    def plan_steps(self) -> list[Any]:
        """Every step to agree an owner and a date for: preconditions first, then the plan."""
        return [*self.preconditions, *self.mitigations]
