"""The catalogue file's strict schema (rules/catalogue.yaml).

Apart from rules/model/catalogue.py so that a command whose catalogue comes with a compiled
pack (rules/model/compiled.py) never defines these models (issue 15)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class EntrySpec(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", defer_build=True)
    title: str
    meaning: str


class CatalogueSpec(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", defer_build=True)
    readiness: dict[str, EntrySpec]
    signals: dict[str, EntrySpec]
    failures: dict[str, EntrySpec]
    mitigations: dict[str, EntrySpec]
    outcomes: dict[str, EntrySpec]
