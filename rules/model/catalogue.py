"""The catalogue of the article's ideas (P, R, F, M and outcomes) as product data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from leadfit.datafiles import parse_model
from leadfit.yamlsafe import load_file

KINDS = {"readiness": "P", "signals": "R", "failures": "F", "mitigations": "M"}


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


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    title: str
    meaning: str


@dataclass(frozen=True)
class Catalogue:
    entries: dict[str, Entry]

    def title(self, item_id: str) -> str:
        entry = self.entries.get(item_id)
        return entry.title if entry else item_id

    def ids(self, kind: str) -> list[str]:
        """IDs of one kind ('readiness', 'signals', ...) in catalogue order."""
        return [e.id for e in self.entries.values() if e.kind == kind]

    @property
    def citable(self) -> list[str]:
        return [e.id for e in self.entries.values() if e.kind != "outcomes"]

    def with_wording(self, wording: dict[str, dict[str, str]]) -> Catalogue:
        """A copy with some titles or meanings reworded (client packs)."""
        entries = dict(self.entries)
        for item_id, words in wording.items():
            old = entries[item_id]
            entries[item_id] = Entry(old.id, old.kind, words.get("title", old.title),
                                     words.get("meaning", old.meaning))
        return Catalogue(entries)


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    ref = resources.files("leadfit.rules").joinpath("catalogue.yaml")
    with resources.as_file(ref) as path:
        return load_catalogue(Path(path), "rules/catalogue.yaml")


def load_catalogue(path: Path, display: str | None = None) -> Catalogue:
    located = load_file(path, display, cached=True)
    spec = parse_model(CatalogueSpec, located)
    entries: dict[str, Entry] = {}
    for kind in ("readiness", "signals", "failures", "mitigations", "outcomes"):
        for item_id, e in getattr(spec, kind).items():
            entries[item_id] = Entry(item_id, kind, e.title, e.meaning)
    return Catalogue(entries)
