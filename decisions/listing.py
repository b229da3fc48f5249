"""The register's list: newest first, filtered by stream, outcome and status."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy import Connection, false, func, or_, select

from leadfit.decisions.errors import DecisionError, RecordAltered
from leadfit.suggest import did_you_mean
from leadfit.decisions.integrity import Checker, Integrity, row_columns, utf8
from leadfit.decisions.keys import (
    SEPARATOR,
    fold,
    key_columns,
    listed_status,
    starting_with,
    streams_containing,
)
from leadfit.decisions.pages import (
    entry_columns,
    entry_join,
    listed,
    listed_columns,
    listed_verdicts,
)
from leadfit.decisions.reading import plain
from leadfit.decisions.record import outcome_title
from leadfit.decisions.tables import record_keys, records
from leadfit.files import atomic_write
from leadfit.rules.model.assessment import pack_label
from leadfit.words import RECORD_STATUS, role_words, status_words

STATUSES = ("draft", "awaiting_signoff", "signed", "superseded", "withdrawn")


ALTERED = "altered"


@dataclass(frozen=True)
class RecordSummary:
    """One row of the register's list.

    ``problem`` is the row's integrity verdict (see decisions/integrity.py): empty for a
    genuine row; otherwise it says what was altered, ``status`` is ``"altered"`` and the
    columns a person would read (stream, candidate, outcome, recommended, created_at)
    are empty, so a forged value is never shown as genuine. Only ref, record_id and
    version remain, to name the row.
    """

    ref: str
    record_id: str
    version: int
    status: str
    stream: str
    candidate: str
    outcome: str
    recommended: str
    created_at: str
    hash: str
    pack: str = ""  # name@version (schema 4), checked against the body like the other columns
    problem: str = ""
    review_of: str = ""  # the record a review reviews (schema 5); '' for a decision

    @property
    def intact(self) -> bool:
        return not self.problem


def _query(conn: Connection | None = None, stream=None, outcome=None, status=None, text=None,
           titles=None, limit: int | None = None, offset: int = 0, texts: bool = True):
    """The rows of one page, newest first, with their search keys and newest audit entry
    (checked on read); ``texts``: each text too, as its stored bytes (hashed, never
    shown), else the sealed columns alone, from schema 11's index (integrity.listed).

    Unfiltered, the records themselves are paged; filtered, the small search-key rows
    are (see keys.py), so a filter never reads a record's text to reject it."""
    columns = [utf8(conn, c).label("body") if c.key == "body" else c for c in row_columns()] \
        if texts else listed_columns()
    q = select(*columns, records.c.id, listed_status().label("shown"), *key_columns(),
               *entry_columns())
    q = q.select_from(entry_join(records.outerjoin(record_keys,
                                                   record_keys.c.id == records.c.id)))
    q = q if texts else listed(q)
    if status and status not in STATUSES:
        raise DecisionError(f"status '{status}' is not one of: {', '.join(STATUSES)}"
                            f"{did_you_mean(status, STATUSES)}")
    wanted = _filters(conn, stream, outcome, status, text, titles)
    if wanted is None:
        q = q.order_by(records.c.id.desc()).offset(offset)
        return q.limit(limit) if limit is not None else q
    ids = select(record_keys.c.id).where(*wanted).order_by(record_keys.c.id.desc()).offset(offset)
    if limit is not None:
        ids = ids.limit(limit)
    return q.where(records.c.id.in_(ids)).order_by(records.c.id.desc())


# A stream filter matching at most this many rows reads them all through the stream index
# and sorts them; matching more, it walks the newest rows, where matches are then dense
# (at 1,000,000 records a filter matching 5,001 finds its first 100 within ~20,000 rows).
FEW_ROWS = 5_000


def _filters(conn, stream, outcome, status, text, titles) -> list | None:
    """The conditions on record_keys, or None for no filter."""
    few = None
    if stream and stream.strip():
        few = _stream_rows(conn, fold(stream))
        if few is False:
            return [false()]
    wanted: list = [] if few is None else [few[1]]
    aside = few is not None and few[0]   # the stream index leads: the others test each row
    if outcome:
        wanted.append(_plain(record_keys.c.outcome, aside) == outcome)
    if status:
        wanted.append(_plain(record_keys.c.shown, aside) == status)
    if text and text.strip():
        wanted.append(_text_filter(fold(text.replace(SEPARATOR, "")), titles or {}))
    return wanted or None


def _plain(column, aside: bool):
    """The column, or (``aside``) the same value as an expression no index serves."""
    return column.op("||")("") if aside else column


def _stream_rows(conn, needle: str):
    """(whether the stream index leads, the condition) for the streams a person means:
    those whose name starts with ``needle``, found in one range of the stream index;
    when none does, those containing it (see streams_containing). False: no stream."""
    if conn is None:
        return True, starting_with(None, needle)

    def match(indexed: bool):
        return starting_with(conn, needle, indexed)
    found = _count(conn, match(True))
    if not found:
        keys = streams_containing(conn, needle)
        if not keys:
            return False

        def match(indexed: bool):  # noqa: F811 (the streams containing it instead)
            return _plain(record_keys.c.stream_key, not indexed).in_(keys)
        found = _count(conn, match(True))
    return (True, match(True)) if found <= FEW_ROWS else (False, match(False))


def _count(conn: Connection, condition) -> int:
    """How many rows match, counted in the index up to one more than FEW_ROWS."""
    hits = select(record_keys.c.id).where(condition).limit(FEW_ROWS + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(hits)).scalar() or 0)


def _text_filter(needle: str, titles: dict[str, str]):
    """The window's find box: any listed field, an outcome's key or title, a status's
    key or words."""
    outcomes = sorted(k for k, title in titles.items() if needle in fold(k) or needle in fold(title))
    statuses = sorted(k for k, words in RECORD_STATUS.items()
                      if needle in fold(k) or needle in fold(words))
    # the pack as the window lists it, 'default 2.8', is stored as 'default@2.8'
    packed = re.sub(r"(\S) (\d+(?:\.\d+)*)\b", r"\1@\2", needle)
    return or_(record_keys.c.search.contains(needle, autoescape=True),
               record_keys.c.search.contains(packed, autoescape=True),
               record_keys.c.outcome.in_(outcomes), record_keys.c.recommended.in_(outcomes),
               record_keys.c.shown.in_(statuses))


def list_records(conn: Connection, *, stream=None, outcome=None, status=None, limit: int | None = 100,
                 offset: int = 0, text: str | None = None, titles: dict[str, str] | None = None,
                 checker: Checker | None = None) -> list[RecordSummary]:
    """Newest first; every row checked (an altered one is marked, not hidden). ``text``
    matches any listed field (``titles``: the outcomes' titles, which also match)."""
    checker = checker or Checker(conn, None)
    if checker.chain_problem():  # truncated, emptied or replaced: no row can be trusted
        raise RecordAltered(f"{checker.chain_problem()}; run leadfit verify")
    if outcome:
        _check_outcome(conn, outcome)
    rows = plain(conn.execute(_query(conn, stream, outcome, status, text, titles, limit, offset,
                                     texts=False)))
    checker.prefetch(rows)
    return [_summary(*checked) for checked in listed_verdicts(
        rows, checker, lambda ids: plain(conn.execute(_query(conn).where(records.c.id.in_(ids)))))]


def same_candidate(conn: Connection, stream, candidate, checker: Checker) -> list[RecordSummary]:
    """Every version recorded for this candidate in this stream (names folded), by index."""
    q = select(*row_columns(), records.c.id, listed_status().label("shown"), *key_columns())
    q = q.select_from(records.join(record_keys, record_keys.c.id == records.c.id)).where(
        record_keys.c.stream_key == fold(stream), record_keys.c.candidate_key == fold(candidate))
    rows = conn.execute(q.order_by(records.c.id.desc())).all()
    checker.prefetch(rows)
    return [_summary(row, checker.check(row)) for row in rows]


def _check_outcome(conn: Connection, outcome: str) -> None:
    """A mistyped outcome is an error, not an empty list."""
    if conn.execute(select(records.c.id).where(records.c.outcome == outcome).limit(1)).first():
        return
    from leadfit.rules.model.library import default_pack  # only on the rare path: loads a pack
    stored = conn.execute(select(records.c.outcome).distinct()).scalars()
    allowed = sorted({*default_pack().settings.outcomes, *(o for o in stored if o)})
    if outcome not in allowed:
        raise DecisionError(f"outcome '{outcome}' is not one of: {', '.join(allowed)}"
                            f"{did_you_mean(outcome, allowed)}")


def _summary(row, verdict: Integrity) -> RecordSummary:
    ref = f"{row.record_id}@{row.version}"
    if not verdict.intact:
        return RecordSummary(ref=ref, record_id=row.record_id, version=row.version,
                             status=ALTERED, stream="", candidate="", outcome="", recommended="",
                             created_at="", hash="", problem=verdict.problem)
    return RecordSummary(ref=ref, record_id=row.record_id,
                         version=row.version, status=row.shown, stream=row.stream or "",
                         candidate=row.candidate or "", outcome=row.outcome or "",
                         recommended=row.recommended or "", created_at=row.created_at,
                         hash=row.hash, pack=row.pack or "", review_of=row.review_of or "")


# The summary columns (unchanged, 'outcome' is the decision), then what HR needs to read
# the decision as signed without opening the register.
# The code columns (status, outcome, recommended) stay for machines; each has its words
# beside it for the person reading the sheet (docs/integrity.md, "The CSV's columns").
_NOT_IN_CSV = ("problem", "pack", "review_of")
CSV_COLUMNS = (*(f.name for f in fields(RecordSummary) if f.name not in _NOT_IN_CSV),
               "status_in_words", "decision_in_words", "recommended_in_words",
               "justification", "conditions",
               "review_date", "risk_level", "pack", "pack_fingerprint", "recorded_by",
               "recorded_account", "supersedes", "correction_reason", "signers", "dissent",
               "withdrawn_by", "withdrawn_at", "withdrawn_reason", "intact",
               "review_of", "kind_in_words")   # added last (schema 5's reviews): old positions stay


# UTF-8 with a byte-order mark: Excel otherwise reads UTF-8 as the local code page and
# garbles every accented name; LibreOffice and Python's csv (utf-8-sig) read it too.
CSV_ENCODING = "utf-8-sig"
CSV_BATCH = 1_000


def write_csv(conn: Connection, path: Path, checker: Checker | None = None) -> int:
    """Every version, newest first, written atomically (see leadfit.files). Cells that a
    spreadsheet would run as a formula are prefixed with a quote. An altered row keeps
    only its reference and says what was altered; none of its text is copied."""
    checker = checker or Checker(conn, None)
    if checker.chain_problem():
        raise RecordAltered(f"{checker.chain_problem()}; run leadfit verify. Nothing was written")
    count = 0
    with atomic_write(Path(path), "w", newline="", encoding=CSV_ENCODING) as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        rows = conn.execution_options(yield_per=CSV_BATCH).execute(_query(conn))
        names = tuple(rows.keys())
        for batch in rows.partitions(CSV_BATCH):  # streamed: memory flat in the register's size
            batch = plain(batch, names)  # read field by field: tuples, not SQLAlchemy rows
            checker.prefetch(batch)
            for row in batch:
                line = _csv_row(row, checker.check(row))
                writer.writerow([_cell(line[name]) for name in CSV_COLUMNS])
            count += len(batch)
            checker.forget()
        if checker.missing_problem():  # rows deleted outside LeadFit: the file says so
            writer.writerow([ALTERED if name == "status" else
                             f"NO: {checker.missing_problem()}" if name == "intact" else ""
                             for name in CSV_COLUMNS])
    return count


def _csv_row(row, verdict: Integrity) -> dict:
    """One version's cells by column: the summary columns as a list shows them, then the
    signed text's own (the body, parsed once; risk and review date from their checked
    columns where the row has them, schema 7)."""
    ref = f"{row.record_id}@{row.version}"
    if not verdict.intact:
        return {**_EMPTY, "ref": ref, "record_id": row.record_id, "version": row.version,
                "status": ALTERED, "intact": f"NO: {verdict.problem}"}
    body = json.loads(row.body)
    d, pack = body.get("decision") or {}, body.get("pack") or {}
    signoffs = body.get("signoffs") or []
    review_of = row.review_of or ""
    return {
        "ref": ref, "record_id": row.record_id, "version": row.version, "status": row.shown,
        "stream": row.stream or "", "candidate": row.candidate or "",
        "outcome": row.outcome or "", "recommended": row.recommended or "",
        "created_at": row.created_at, "hash": row.hash,
        "status_in_words": status_words(row.shown),
        "decision_in_words": outcome_title(row.outcome or ""),
        "recommended_in_words": outcome_title(row.recommended or ""),
        "justification": d.get("justification", ""),
        "conditions": d.get("conditions", ""),
        "review_date": row.review_date if row.review_date is not None else d.get("review_date") or "",
        "risk_level": row.risk if row.risk is not None else
        ((body.get("assessment") or {}).get("risk") or {}).get("level", ""),
        "pack": pack_label(pack.get("name", ""), pack.get("version", "")),
        "pack_fingerprint": pack.get("fingerprint", ""),
        "recorded_by": body.get("recorded_by", ""),
        "recorded_account": body.get("recorded_account", ""),
        "supersedes": body.get("supersedes") or "",
        "correction_reason": body.get("correction_reason", ""),
        "signers": "; ".join(f"{s.get('name')} ({role_words(s.get('role', ''))}; computer account"
                             f" {s.get('account') or 'not recorded'}) {s.get('at')}"
                             for s in signoffs),
        "dissent": "; ".join(f"{s.get('name')}: {s.get('dissent_reasons')}"
                             for s in signoffs if s.get("dissent")),
        **{k: body.get(k, "") for k in ("withdrawn_by", "withdrawn_at", "withdrawn_reason")},
        "intact": "yes", "review_of": review_of, "kind_in_words": kind_words(review_of)}


_EMPTY = dict.fromkeys(CSV_COLUMNS, "")


def kind_words(review_of: str) -> str:
    """What a listed row is, in words: a review is not a second coaching decision."""
    return f"fail-fast review of {review_of}" if review_of else "decision"


def _cell(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
