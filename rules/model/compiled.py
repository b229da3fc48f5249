"""Compiled packs, cached: a checked pack read back without parsing, validating or checking
its files again (issue 15: `leadfit evaluate` spent a third of its start building the pack).

An entry holds everything the loader derived from a pack's files (rules, conditions,
questionnaire, catalogue, settings, scenarios, fingerprint), kept by leadfit/objcache.py:
reading it builds only the classes ``_classes`` names, never runs code. It is keyed by the
folder as named, the text of each pack file and the code version, so an edited file or a
changed LeadFit is simply a new key and a stale entry is never found; anything missing,
damaged or foreign is ignored without a word and the pack is loaded as usual.

A client pack (one that extends a base) is kept too, keyed also by the folder its base is
found in today and that base's texts: which base it gets depends on other folders (bundled,
sibling, archived), so the base is looked for as the loader looks (library._base_folder) on
every read, and a base that moved, changed or extends another is a new key or none. Its
base comes back as that folder's pack (itself compiled). A folder's guards (links outside
it, hard links) are checked on every read, as the full loader checks them.
tests/test_compiled_pack.py holds every bundled pack read back equal to the loaded one.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadfit import objcache
from leadfit.errors import PackError
from leadfit.yamlsafe import LocatedData, load_text, read_text_file

if TYPE_CHECKING:
    from leadfit.rules.model.pack import Pack

FORMAT = "leadfit-compiled-pack-1"
PACK_FILES = ("pack.yaml", "rules.yaml", "scenarios.yaml")  # as rules/model/pack.py names them


def pack_texts(folder: Path) -> dict[str, str] | None:
    """Each pack file's text, read under the loader's guards; None if any guard or read
    fails (the full loader then names the problem)."""
    from leadfit.rules.model.library import check_folder
    try:
        check_folder(folder)
        return {name: read_text_file(folder / name, inside=folder) for name in PACK_FILES
                if (folder / name).exists()}
    except (PackError, OSError, UnicodeDecodeError):
        return None


@dataclasses.dataclass(frozen=True)
class Keyed:
    """Where a pack's entry is kept: its key, and the folder of the base it extends (None:
    it extends nothing)."""

    key: str | None
    base: Path | None = None


def keyed(folder: Path, texts: dict[str, str]) -> Keyed:
    """The entry's key for a pack with these texts, its base looked for as the loader does;
    no key where the base cannot be told without loading (the loader then names why)."""
    extends = _extends(folder, texts)
    if extends is None:
        return Keyed(_key(folder, texts))
    from leadfit.rules.model.library import _base_folder
    if not isinstance(extends, str) or "@" not in extends:
        return Keyed(None)
    base = _base_folder(extends, folder, [])
    base_texts = pack_texts(base) if base is not None else None
    if base is None or base_texts is None or _extends(base, base_texts) is not None:
        return Keyed(None)  # kept one layer deep: a base that extends another is loaded
    return Keyed(_key(folder, texts, _parts(base, base_texts)), base)


def lookup(folder: Path, texts: dict[str, str], where: Keyed | None = None) -> Pack | None:
    """The pack compiled earlier from exactly these texts (and its base's) by this code, or None."""
    where = where or keyed(folder, texts)
    fields = objcache.lookup(where.key, FORMAT, _classes)
    try:
        return _pack(fields, folder, texts, where.base) if fields is not None else None
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, PackError):
        return None


def store(folder: Path, texts: dict[str, str], pack: Pack, where: Keyed | None = None) -> None:
    """Keep ``pack`` (loaded from ``texts``), under the key looked up before it was loaded:
    a client pack only where its base is the one that key names, a base pack itself."""
    where = where or keyed(folder, texts)
    base = pack.base
    if (base is None) != (where.base is None) or base is not None and (
            base.base is not None or base.folder != where.base):
        return
    fields = {f.name: getattr(pack, f.name) for f in dataclasses.fields(pack)
              if f.name not in ("base", "sources")}
    objcache.store(where.key, FORMAT, fields, _classes)


def _extends(folder: Path, texts: dict[str, str]):
    """What pack.yaml says under ``extends`` (None: nothing), from its parsed text."""
    text = texts.get("pack.yaml")
    if text is None:
        return None
    try:
        data = load_text(text, str(folder / "pack.yaml"), cached=True).data
    except PackError:
        return None
    return data.get("extends") if isinstance(data, dict) else None


def _parts(folder: Path, texts: dict[str, str]) -> list[str | None]:
    parts: list[str | None] = [str(folder)]
    for name in PACK_FILES:
        parts += [name, texts.get(name)]
    return parts


def _key(folder: Path, texts: dict[str, str], base: list[str | None] | None = None) -> str | None:
    return objcache.key_of(FORMAT, _parts(folder, texts) + (["extends", *base] if base else []))


def _classes() -> dict[str, type]:
    """What a compiled pack holds (and nothing else is read back)."""
    from leadfit.forms.questionnaire import CLASSES
    from leadfit.rules.model import schema
    from leadfit.rules.model.catalogue import Catalogue, Entry
    from leadfit.rules.model.pack import Action, Rule, Scenario
    return {**CLASSES, **{c.__name__: c for c in (
        Catalogue, Entry, Action, Rule, Scenario, schema.PackSpec, schema.WordingSpec,
        schema.OverrideSpec, schema.QuestionWordsSpec, schema.ActionSpec, schema.FindingSpec,
        schema.ExpectSpec)}}


def _pack(fields: Any, folder: Path, texts: dict[str, str], base_folder: Path | None) -> Pack:
    from leadfit.rules.model.library import load_pack
    from leadfit.rules.model.pack import Pack
    if not isinstance(fields, dict) or fields.get("folder") != folder:
        raise ValueError("not this folder's pack")
    base = load_pack(base_folder) if base_folder is not None else None
    return Pack(**fields, base=base, sources=SourcesAsRead(folder, texts))


class SourcesAsRead(dict):
    """A compiled pack's ``sources``: its files as read (LocatedData, with lines), parsed
    from the texts it was keyed by only when something asks (pack lint does; evaluate
    never)."""

    def __init__(self, folder: Path, texts: dict[str, str]) -> None:
        super().__init__()
        self._pending: dict[str, str] | None = dict(texts)
        self._folder = folder

    def _fill(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            for name, text in pending.items():
                dict.__setitem__(self, name, load_text(text, str(self._folder / name), cached=True))

    def __getitem__(self, key: str) -> LocatedData:
        self._fill()
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        self._fill()
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        self._fill()
        return dict.__contains__(self, key)

    def __iter__(self):
        self._fill()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._fill()
        return dict.__len__(self)

    def keys(self):
        self._fill()
        return dict.keys(self)

    def values(self):
        self._fill()
        return dict.values(self)

    def items(self):
        self._fill()
        return dict.items(self)

    def copy(self) -> dict:
        self._fill()
        return dict(dict.items(self))
