"""`register show` and `report` read a SQLite register with the standard library and the
record as its sealed text (decisions/showing.py, issue 15); everything else reads it
through SQLAlchemy into the record's models. Over generated registers (hypothesis) both
say the same thing, word for word and PDF byte for byte, of every version, and refuse a
damaged or tampered record the same way."""

from __future__ import annotations

import sqlite3
import tempfile
import typing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from reportlab import rl_config

from leadfit.cli.register_cmd import shown_text
from leadfit.decisions import audit, review_record, review_service, sealed, service, showing, store
from leadfit.decisions.anchor import Anchor
from leadfit.decisions.texts import make_ref
from leadfit.reports import pdf_rationale, printing
from leadfit.decisions.errors import DecisionError, RecordAltered, RecordNotFound
from leadfit.decisions.portfolio_facts import StreamsReading
from leadfit.decisions.record import DecisionRecord
from leadfit.decisions.register import open_register
from leadfit.decisions.sqlite_reading import SqliteReading
from leadfit.plain import Plain
from leadfit.rules.model import assessment
from tests.decisions_support import case_with, db_url, decide_coach, review_continue, sign_all  # noqa: F401

WORDS = st.sampled_from(["Weekly coaching by the CPO", "Zoë’s team – review “monthly” ✓",
                         "Line one\nline two", "  spaced   out  "])
JUSTIFY = "The board weighed every risk named here and chose this for the stream's launch"


def _models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}

    def walk(cls: type[BaseModel]) -> None:
        name = cls.__name__ if cls.__module__ != review_record.__name__ or \
            cls.__name__ != "AnswerChange" else "ReviewAnswer"
        if name in found:
            return
        found[name] = cls
        for f in cls.model_fields.values():
            for part in _parts(f.annotation):
                walk(part)
    walk(DecisionRecord)
    return found


def _parts(annotation) -> list[type[BaseModel]]:
    # the assessment's parts are plain models (leadfit/plain.py), validated by pydantic
    if isinstance(annotation, type) and issubclass(annotation, (BaseModel, Plain)):
        return [annotation]
    return [p for a in typing.get_args(annotation) for p in _parts(a)]


def test_every_sealed_part_has_its_models_fields_defaults_and_parts():
    models = _models()
    views = {"DecisionRecord": sealed.SealedRecord,
             **{name: getattr(sealed, name) for name in models if name != "DecisionRecord"}}
    assert set(views) == set(models) and len(models) > 25
    for name, model in models.items():
        view = views[name]
        assert view.FIELDS == tuple(model.model_fields), name
        assert view.DEFAULTS == {n: f.default for n, f in model.model_fields.items()
                                 if not f.is_required()}, name
        nested = {n: _parts(f.annotation)[0] for n, f in model.model_fields.items()
                  if _parts(f.annotation)}
        assert {n: views[_view_name(m)] for n, m in nested.items()} == view.PARTS, name
    assert models["StreamsReading"] is StreamsReading and models["Assessment"] is assessment.Assessment


def _view_name(model: type[BaseModel]) -> str:
    if model is review_record.AnswerChange:
        return "ReviewAnswer"
    return model.__name__


# One generated register: decisions, each signed by some roles or not, maybe corrected,
# withdrawn or (a signed coached one) reviewed.
STEP = st.fixed_dictionaries({
    "decision": st.sampled_from(["coach", "appoint", "hire_external"]),
    "conditions": WORDS, "candidate": st.sampled_from(["Alex Morgan", "Ana Lúcia Sá"]),
    "signs": st.integers(0, 2), "then": st.sampled_from(["", "correct", "withdraw", "review"]),
    "dissent": st.booleans()})


def _build(reg, step: dict) -> None:
    kw = {"decision": step["decision"], "conditions": step["conditions"], "plan_later": True}
    if step["decision"] != "coach":
        kw["justification"] = JUSTIFY
    try:
        record = decide_coach(reg, case_with(candidate__name=step["candidate"]), **kw)
        for name, role in zip(("Dana Decider", "Harper Hr"), record.missing_roles()[:step["signs"]]):
            record = service.sign(reg, record.ref, name=name, role=role,
                                  dissent="It asks too much of one person" if step["dissent"] else "")
        if step["then"] == "correct":
            service.correct(reg, record.ref, reason="the decision was misread",
                            decision="hire_external" if step["decision"] == "coach" else "coach",
                            conditions="Fortnightly coaching", recorded_by="Harper Hr",
                            justification=JUSTIFY, plan_later=True)
        elif step["then"] == "withdraw" and record.status == "awaiting_signoff":
            service.withdraw(reg, record.ref, reason="the stream was merged", name="Harper Hr")
        elif step["then"] == "review" and record.decision.outcome == "coach":
            sign_all(reg, review_continue(reg, sign_all(reg, record.ref).record_id).ref)
    except DecisionError:
        pass  # a combination the register refuses (named elsewhere): the rest still compares


def _through_models(db: str, ref: str) -> str:
    with open_register(db, create=False, readonly=True) as reg:
        record = service.show(reg, ref)
        versions = service.history(reg, ref)
        later = review_service.reviews_of(reg, ref)
        return shown_text(record, len(versions), later) + "\n" + shown_text(
            record, 0, [], as_json=True)


def _through_sealed(db: str, ref: str) -> str:
    with showing.open_to_read(db) as reg:
        assert isinstance(reg, SqliteReading)  # the standard library's way, not a fallback
        shown = showing.show(reg, ref)
    with open_register(db, create=False, readonly=True) as reg:  # the same SQL by SQLAlchemy
        assert showing.show(reg, ref) == shown
    return shown_text(shown.record, shown.versions, shown.reviews) + "\n" + shown_text(
        shown.record, 0, [], as_json=True)


def _pdf_through_models(db: str, ref: str) -> bytes:
    """The rationale as printed before issue 15: the record's models, read by SQLAlchemy."""
    with open_register(db, create=False, readonly=True) as reg, reg.read() as conn:
        stored = store.load(conn, ref, service.checker(reg, conn))
        seq, head = audit.head(conn)
    replaced_by = "" if stored.latest else make_ref(stored.record.record_id, stored.newest)
    pdf, _ = pdf_rationale.render(stored.record, Anchor(stored.hash, head, seq),
                                  replaced_by=replaced_by,
                                  questionnaire=showing.questionnaire_of(stored.record))
    return pdf


def _pdf_through_sealed(db: str, ref: str) -> bytes:
    with showing.open_to_read(db) as reg:
        return printing.render_pdf(reg, ref).pdf


def _refs(db: str) -> list[str]:
    conn = sqlite3.connect(db)
    refs = [f"{rid}@{v}" for rid, v in conn.execute(
        "SELECT record_id, version FROM decision_records ORDER BY id")]
    conn.close()
    return refs + sorted({r.partition("@")[0] for r in refs})


def _outcome(read, db: str, ref: str) -> str:
    try:
        return read(db, ref)
    except (RecordAltered, RecordNotFound) as exc:
        return f"{type(exc).__name__}: {exc.problems}"


TAMPER = st.sampled_from([
    "UPDATE decision_records SET body = replace(body, 'Weekly', 'Daily') WHERE id = 1",
    "UPDATE decision_records SET stream = 'Another stream' WHERE id = 1",
    "UPDATE decision_records SET next_review = '2099-01-01' WHERE id = 1",
    "UPDATE audit_log SET entry = replace(entry, 'decide', 'decided') WHERE seq = 1",
    "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
    "UPDATE decision_records SET version = 9 WHERE id = 1"])


@settings(max_examples=5, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(STEP, min_size=1, max_size=3), TAMPER)
def test_show_says_the_same_through_sqlite3_and_sealed_text_as_through_the_models(steps, tamper):
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "register.sqlite3")
        with open_register(db) as reg:
            for step in steps:
                _build(reg, step)
        refs = _refs(db) + ["LF-1999-0001", f"{_refs(db)[0].partition('@')[0]}@7"]
        for ref in refs:
            assert _outcome(_through_sealed, db, ref) == _outcome(_through_models, db, ref), ref
        invariant, rl_config.invariant = rl_config.invariant, 1   # no dates or random ids
        try:
            for ref in _refs(db):
                assert _pdf_through_sealed(db, ref) == _pdf_through_models(db, ref), ref
        finally:
            rl_config.invariant = invariant
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute(tamper)
        conn.close()
        for ref in refs:
            said = _outcome(_through_sealed, db, ref)
            assert said == _outcome(_through_models, db, ref), ref


@pytest.mark.parametrize("schema_change", ["DELETE FROM leadfit_schema",
                                           "UPDATE leadfit_schema SET version = 99"])
def test_a_register_at_another_schema_is_read_the_sqlalchemy_way(tmp_path, schema_change):
    """An older register is upgraded, a newer one refused, as open_register does."""
    db = str(tmp_path / "register.sqlite3")
    with open_register(db) as reg:
        ref = decide_coach(reg).ref
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(schema_change)
    conn.close()
    try:
        reg = showing.open_to_read(db)
    except Exception as exc:  # noqa: BLE001  (the same refusal as open_register's)
        with pytest.raises(type(exc)) as same:
            open_register(db, create=False, readonly=True)
        assert str(same.value.problems) == str(getattr(exc, "problems", exc))
        return
    with reg:
        assert not isinstance(reg, SqliteReading)
        assert showing.show(reg, ref).record.ref == ref


def test_a_server_register_is_shown_through_sqlalchemy_with_the_same_words(db_url):
    """PostgreSQL keeps SQLAlchemy: the same statements, the same check, the same words."""
    with open_register(db_url) as reg:
        decision = sign_all(reg, decide_coach(reg).ref)
        review = review_continue(reg, decision.record_id)
    with showing.open_to_read(db_url) as reg:
        assert isinstance(reg, SqliteReading) == db_url.startswith("sqlite")
        for ref in (decision.ref, review.ref):
            shown = showing.show(reg, ref)
            with open_register(db_url, create=False, readonly=True) as models:
                record = service.show(models, ref)
                assert shown_text(shown.record, shown.versions, shown.reviews) == shown_text(
                    record, len(service.history(models, ref)), review_service.reviews_of(models, ref))


def test_a_file_the_standard_library_cannot_read_is_read_again_the_sqlalchemy_way(tmp_path):
    """SQLite failing in the middle of a read (a damaged page, a lock) is read again through
    decisions/register.py, which words every such failure as the other commands do."""
    db = tmp_path / "register.sqlite3"
    with open_register(str(db)) as reg:
        ref = decide_coach(reg).ref
    with showing.open_to_read(str(db)) as reg:
        assert isinstance(reg, SqliteReading)
        kept, reg._conn = reg._conn, sqlite3.connect(":memory:")   # no tables: every read fails
        try:
            assert showing.show(reg, ref).record.ref == ref
            assert showing.rationale(reg, ref).record.ref == ref
        finally:
            reg._conn.close()
            reg._conn = kept
