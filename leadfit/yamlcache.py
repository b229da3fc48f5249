"""Parsed pack files, cached so a pack is parsed once, not at every start.

Keyed by the SHA-256 of the file's text (and this format), so an edited file is
simply a new key: a stale entry is never found. Entries are plain tagged JSON
(never pickle: reading one cannot run code). An entry is used only from a folder
that this user owns and nobody else can write, read through no link; anything
missing, damaged, foreign or planted is ignored without a word and the file is
parsed as usual. Writing is best effort and atomic.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

FORMAT = "leadfit-yaml-cache-1"
MAX_ENTRY_BYTES = 8 * 1024 * 1024


def cache_dir() -> Path:
    """$LEADFIT_CACHE_DIR, else the platform's per-user cache folder."""
    from platformdirs import user_cache_dir
    return Path(os.environ.get("LEADFIT_CACHE_DIR") or user_cache_dir("leadfit", appauthor=False))


def key_of(text: str) -> str:
    return hashlib.sha256(f"{FORMAT}\n{text}".encode("utf-8")).hexdigest()


def lookup(text: str) -> tuple[Any, dict] | None:
    """(data, lines) parsed earlier from exactly ``text``, or None."""
    folder, key = cache_dir(), key_of(text)
    try:
        if not _trusted(folder):
            return None
        raw = _read_private(folder / f"{key}.json")
        entry = json.loads(raw)
        if entry.get("format") != FORMAT or entry.get("key") != key:
            return None
        lines = {tuple(_decode(p) for p in path): int(line) for path, line in entry["lines"]}
        return _decode(entry["data"]), lines
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # missing, damaged or foreign: parse the file instead


def store(text: str, data: Any, lines: dict) -> None:
    """Keep what ``text`` parsed to; silently skipped where the cache cannot be kept."""
    folder, key = cache_dir(), key_of(text)
    try:
        entry = json.dumps({"format": FORMAT, "key": key, "data": _encode(data),
                            "lines": [[[_encode(p) for p in path], line]
                                      for path, line in lines.items()]})
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):
            return
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


# Tagged JSON: a plain JSON object never stands for itself, so nothing is ambiguous.
def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return {"f": repr(value)}
    if isinstance(value, dict):
        return {"m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return {"l": [_encode(v) for v in value]}
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if not isinstance(value, dict):
        if isinstance(value, list):
            raise ValueError("a bare list is not an entry")
        return value
    (tag, inner), = value.items()
    if tag == "m":
        return {_decode(k): _decode(v) for k, v in inner}
    if tag == "l":
        return [_decode(v) for v in inner]
    if tag == "f":
        return float(inner)
    if tag == "t":
        return dt.datetime.fromisoformat(inner)
    if tag == "d":
        return dt.date.fromisoformat(inner)
    raise ValueError(f"unknown tag {tag!r}")
