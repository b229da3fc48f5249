"""Writing a file a person asked for: atomically, never over the register, never by surprise.

One seam for every output (PDF reports, pack docs, CSV, exported case files):
- the data goes to a ``mkstemp`` file in the target's own folder (never a
  predictable name a planted symlink could redirect), then is renamed over
  the target, so a crash or a full disk leaves the old file and no temp file;
- the open register (or its -wal/-shm files) is never a target, nor what the registers
  keep outside it (the audit key file, the witness folder: leadfit/paths.py kept_files);
- an existing file is replaced only when the caller says so (``--force``, or
  the person confirmed it in a dialog).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from leadfit.errors import InputError, LeadFitError, Problem


SHARED_MODE = 0o640  # owner reads and writes, the owner's group reads, others nothing


def save_mode() -> int:
    """A saved file (PDF, CSV, case file) is readable by the owner's group, so a colleague
    can file it, unless the umask says otherwise; never by everyone: records name people."""
    mask = os.umask(0o077)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return SHARED_MODE & ~mask


class FileWriteError(LeadFitError):
    """The output could not be written (full disk, no permission); nothing was left behind."""


def check_target(path: Path, *, protected: tuple[Path, ...] = (), overwrite: bool = False,
                 suffix: str = "") -> Path:
    """Refuse a target that is a protected file (the open register), unless ``overwrite``
    any existing file, and one not named with ``suffix`` ('r1.txt' holding a PDF no program
    opens as text: fresh-eyes check). Returns the path."""
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError([Problem(f"folder {path.parent} does not exist", str(path))])
    if path.is_dir():
        raise InputError([Problem("is a folder; name a file to write", str(path))])
    target = path.resolve()
    _refuse_kept(target, path)
    for guarded in protected:
        guarded = Path(guarded).resolve()
        if target in (guarded, guarded.with_name(guarded.name + "-wal"),
                      guarded.with_name(guarded.name + "-shm")):
            raise InputError([Problem("is the open register; writing there would destroy it."
                                      " Name another file", str(path))])
    if path.exists() and not overwrite:
        raise InputError([Problem("already exists; choose another name, or pass --force to"
                                  " replace it", str(path))])
    if suffix and path.suffix.lower() != suffix:
        raise InputError([Problem(f"the output file must end in {suffix}", str(path))])
    return path


def _refuse_kept(target: Path, path: Path) -> None:
    """Never a file the registers need to be checked (their audit key, their witnesses),
    --force or not: replacing one locks a register or makes it unreadable for good."""
    from leadfit.paths import kept_files
    for kept, what in kept_files():
        kept = kept.resolve()
        if target == kept or kept in target.parents:
            raise InputError([Problem(f"{what}; LeadFit needs it to check the register, so"
                                      " nothing is written there, even with --force. Name"
                                      " another file", str(path))])


def named_as(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` added when it has none: a name typed in a save dialog
    ('board') gets the kind the dialog saves, as desktop programs do."""
    return path if path.suffix else path.with_name(path.name + suffix)


@contextlib.contextmanager
def atomic_write(path: Path, mode: str = "wb", **open_args) -> Iterator:
    """Yield a file handle on a private temp file beside ``path``; rename it over ``path``
    when the block ends without error. Any OSError is a named FileWriteError."""
    path = Path(path)
    try:
        import tempfile  # only to write (a fresh read-only command never needs it)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise FileWriteError([Problem(f"cannot write here: {why_not_written(exc)}", str(path))]) from None
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, save_mode())  # mkstemp makes it 0600; a saved file is the group's too
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FileWriteError([Problem(f"could not be written ({why_not_written(exc)}); nothing was"
                                      " left behind", str(path))]) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> Path:
    with atomic_write(path, "wb") as fh:
        fh.write(data)
    return Path(path)


def why_not_written(exc: OSError) -> str:
    """An OSError in words: "the disk is full", else its own message."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "the disk is full"
    return exc.strerror or str(exc)
