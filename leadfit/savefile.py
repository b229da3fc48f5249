"""Write a file the user asked for (a PDF, a CSV, a case file): atomically, and
readable by the owner's group so a colleague can file it, unless the user's
umask says otherwise. Never readable by everyone: records name people."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

SHARED_MODE = 0o640  # owner reads and writes, the owner's group reads, others nothing


def _umask() -> int:
    mask = os.umask(0o077)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


def save_mode() -> int:
    return SHARED_MODE & ~_umask()


def write_atomic(path: str | os.PathLike, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename: a crash keeps the old file."""
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, save_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
