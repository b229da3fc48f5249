"""The catalogue's schema: what rules/catalogue.yaml may hold, validated (with every
mistake named by file and line) whenever the quick shape check of catalogue.py does
not already vouch for it."""

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
