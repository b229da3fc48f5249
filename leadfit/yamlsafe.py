"""Strict, safe YAML loading for data files a person edits.

Guards (see the pitfalls note): SafeLoader only, duplicate keys refused,
aliases refused (alias bombs), size capped, deep nesting caught, and every
value's line kept so schema errors can name file:line. The parser itself is
leadfit/yamlparse.py, imported only when a text is not in the parse cache.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leadfit import yamlcache
from leadfit.errors import PackError, Problem

MAX_FILE_BYTES = 512 * 1024
Path_ = tuple[Any, ...]


@dataclass
class LocatedData:
    """Parsed YAML plus the line of every mapping key and list item."""

    data: Any
    file: str
    lines: dict[Path_, int] = field(default_factory=dict)
    # places dropped after their problem was named (rules/model/salvage.py): not what was written
    pruned: frozenset = frozenset()

    def dropped_under(self, prefix: Path_) -> bool:
        """Whether anything at or below ``prefix`` was dropped for a problem named already."""
        n = len(prefix)
        return any(tuple(p[:n]) == tuple(prefix) for p in self.pruned)

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest known prefix of ``path`` (1-based)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def load_text(text: str, file: str, *, cached: bool = False) -> LocatedData:
    """Parse ``text`` safely; raise PackError naming ``file`` and the line. ``cached``:
    a text parsed before comes from the per-user cache (see yamlcache.py); only a clean
    parse is kept."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise PackError([Problem(f"file is larger than {MAX_FILE_BYTES // 1024} KiB;"
                                 " split it or remove unused content", file)])
    if cached:
        hit = yamlcache.lookup(text)
        if hit is not None:
            return LocatedData(hit[0], file, hit[1])
    data, lines = _parse(text, file)
    if cached:
        yamlcache.store(text, data, lines)
    return LocatedData(data, file, lines)


def _parse(text: str, file: str) -> tuple[Any, dict[Path_, int]]:
    from leadfit.yamlflat import flat_mapping  # a flat file (a case file) without PyYAML
    flat = flat_mapping(text)
    if flat is not None:
        return flat
    from leadfit import yamlparse  # PyYAML only for the rest, on a cache miss
    try:
        return yamlparse.parse(text, file)
    except PackError as exc:  # read past refused nodes: the rest of the file goes with it
        if exc.partial is not None:
            read: tuple[Any, dict[Path_, int], frozenset] = exc.partial  # type: ignore[assignment]
            exc.partial = LocatedData(read[0], file, read[1], read[2])
        raise


def load_file(path: Path, display: str | None = None, inside: Path | None = None, *,
              cached: bool = False) -> LocatedData:
    """Read and parse one YAML file, naming it as ``display`` in errors. ``inside``: the
    file must resolve inside that folder and have no other hard link (a pack reads only
    its own files: a link cannot make it read another folder's)."""
    return load_text(read_text_file(path, display, inside), display or str(path), cached=cached)


def read_text_file(path: Path, display: str | None = None, inside: Path | None = None) -> str:
    """The text of one file, read as load_file reads it (the same guards, the same errors)."""
    name = display or str(path)
    try:
        if inside is not None:
            _check_inside(path, inside, name)
        return read_regular_text(path, name)
    except FileNotFoundError:
        raise PackError([Problem("file not found", name)]) from None
    except UnicodeDecodeError:
        raise PackError([Problem("file is not UTF-8 text", name)]) from None
    except IsADirectoryError:
        raise PackError([Problem("expected a file, found a folder", name)]) from None
    except OSError as exc:
        raise PackError([Problem(f"cannot read the file: {exc.strerror or exc}", name)]) from None


def _check_inside(path: Path, folder: Path, name: str) -> None:
    real, home = Path(path).resolve(), Path(folder).resolve()
    if home not in real.parents:
        raise PackError([Problem(f"is a link to {real}, outside the pack folder {home};"
                                 " a pack reads only its own files (copy the file in)", name)])
    info = real.stat()
    if stat.S_ISREG(info.st_mode) and info.st_nlink > 1:
        raise PackError([Problem("has another hard link, so it may be another folder's file;"
                                 " a pack reads only its own files (copy the file in)", name)])


def read_regular_text(path: Path, name: str) -> str:
    """A regular file's text, capped: a FIFO, a device (/dev/zero) or a socket is refused
    before it is read, so nothing can hang or fill memory."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise PackError([Problem("is not a regular file (a pipe, device or socket);"
                                     " name a YAML file", name)])
        if info.st_size > MAX_FILE_BYTES:
            raise PackError([Problem(f"file is larger than {MAX_FILE_BYTES // 1024} KiB;"
                                     " split it or remove unused content", name)])
        # as much as it holds (a 512 KiB buffer per read costs more than a case file's parse),
        # and the rest of one that grew since
        data = fh.read(info.st_size + 1)
        if len(data) > info.st_size:
            data += fh.read(MAX_FILE_BYTES + 1 - len(data))
    if len(data) > MAX_FILE_BYTES:
        raise PackError([Problem(f"file is larger than {MAX_FILE_BYTES // 1024} KiB;"
                                 " split it or remove unused content", name)])
    return data.decode("utf-8")
