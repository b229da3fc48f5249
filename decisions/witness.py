"""The witness: the audit chain's length and head, kept outside the database.

A hash chain cannot show that its newest entries were cut off, that the
register was emptied, or that the whole file was swapped for another valid
one. After every write LeadFit records (seq, head) in a small owner-only file
in the user's data folder ($LEADFIT_WITNESS_DIR overrides it), authenticated
with the audit key when one is configured. Every read and ``verify`` then
require the register to still hold that entry with that hash.

The witness is written right after the commit, under a file lock, and only
ever moves forward: a writer killed between its commit and the witness leaves
the witness one step behind, which is still consistent (the chain extends it).
What it does not stop is said in README.md (Integrity).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
from pathlib import Path

from typing import Any

from leadfit.decisions import reading
from leadfit.decisions.errors import RegisterError
from leadfit.decisions.texts import canonical_json, utc_now
from leadfit.paths import witness_dir

try:  # POSIX; elsewhere two writers on one machine may race the witness (never the chain)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]  # no file locks on this platform


def folder() -> Path:
    return witness_dir()


def path_for(url: str) -> Path:
    return folder() / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:24]}.json"


def _mac(key: bytes, facts: dict) -> str:
    return hmac.new(key, canonical_json(facts).encode("utf-8"), hashlib.sha256).hexdigest()


def read(url: str) -> dict | None:
    """The witnessed facts for this register, None when this machine never wrote to it."""
    path = path_for(url)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"broken": True}
    return data if isinstance(data, dict) else {"broken": True}


def signed_with(url: str, key: bytes) -> bool:
    """Whether this machine's witness of the register is authenticated by ``key``: then
    ``key`` is the register's own, whatever its entries say (decisions/verify.py, F26)."""
    seen = read(url)
    if not seen or seen.get("broken") or not seen.get("keyed"):
        return False
    facts = {k: seen.get(k) for k in ("register", "seq", "head", "keyed", "at")}
    return hmac.compare_digest(str(seen.get("mac") or ""), _mac(key, facts))


def check(conn: Any, url: str, key: bytes | None) -> str:
    """'' when the register still holds the witnessed head, else what happened."""
    seen = read(url)
    if seen is None:
        return ""
    where = path_for(url)
    facts = {k: seen.get(k) for k in ("register", "seq", "head", "keyed", "at")}
    if seen.get("broken") or not isinstance(facts["seq"], int):
        return f"the witness file {where} is unreadable (edited or damaged)"
    if key is not None and facts["keyed"] and not hmac.compare_digest(
            str(seen.get("mac") or ""), _mac(key, facts)):
        return f"the witness file {where} fails its HMAC check: it was edited"
    if facts["seq"] == 0:
        return ""
    found = reading.scalar(conn, reading.ENTRY_HASH, {"seq": facts["seq"]})
    if found is None:
        have = reading.scalar(conn, reading.ENTRY_COUNT)
        return (f"the register holds {have} audit entries but held {facts['seq']} on"
                f" {facts['at']}: entries were removed, or the register was emptied or replaced"
                f" (witness {where}){_RESTORED}")
    if found != facts["head"]:
        return (f"audit entry {facts['seq']} is not the one witnessed on {facts['at']}: the"
                f" chain was rewritten or the register replaced (witness {where}){_RESTORED}")
    return ""


# A register put back from a backup on purpose looks like one cut short: the words say how
# to accept it (docs/integrity.md, "The witness"), so HR can go on after a restore.
_RESTORED = (". If you restored this register from a backup on purpose, accept it on this"
             " computer by moving that witness file aside (what was recorded after the backup"
             " is not in the restored register)")


def advance(url: str, seq: int, head: str, key: bytes | None) -> None:
    """Record (seq, head) after a commit, unless another writer already went further."""
    where = path_for(url)
    try:
        where.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with _locked(where.with_suffix(".lock")):
            seen = read(url)
            if seen and not seen.get("broken") and isinstance(seen.get("seq"), int) \
                    and seen["seq"] > seq:
                return
            facts = {"register": url, "seq": seq, "head": head, "keyed": key is not None,
                     "at": utc_now()}
            _write_private(where, {**facts, "mac": _mac(key, facts) if key else None})
    except OSError as exc:
        raise RegisterError(f"the decision was saved, but its witness {where} could not be"
                            f" updated: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _locked(path: Path):
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _write_private(path: Path, data: dict) -> None:
    import tempfile  # only writers get here: every read checks the witness, few write it
    fd, tmp = tempfile.mkstemp(prefix=".witness-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, sort_keys=True))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
