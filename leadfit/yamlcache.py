"""Parsed pack files, cached so a pack is parsed once, not at every start.

Keyed by the SHA-256 of the file's text (and this format), so an edited file is
simply a new key: a stale entry is never found. Entries are JSON (never pickle:
reading one cannot run code): plain JSON where JSON says it exactly, a one-key tagged
object for what it cannot (dates, keys that are not text), so the C decoder does
nearly all the reading (issue 15: every command starts by reading its pack). An entry is used only from a folder
that this user owns and nobody else can write, read through no link; anything
missing, damaged, foreign or planted is ignored without a word and the file is
parsed as usual. Writing is best effort and atomic.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

from leadfit.paths import cache_dir  # noqa: F401  (its folder; tests read it here)

try:  # the built-in SHA-256, the same digest: hashlib loads OpenSSL first (3 ms of every
    from _sha256 import sha256  # fresh command, issue 15); 3.11 names it _sha256,
except ImportError:  # pragma: no cover - 3.12 on _sha2, a build without either hashlib
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256

FORMAT = "leadfit-yaml-cache-2"
MAX_ENTRY_BYTES = 8 * 1024 * 1024


def key_of(text: str) -> str:
    return sha256(f"{FORMAT}\n{text}".encode("utf-8")).hexdigest()


def lookup(text: str) -> tuple[Any, dict] | None:
    """(data, lines) parsed earlier from exactly ``text``, or None."""
    key = key_of(text)
    entry = read_entry(key, FORMAT)
    try:
        if entry is None:
            return None
        lines = {tuple(place[1:]): _line(place[0]) for place in entry["lines"]}
        return entry["data"], lines
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None  # damaged or foreign: parse the file instead


def store(text: str, data: Any, lines: dict) -> None:
    """Keep what ``text`` parsed to; silently skipped where the cache cannot be kept."""
    try:
        payload = {"data": _encode(data),
                   "lines": [[line, *(_encode(p) for p in path)] for path, line in lines.items()]}
    except (TypeError, ValueError, RecursionError):
        return
    write_entry(key_of(text), FORMAT, payload)


def read_entry(key: str, format_: str, hook: Any = None) -> dict | None:
    """The entry ``key`` of that format (its tagged values read back, by ``hook`` if given:
    json's object_hook), or None when it is missing, damaged, foreign or not private."""
    folder = cache_dir()
    try:
        if not _trusted(folder):
            return None
        entry = json.loads(_read_private(folder / f"{key}.json"), object_hook=hook or _untagged)
        if not isinstance(entry, dict) or entry.get("format") != format_ or entry.get("key") != key:
            return None
        return entry
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None


def write_entry(key: str, format_: str, payload: dict) -> None:
    """Keep ``payload`` (already JSON-ready) as entry ``key``; atomic, best effort."""
    folder = cache_dir()
    try:
        entry = json.dumps({"format": format_, "key": key, **payload})
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):
            return
        import tempfile  # only to write: a fresh command that reads its cache never needs it
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".entry-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(entry)
        os.replace(temp, folder / f"{key}.json")
    except (OSError, TypeError, ValueError, RecursionError):
        return


def _trusted(folder: Path) -> bool:
    """Ours, a real folder (no link), and writable by nobody else."""
    info = os.lstat(folder)
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _read_private(path: Path) -> str:
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(handle, "rb") as entry:
        info = os.fstat(entry.fileno())
        if (not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid()
                or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or info.st_size > MAX_ENTRY_BYTES):
            raise ValueError("not a private cache entry")
        return entry.read().decode("utf-8")


# JSON, tagged only where plain JSON would not read back exactly: a mapping with a key
# that is not text (or starts with the tag mark) and a date or time become one-key objects
# whose key starts with TAG; a plain object never has such a key, so nothing is ambiguous.
TAG = "\x00"


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value                   # floats too: JSON writes repr, which reads back exactly
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith(TAG) for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {TAG + "m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dt.datetime):
        return {TAG + "t": value.isoformat()}
    if isinstance(value, dt.date):
        return {TAG + "d": value.isoformat()}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _untagged(obj: dict) -> Any:
    """json's object_hook: each object, its values already read, back to what was parsed."""
    if len(obj) != 1:
        return obj
    (tag, inner), = obj.items()
    if not tag.startswith(TAG):
        return obj
    if tag == TAG + "m":
        return {k: v for k, v in inner}
    if tag == TAG + "t":
        return dt.datetime.fromisoformat(inner)
    if tag == TAG + "d":
        return dt.date.fromisoformat(inner)
    raise ValueError(f"unknown tag {tag!r}")


def _line(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("a line is a whole number")
    return value
