"""The register's tables as they are at the latest schema (see migrations/)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, Text

metadata = MetaData()

records = Table(
    "decision_records", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("serial", Integer, nullable=False),
    Column("record_id", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("status", String(32), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("body", Text, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("stream", Text),
    Column("candidate", Text),
    Column("outcome", Text),
    Column("recommended", Text),
    Column("pack", Text),   # schema 4: name@version, for listing without opening bodies
    Column("review_of", Text),    # schema 5: the record id a review reviews (NULL: a decision)
    Column("next_review", Text),  # schema 5: ISO date the next review is due from this record
    # schema 7: what the portfolio reads (decisions/portfolio_facts.py derives each from the body)
    Column("lead", Text),
    Column("mentor", Text),
    Column("risk", Text),
    Column("readiness", Text),
    Column("review_date", Text),
)

# schema 6: what lists and filters read, apart from the record text (see keys.py)
record_keys = Table(
    "record_keys", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # decision_records.id
    Column("stream_key", Text, nullable=False),
    Column("candidate_key", Text, nullable=False),
    Column("outcome", Text),
    Column("recommended", Text),
    Column("shown", String(32), nullable=False),
    Column("search", Text, nullable=False),
)

# schema 8: each stream's current lead, in 256 buckets sealed by the audit chain (leads.py)
stream_leads = Table(
    "stream_leads", metadata,
    Column("bucket", Integer, primary_key=True, autoincrement=False),  # leads.bucket_of(key)
    Column("lines", Text, nullable=False),   # the bucket's lines, canonical JSON
)

# schema 9: every stream key the search keys hold, once (a search by part of a stream's
# name reads these few thousand short rows, not the records; see keys.streams_containing)
stream_names = Table(
    "stream_names", metadata,
    Column("stream_key", Text, primary_key=True),
)

# schema 10: open reviews falling due on each date, sealed by the audit chain (due_dates.py)
review_dates = Table(
    "review_dates", metadata,
    Column("next_review", Text, primary_key=True),   # ISO date
    Column("chains", Integer, nullable=False),        # open chains whose next review it is
)

audit_log = Table(
    "audit_log", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("entry", Text, nullable=False),
    Column("mac", String(64)),
    Column("record_ref", String(48)),   # schema 3: finds a record's entries (see store.load)
)
