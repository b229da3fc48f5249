"""Compiled packs, cached: a checked pack read back without parsing, validating or checking
its files again (issue 15: `leadfit evaluate` spent a third of its start building the pack).

An entry holds everything the loader derived from a pack's files (rules, conditions,
questionnaire, catalogue, settings, scenarios, fingerprint), as JSON: reading it builds only
the classes named in ``_CLASSES`` and ``_MODELS``, never runs code. It is keyed by the
SHA-256 of the folder as named, the text of each pack file, and the code version: the text
of every module and shipped data file the loader reads (``code_version``), so an edited
file or a changed LeadFit is simply a new key and a stale entry is never found. Entries
live in the parse cache's folder under its guards (leadfit/yamlcache.py: only this
user's, writable by nobody else, read through no link); anything missing, damaged or
foreign is ignored without a word and the pack is loaded as usual.

Only packs that extend nothing are kept: which base a client pack gets depends on other
folders (bundled, sibling, archived), not only its own files. A folder's guards (links
outside it, hard links) are checked on every read, as the full loader checks them.
tests/test_compiled_pack.py holds every bundled pack read back equal to the loaded one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadfit import yamlcache
from leadfit.errors import PackError
from leadfit.yamlsafe import LocatedData, load_text, read_text_file

if TYPE_CHECKING:
    from leadfit.rules.model.pack import Pack

FORMAT = "leadfit-compiled-pack-1"
PACK_FILES = ("pack.yaml", "rules.yaml", "scenarios.yaml")  # as rules/model/pack.py names them
TAG = yamlcache.TAG


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


def lookup(folder: Path, texts: dict[str, str]) -> Pack | None:
    """The pack compiled earlier from exactly these texts by this code, or None."""
    key = _key(folder, texts)
    if key is None:
        return None
    entry = yamlcache.read_entry(key, FORMAT, hook=_decoded)
    if entry is None:
        return None
    try:
        return _pack(entry["pack"], folder, texts)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return None


def store(folder: Path, texts: dict[str, str], pack: Pack) -> None:
    """Keep ``pack`` (loaded from ``texts``); skipped for a pack that extends another."""
    key = _key(folder, texts)
    if key is None or pack.base is not None:
        return
    try:
        fields = {f.name: _encode(getattr(pack, f.name)) for f in dataclasses.fields(pack)
                  if f.name not in ("base", "sources")}
    except (TypeError, ValueError, RecursionError):
        return
    yamlcache.write_entry(key, FORMAT, {"pack": fields})


def _key(folder: Path, texts: dict[str, str]) -> str | None:
    code = code_version()
    if code is None:
        return None
    digest = hashlib.sha256(f"{FORMAT}\n{code}\n{folder}\n".encode("utf-8"))
    for name in PACK_FILES:
        text = texts.get(name)
        digest.update(f"{name}\n{-1 if text is None else len(text)}\n{text or ''}".encode("utf-8"))
    return digest.hexdigest()


# The code and data a compiled pack depends on: the loader, the checks, the questionnaire,
# the catalogue and what they import. Where they are not source files (a frozen bundle),
# the code cannot be named, so nothing is cached.
_CODE = (("leadfit", "*.py"), ("leadfit.forms", "*.py"), ("leadfit.forms", "*.yaml"),
         ("leadfit.forms", "archive/*.yaml"), ("leadfit.rules", "catalogue.yaml"),
         ("leadfit.rules", "model/*.py"), ("leadfit.rules", "runtime/*.py"))


@lru_cache(maxsize=1)
def code_version() -> str | None:
    digest = hashlib.sha256()
    sources = 0
    try:
        for package, pattern in _CODE:
            for path in sorted(Path(str(resources.files(package))).glob(pattern)):
                digest.update(f"{package}/{path.name}\n".encode("utf-8") + path.read_bytes())
                sources += path.suffix == ".py"
    except (OSError, ModuleNotFoundError, TypeError):
        return None
    return digest.hexdigest() if sources else None


def _classes() -> dict[str, type]:
    from leadfit.forms.conditions import Answered, Compare, Group, Member, Never
    from leadfit.forms.questionnaire import Question, Questionnaire, Section
    from leadfit.rules.model.catalogue import Catalogue, Entry
    from leadfit.rules.model.pack import Action, Rule, Scenario
    return {c.__name__: c for c in (Answered, Compare, Group, Member, Never, Question,
                                    Questionnaire, Section, Catalogue, Entry, Action, Rule, Scenario)}


def _models() -> dict[str, type]:
    from leadfit.rules.model import schema
    return {c.__name__: c for c in (schema.PackSpec, schema.WordingSpec, schema.OverrideSpec,
                                    schema.QuestionWordsSpec, schema.ActionSpec, schema.FindingSpec,
                                    schema.ExpectSpec)}


_CLASSES: dict[str, type] = {}
_MODELS: dict[str, type] = {}


def _encode(value: Any) -> Any:
    """JSON-ready, tagged where plain JSON would not read back the same (see yamlcache)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {TAG + "u": [_encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith(TAG) for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {TAG + "m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, (dt.date, dt.datetime)):
        return yamlcache._encode(value)
    if isinstance(value, Path):
        return {TAG + "p": str(value)}
    kept: Any = value  # one of the classes below, or refused
    cls = type(kept)
    name = cls.__name__
    if _holds(name, _CLASSES, _classes) is cls:
        return {TAG + "c": [name, {f.name: _encode(getattr(kept, f.name))
                                   for f in dataclasses.fields(kept)}]}
    if _holds(name, _MODELS, _models) is cls:
        # the fields that were set, so the model read back is equal (pydantic compares them)
        return {TAG + "o": [name, {k: _encode(kept.__dict__[k]) for k in kept.model_fields_set}]}
    raise TypeError(f"cannot keep a {name} in a compiled pack")


def _decoded(obj: dict) -> Any:
    """json's object_hook: each tagged object back to what was kept."""
    if len(obj) != 1:
        return obj
    (tag, inner), = obj.items()
    if not tag.startswith(TAG):
        return obj
    if tag == TAG + "u":
        return tuple(inner)
    if tag == TAG + "p":
        return Path(inner)
    if tag == TAG + "c":
        name, fields = inner
        return _known(name, _CLASSES, _classes)(**fields)
    if tag == TAG + "o":
        name, fields = inner
        return _known(name, _MODELS, _models).model_construct(_fields_set=set(fields), **fields)
    return yamlcache._untagged(obj)


def _holds(name: str, table: dict[str, type], load) -> type | None:
    """The class of that name a compiled pack may hold (the table filled on first use)."""
    if not table:
        table.update(load())
    return table.get(name)


def _known(name: str, table: dict[str, type], load) -> Any:
    found = _holds(name, table, load)
    if found is None:
        raise ValueError(f"not a class a compiled pack holds: {name}")
    return found


def _pack(fields: dict, folder: Path, texts: dict[str, str]) -> Pack:
    from leadfit.rules.model.pack import Pack
    if not isinstance(fields, dict) or fields.get("folder") != folder:
        raise ValueError("not this folder's pack")
    return Pack(**fields, base=None, sources=SourcesAsRead(folder, texts))


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
