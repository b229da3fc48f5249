"""The register's search keys (schema 6): what lists and filters read, stored apart
from the 10 KB record text so a filter over 1,000,000 records never opens a body.

One ``record_keys`` row per record row, same id. Keys are derived from columns that
are themselves checked against the hashed text (see integrity.py), so every read
recomputes them from the row and names a key that disagrees: a forged key can hide a
row from a filter (``leadfit verify`` names that) but never shows a false value.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from sqlalchemy import Connection, and_, bindparam, case, func, insert, select, update

from leadfit.decisions.tables import record_keys, records, stream_names

SEPARATOR = "\x1f"  # between the find-box fields; taken out of what is looked for
KEY_COLUMNS = ("stream_key", "candidate_key", "outcome", "recommended", "shown", "search")


def fold(value) -> str:
    """Case-folded, spacing collapsed: 'Straße  Banking ' and 'STRASSE banking' are one
    stream to a person. The one stream key: filters, the portfolio and F10 all use it."""
    return " ".join(str(value or "").casefold().split())


def shown_date(created_at) -> str:
    """The date as the register lists it: '2026-01-01 09:30'."""
    return str(created_at or "")[:16].replace("T", " ")


def search_text(ref: str, stream, candidate, created_at, pack) -> str:
    """What the window's find box matches, folded; fields apart so no match spans two."""
    return SEPARATOR.join(fold(v) for v in (ref, stream, candidate, shown_date(created_at), pack))


def keys_for(row_id: int, *, record_id: str, version: int, shown: str, stream, candidate,
             outcome, recommended, created_at, pack) -> dict:
    return {"id": row_id, "stream_key": fold(stream), "candidate_key": fold(candidate),
            "outcome": outcome, "recommended": recommended, "shown": shown,
            "search": search_text(f"{record_id}@{version}", stream, candidate, created_at, pack)}


def expected(row, shown: str) -> dict:
    """The keys a record row should have (``row`` has the record columns)."""
    return keys_for(row.id, record_id=row.record_id, version=row.version, shown=shown,
                    stream=row.stream, candidate=row.candidate, outcome=row.outcome,
                    recommended=row.recommended, created_at=row.created_at, pack=row.pack)


def key_problem(row, shown: str) -> str:
    """The first stored key that disagrees with the row ('' when all agree). ``row``
    carries the record columns and the stored keys as ``k_<name>``."""
    if getattr(row, "k_shown", None) is None:
        return "it is missing from the register's search keys"
    want = expected(row, shown)
    if row.k_shown != shown:  # e.g. a version added by hand makes the genuine one superseded
        return (f"its search key says it is listed as '{row.k_shown}', the register's versions"
                f" make it '{shown}'")
    for name in KEY_COLUMNS:
        if getattr(row, f"k_{name}") != want[name]:
            return f"its search key '{name.replace('_', ' ')}' no longer matches its text"
    return ""


@cache   # an expression, built once: a list builds its query per page (issue 15)
def listed_status():
    """A row's status as the register lists it: superseded once a newer version exists."""
    newer = records.alias()
    latest = (select(func.max(newer.c.version)).where(newer.c.record_id == records.c.record_id)
              .scalar_subquery())
    return case((records.c.version < latest, "superseded"), else_=records.c.status)


@cache
def key_columns():
    return tuple(record_keys.c[name].label(f"k_{name}") for name in KEY_COLUMNS)


def write(conn: Connection, rows: Iterable[dict]) -> None:
    rows = list(rows)
    if rows:
        conn.execute(insert(record_keys), rows)


def refresh(conn: Connection, record_id: str, version: int, status: str) -> int:
    """A version was stored: it is listed as ``status``, every older one as superseded.
    Returns the version's row id."""
    row = conn.execute(select(records.c.id, records.c.record_id, records.c.version,
                              records.c.stream, records.c.candidate, records.c.outcome,
                              records.c.recommended, records.c.created_at, records.c.pack)
                       .where(records.c.record_id == record_id, records.c.version == version)
                       ).one()
    conn.execute(record_keys.delete().where(record_keys.c.id == row.id))
    keys = expected(row, status)
    write(conn, [keys])
    named = select(stream_names.c.stream_key).where(stream_names.c.stream_key == keys["stream_key"])
    if conn.execute(named).first() is None:   # writes are serialised: no other writer races
        conn.execute(insert(stream_names).values(stream_key=keys["stream_key"]))
    older = select(records.c.id).where(records.c.record_id == record_id,
                                       records.c.version < version)
    conn.execute(update(record_keys).where(record_keys.c.id.in_(older))
                 .values(shown=bindparam("s", "superseded")))
    return row.id


def _stream_key(conn: Connection | None):
    """The stream key compared by code point (PostgreSQL: its "C" index of schema 9), so
    a range of keys is exactly the keys that start with a text."""
    column = record_keys.c.stream_key
    return column.collate("C") if conn is not None and conn.dialect.name == "postgresql" \
        else column


def _after(prefix: str) -> str | None:
    """The least text greater than every text starting with ``prefix`` (None: no bound)."""
    for cut in range(len(prefix) - 1, -1, -1):
        code = ord(prefix[cut]) + 1
        code = 0xE000 if 0xD800 <= code <= 0xDFFF else code  # no surrogates in UTF-8
        if code <= 0x10FFFF:
            return prefix[:cut] + chr(code)
    return None


def starting_with(conn: Connection | None, prefix: str, indexed: bool = True):
    """Rows whose stream key starts with ``prefix`` (the name itself included): one range
    of the stream index. ``indexed=False``: the same test with the index put aside (the
    caller walks the newest rows instead)."""
    key = _stream_key(conn)
    key = key if indexed else key.op("||")("")
    bound = _after(prefix)
    return and_(key >= prefix, key < bound) if bound is not None else key >= prefix


def streams_containing(conn: Connection, needle: str) -> list[str]:
    """Every stream key containing ``needle``, from ``stream_names`` (one short row per
    stream: about a millisecond per 10,000 streams, whatever the number of records)."""
    return list(conn.execute(select(stream_names.c.stream_key).where(
        stream_names.c.stream_key.contains(needle, autoescape=True))).scalars())


def unnamed_streams(conn: Connection) -> list[str]:
    """Stream keys of the search keys that ``stream_names`` lacks (removed outside
    LeadFit: a search by part of the name would miss them). One pass of the index."""
    held = select(record_keys.c.stream_key).distinct().subquery()
    return list(conn.execute(select(held.c.stream_key).where(
        ~select(stream_names.c.stream_key).where(stream_names.c.stream_key == held.c.stream_key)
        .exists())).scalars())
