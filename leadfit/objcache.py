"""What LeadFit derives from its checked files (a compiled pack, a questionnaire), kept so a
fresh command does not parse, validate and check them again (issue 15).

An entry is JSON in the parse cache's folder, under its guards (leadfit/yamlcache.py: only
this user's, writable by nobody else, read through no link). Reading one builds only the
classes its caller names (a table of dataclasses and pydantic models), never runs code.
Its key is the SHA-256 of what it was derived from (the caller's parts: file texts, names)
and the code version: the text of every module and shipped data file that derives it, so
an edited file or a changed LeadFit is a new key and a stale entry is never found. Where
the code is not source files (a frozen bundle) it cannot be named, and nothing is kept.
Anything missing, damaged or foreign is ignored without a word: the caller derives anew.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from leadfit import yamlcache
from leadfit.paths import package_folder

TAG = yamlcache.TAG
Classes = Callable[[], dict[str, type]]  # name -> class, asked for on first use

# The code and data a derived entry depends on: the loaders, the checks, the questionnaire,
# the catalogue and what they import (the words package too: cached assessments are said in it).
_CODE = (("leadfit", "*.py"), ("leadfit.words", "*.py"), ("leadfit.forms", "*.py"), ("leadfit.forms", "*.yaml"),
         ("leadfit.forms", "archive/*.yaml"), ("leadfit.rules", "catalogue.yaml"),
         ("leadfit.rules", "model/*.py"), ("leadfit.rules", "runtime/*.py"))


def code_sources() -> list[tuple[str, Path]]:
    """Each file whose bytes make the code version: (package, path), in a stable order."""
    return [(package, path) for package, pattern in _CODE
            for path in sorted(package_folder(package).glob(pattern))]


@lru_cache(maxsize=1)
def code_version() -> str | None:
    digest = yamlcache.sha256()
    sources = 0
    try:
        for package, path in code_sources():
            digest.update(f"{package}/{path.name}\n".encode("utf-8") + path.read_bytes())
            sources += path.suffix == ".py"
    except (OSError, ModuleNotFoundError, TypeError):
        return None
    return digest.hexdigest() if sources else None


def key_of(format_: str, parts: list[str | None]) -> str | None:
    """The entry's key: the format, the code, then each part (None: absent)."""
    code = code_version()
    if code is None:
        return None
    digest = yamlcache.sha256(f"{format_}\n{code}\n".encode("utf-8"))
    for part in parts:
        digest.update(f"{-1 if part is None else len(part)}\n{part or ''}".encode("utf-8"))
    return digest.hexdigest()


def lookup(key: str | None, format_: str, classes: Classes) -> Any:
    """The value kept under ``key``, or None."""
    if key is None:
        return None
    table: dict[str, type] = {}
    entry = yamlcache.read_entry(key, format_, hook=lambda obj: _decoded(obj, table, classes))
    return entry.get("value") if entry is not None else None


def store(key: str | None, format_: str, value: Any, classes: Classes) -> None:
    """Keep ``value``; skipped (silently) where it or the cache cannot be kept."""
    if key is None:
        return
    try:
        payload = {"value": encode(value, classes())}
    except (TypeError, ValueError, RecursionError):
        return
    yamlcache.write_entry(key, format_, payload)


def encode(value: Any, classes: dict[str, type]) -> Any:
    """JSON-ready, tagged where plain JSON would not read back the same (see yamlcache)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [encode(v, classes) for v in value]
    if isinstance(value, tuple):
        return {TAG + "u": [encode(v, classes) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith(TAG) for k in value):
            return {k: encode(v, classes) for k, v in value.items()}
        return {TAG + "m": [[encode(k, classes), encode(v, classes)] for k, v in value.items()]}
    if isinstance(value, (dt.date, dt.datetime)):
        return yamlcache._encode(value)
    if isinstance(value, Path):
        return {TAG + "p": str(value)}
    kept: Any = value  # one of the caller's classes, or refused
    cls = type(kept)
    if classes.get(cls.__name__) is not cls:
        raise TypeError(f"cannot keep a {cls.__name__}")
    if dataclasses.is_dataclass(kept):
        return {TAG + "c": [cls.__name__, {f.name: encode(getattr(kept, f.name), classes)
                                           for f in dataclasses.fields(kept)}]}
    # a pydantic model: the fields that were set, so the one read back is equal (pydantic
    # compares them too)
    return {TAG + "o": [cls.__name__, {k: encode(kept.__dict__[k], classes)
                                       for k in kept.model_fields_set}]}


def _decoded(obj: dict, table: dict[str, type], classes: Classes) -> Any:
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
    if tag in (TAG + "c", TAG + "o"):
        name, fields = inner
        if not table:
            table.update(classes())
        cls: Any = table.get(name)
        if cls is None or dataclasses.is_dataclass(cls) != (tag == TAG + "c"):
            raise ValueError(f"not a class this entry may hold: {name}")
        if tag == TAG + "c":
            return cls(**fields)
        return cls.model_construct(_fields_set=set(fields), **fields)
    return yamlcache._untagged(obj)
