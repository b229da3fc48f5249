"""Versioned schema steps: an old register opens in a new LeadFit.

Each step is a module ``mNNN_*.py`` with ``VERSION`` and ``upgrade(conn)``.
Steps run in order inside the caller's write transaction (SQLite and
PostgreSQL both have transactional DDL), so a failed step leaves the
register as it was. The version lives in table ``leadfit_schema``.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

from leadfit.decisions import schema
from leadfit.decisions.errors import RegisterError
from leadfit.decisions.migrations import (
    m001_initial,
    m002_summary_columns,
    m003_audit_record_ref,
    m004_summary_pack,
    m005_reviews,
    m006_register_keys,
    m007_portfolio_columns,
    m008_stream_leads,
    m009_query_indexes,
    m010_review_dates,
)

STEPS = (m001_initial, m002_summary_columns, m003_audit_record_ref, m004_summary_pack,
         m005_reviews, m006_register_keys, m007_portfolio_columns, m008_stream_leads,
         m009_query_indexes, m010_review_dates)
LATEST = STEPS[-1].VERSION
if LATEST != schema.LATEST:  # pragma: no cover  (a new step must move decisions/schema.py too)
    raise ImportError(f"decisions/schema.py says schema {schema.LATEST}, the last step is {LATEST}")


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("leadfit_schema"):
        return 0
    value = conn.execute(text("SELECT max(version) FROM leadfit_schema")).scalar()
    return int(value or 0)


def migrate(conn: Connection, target: int = LATEST) -> int:
    """Bring the schema up to ``target``; return the version it was at."""
    found = current_version(conn)
    if found > LATEST:
        raise RegisterError(f"this register was written by a newer LeadFit (schema {found});"
                            f" this version reads up to schema {LATEST}. Update LeadFit.")
    for step in STEPS:
        if found < step.VERSION <= target:
            step.upgrade(conn)
            conn.execute(text("DELETE FROM leadfit_schema"))
            conn.execute(text("INSERT INTO leadfit_schema (version) VALUES (:v)"), {"v": step.VERSION})
    return found
