"""Fixtures and helpers for the decisions/register tests (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import io
import os
import re
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from leadfit.decisions import review_service, service
from leadfit.decisions.register import open_register
from leadfit.forms.case import build_case, load_case_file
from leadfit.rules.model.library import default_pack
from tests.helpers import EXAMPLE_CASE

PG_ENV = "LEADFIT_TEST_PG_URL"


def pg_url_or_stop() -> str:
    """The test PostgreSQL URL. In CI a missing server is a failure, never a skip."""
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{PG_ENV} is not set in CI: .ci/postgres.sh must start PostgreSQL")
    pytest.skip(f"{PG_ENV} not set (run: source .ci/postgres.sh)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty register URL: a SQLite file, or a private PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'register.sqlite3'}"
        return
    base = pg_url_or_stop()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def db(tmp_path) -> str:
    """A SQLite register's file name (not yet created), as the CLI's --db takes it."""
    return str(tmp_path / "register.sqlite3")


@pytest.fixture
def reg(db_url):
    register = open_register(db_url)
    yield register
    register.close()


def pack():
    return default_pack()


def example_case():
    return load_case_file(EXAMPLE_CASE, pack().questionnaire)


def case_with(**changes):
    """The example case with some answers changed (keys use '_' for '.')."""
    import yaml
    raw = yaml.safe_load(Path(EXAMPLE_CASE).read_text())["answers"]
    for key, value in changes.items():
        raw[key.replace("__", ".")] = value
    return build_case(raw, pack().questionnaire)


def decide_coach(reg, case=None, **kw):
    args = {"decision": "coach", "conditions": "Weekly coaching by the CPO", "plan_later": True}
    args.update(kw)
    return service.decide(reg, case or example_case(), pack(), **args)


def signed_record(reg, **kw):
    record = decide_coach(reg, **kw)
    service.sign(reg, record.ref, name="Dana Decider", role="decision_maker")
    return service.sign(reg, record.ref, name="Harper Hr", role="hr")


def counts(reg) -> tuple[int, int]:
    """(record versions, audit entries) in the register."""
    with reg.read() as conn:
        return (conn.execute(text("SELECT count(*) FROM decision_records")).scalar(),
                conn.execute(text("SELECT count(*) FROM audit_log")).scalar())


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text of a PDF, its spacing squashed."""
    from pypdf import PdfReader
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.returncode, self.stdout, self.stderr = code, out, err


@pytest.fixture
def cli(capsys):
    """The real ``leadfit`` entry point, in-process (fast); exit code, stdout, stderr."""
    from leadfit.cli.main import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return CliResult(code, out, err)
    return run


def tamper(db: str, old: str, new: str, *, rehash: bool = False) -> None:
    """Edit stored record text by hand, as someone with the database file could
    (``rehash``: also recompute the hash column, as a more careful forger would)."""
    from leadfit.decisions.record import sha256_text
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        for rid, body in conn.execute(text("SELECT id, body FROM decision_records")).all():
            changed = body.replace(old, new)
            values = {"b": changed, "i": rid, "h": sha256_text(changed)}
            conn.execute(text("UPDATE decision_records SET body=:b"
                              + (", hash=:h" if rehash else "") + " WHERE id=:i"), values)
    engine.dispose()


def sign_all(reg, ref):
    """Every required role signs ``ref``, each by a different person."""
    record = service.show(reg, ref)
    names = iter(("Dana Decider", "Harper Hr", "Sam Third", "Alex Fourth"))
    for role in record.missing_roles():
        record = service.sign(reg, ref, name=next(names), role=role)
    return record


def review_continue(reg, ref, **kw):
    """A first review (1 February 2027) that continues, with the former role reduced."""
    args = {"verdict": "continue", "held_on": "2027-02-01",
            "answers": {"candidate.former_role_share": 15},
            "done": {}, "behaviours": "Trades one thing for another in planning"}
    args.update(kw)
    args.setdefault("today", date.fromisoformat(args["held_on"]))  # the clock: held that day
    return review_service.review(reg, ref, **args)
