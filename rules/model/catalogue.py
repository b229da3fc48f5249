"""The catalogue of the article's ideas (P, R, F, M and outcomes) as product data."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from leadfit.frozen import frozen
from leadfit.paths import package_folder
from leadfit.yamlsafe import load_file

KINDS = {"readiness": "P", "signals": "R", "failures": "F", "mitigations": "M"}
SECTIONS = ("readiness", "signals", "failures", "mitigations", "outcomes")
ENTRY_KEYS = ("title", "meaning")


@frozen
class Entry:
    id: str
    kind: str
    title: str
    meaning: str


@frozen
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
    return load_catalogue(package_folder("leadfit.rules") / "catalogue.yaml", "rules/catalogue.yaml")


def load_catalogue(path: Path, display: str | None = None) -> Catalogue:
    located = load_file(path, display, cached=True)
    data = located.data
    if not well_formed(data):  # the schema names every mistake, file and line
        from leadfit.datafiles import parse_model
        from leadfit.rules.model.catalogue_spec import CatalogueSpec
        spec = parse_model(CatalogueSpec, located)
        data = spec.model_dump()
    entries: dict[str, Entry] = {}
    for kind in SECTIONS:
        for item_id, e in data[kind].items():
            entries[item_id] = Entry(item_id, kind, e["title"], e["meaning"])
    return Catalogue(entries)


def well_formed(data: Any) -> bool:
    """Whether ``data`` is a catalogue exactly as its schema (catalogue_spec.py) takes it:
    every section, nothing else, each entry a title and a meaning, all text. A catalogue
    that is (the one LeadFit ships) is read without building the schema's models, which
    every command that prints an outcome's name would pay for (issue 15); any other is
    validated by the schema. tests/test_catalogue_read.py holds the two in agreement."""
    if type(data) is not dict or sorted(data) != sorted(SECTIONS):
        return False
    return all(type(section) is dict and all(_entry_ok(item_id, e) for item_id, e in section.items())
               for section in data.values())


def _entry_ok(item_id: Any, entry: Any) -> bool:
    return (type(item_id) is str and type(entry) is dict and len(entry) == len(ENTRY_KEYS)
            and all(type(entry.get(k)) is str for k in ENTRY_KEYS))
