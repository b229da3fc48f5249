"""Where the register and its audit key are: the URL a --db names, the default file,
the checks a path gets before anything opens it. Standard library only, so a reading
command finds its register before deciding how to read it (issue 15)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from leadfit.decisions.errors import RegisterError
from leadfit.paths import audit_key_file, data_dir


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'register.sqlite3'}"


def resolve_url(url: str | os.PathLike | None) -> str:
    """A URL as given, a plain path as SQLite, None as $LEADFIT_DB or the default."""
    url = url or os.environ.get("LEADFIT_DB") or default_url()
    url = str(url)
    return url if "://" in url else f"sqlite:///{Path(url).expanduser().resolve()}"


def refuse_undecodable(url: str) -> None:
    if any("\ud800" <= c <= "\udfff" for c in url):   # bytes of another encoding (surrogates)
        raise RegisterError(f"the register's name {url.encode('utf-8', 'replace').decode()!r} is"
                            " not UTF-8 text; SQLite and PostgreSQL take UTF-8 names only:"
                            " rename the file or folder, or give it with --db in UTF-8")


def absent(path: Path, given) -> str:
    if given:
        return f"no register at {path}"
    return (f"there is no register yet (it would be {path}); record a decision first"
            " (leadfit decide), or name one with --db")


def warn_if_loose(path: Path, what: str) -> None:
    """Say so when others may read or change the register or the key (not refused:
    the owner may have meant it, e.g. a shared read-only copy)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & 0o077:
        print(f"warning: the {what} {path} can be read or changed by other users"
              f" (permissions {stat.filemode(mode)}); run: chmod 600 {path}", file=sys.stderr)


def audit_key() -> bytes | None:
    """The HMAC key, if one is configured outside the database."""
    path = audit_key_file()
    if path:
        warn_if_loose(path, "audit key file")
        try:
            key = path.read_bytes().strip()
        except OSError as exc:
            raise RegisterError(f"cannot read the audit key file {path}: {exc.strerror}") from None
        if not key:
            raise RegisterError(f"the audit key file {path} is empty")
        return key
    value = os.environ.get("LEADFIT_AUDIT_KEY")
    return value.encode("utf-8") if value else None
