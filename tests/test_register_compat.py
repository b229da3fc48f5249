"""Records written before records were typed still verify, read and replay identically.

tests/fixtures/registers/before-typed-records.sqlite3 was written by the code of
main at 7533785 (make_before_typed_records.sh beside it says how): decided,
signed with dissent, corrected, under three packs, one a draft. Beside it are
the bundled packs of that commit, which replay uses.
"""

from __future__ import annotations

from datetime import date

import shutil
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from leadfit.decisions import making, review_service, service
from leadfit.decisions.record import DecisionRecord, canonical_json, sha256_text
from leadfit.decisions.register import open_register
from leadfit.decisions.replay import replay
from leadfit.forms.case import build_case
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.assessment import ADDED_FIELDS
from leadfit.rules.model.library import resolve_pack
from leadfit.rules.runtime.matching import EXACT

FIXTURES = Path(__file__).parent / "fixtures" / "registers"
FIXTURE = FIXTURES / "before-typed-records.sqlite3"
# The bundled packs as they were at 7533785: replay must not depend on today's pack data.
OLD_PACKS = [str(FIXTURES / "packs" / name) for name in ("default", "bank", "public-sector")]
KEY = "issue-10-fixture-key"


@pytest.fixture
def old_register(tmp_path, monkeypatch):
    copy = tmp_path / "register.sqlite3"
    shutil.copyfile(FIXTURE, copy)  # opening it may migrate it: never touch the fixture
    monkeypatch.setenv("LEADFIT_AUDIT_KEY", KEY)
    return copy


def _stored(db: Path) -> list[tuple[str, int, str, str]]:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT record_id, version, body, hash FROM decision_records"
                                 " ORDER BY record_id, version")).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def test_an_old_register_verifies_and_every_record_reads_back_to_the_same_text(old_register):
    stored = _stored(old_register)
    assert len(stored) == 4
    with open_register(old_register, create=False) as reg:
        report = service.verify(reg)
        assert report.ok, report.problems
        for record_id, version, body, digest in stored:
            record = service.show(reg, f"{record_id}@{version}")
            assert record.canonical() == body and sha256_text(record.canonical()) == digest
            assert record.considered == [] and '"considered"' not in body
            assert record.pack.label == record.assessment.pack.label


def test_an_old_register_replays_identically(old_register):
    with open_register(old_register, create=False) as reg:
        refs = [f"{rid}@{v}" for rid, v, _, _ in _stored(old_register)]
        results = {ref: replay(service.show(reg, ref), OLD_PACKS) for ref in refs}
    assert all(r.identical and not r.notes for r in results.values()), results
    assert {r.pack_label for r in results.values()} == {"default@1.0", "bank@0.3", "public-sector@1.0"}


_PACKS = ("default", "bank", "public-sector")


@cache
def _pack(name: str):
    return resolve_pack(name)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_PACKS), st.data())
def test_a_typed_record_writes_the_text_the_untyped_record_wrote(name, data):
    """The old record stored its assessment, pack and engine as dicts dumped from the models."""
    pack = _pack(name)
    scenario = data.draw(st.sampled_from([s for s in pack.scenarios if s.expect.outcome]))
    case = build_case(scenario.answers, pack.questionnaire)
    assessment = evaluate(case, pack, EXACT)
    decision = data.draw(st.sampled_from(list(pack.settings.outcomes)))
    record = making.build(record_id="LF-2026-0001", version=1, case=case, pack=pack,
                          assessment=assessment, decision=decision, justification="Because.",
                          conditions=data.draw(st.text(min_size=1, max_size=30).filter(str.strip)),
                          review_date=None, plan=None, status="awaiting_signoff",
                          plan_later=True)
    # fields added to assessments since (answers not known, other outcomes) are written
    # only when set, so a record without them reads as the old one did
    later = {k for k in ADDED_FIELDS if k not in assessment.model_fields_set}
    written = record.model_dump(mode="json")
    for added in ("recorded_by", "recorded_account", "withdrawn_reason", "withdrawn_by",
                  "withdrawn_at", "review",  # added by issues 13 and 12: written only when set
                  "considered",      # added by issue 12 (candidates compared): likewise
                  "other_streams"):  # issue 12 (portfolio): only when read from the register
        if not written[added]:
            del written[added]
    for added in ("plan_later", "review_criteria", "decisive_review_date"):
        if not written["decision"][added]:
            del written["decision"][added]
    for step in written["decision"]["plan"]:   # a deferred step's date: only when deferred
        if step["agree_by"] is None:
            del step["agree_by"]
    untyped = dict(written,
                   assessment=assessment.model_dump(mode="json", exclude=later),
                   pack=assessment.pack.model_dump(mode="json"),
                   engine=assessment.engine.model_dump(mode="json"))
    assert record.canonical() == canonical_json(untyped)
    assert DecisionRecord.from_text(record.canonical()).canonical() == record.canonical()


def test_opening_an_old_register_adds_the_pack_to_every_summary(old_register):
    """Schema 4 fills the summary's pack from each stored body, leaving body and hash alone."""
    before = _stored(old_register)
    with open_register(old_register, create=False) as reg:
        summaries = service.list_records(reg, limit=None)
        assert service.verify(reg).ok
    assert _stored(old_register) == before
    packs = {s.ref: s.pack for s in summaries}
    assert packs == {"LF-2026-0001@1": "default@1.0", "LF-2026-0001@2": "default@1.0",
                     "LF-2026-0002@1": "bank@0.3", "LF-2026-0003@1": "public-sector@1.0"}


def test_an_old_register_gains_review_dates_and_its_coached_record_is_reviewed_under_its_own_pack(
        old_register):
    """Schema 5 fills next_review from each stored body (bodies and hashes untouched); old
    records without review criteria still load, verify and replay identically, and the
    old coached appointment, once signed, is reviewed under the pack it was decided with."""
    from datetime import date

    from tests.decisions_support import sign_all
    before = _stored(old_register)
    with open_register(old_register, create=False) as reg:
        assert service.verify(reg).ok
        # the signed version stands while its correction awaits sign-off: its review is due
        assert [(r.ref, r.overdue) for r in review_service.due_reviews(reg, date(2030, 1, 1))] \
            == [("LF-2026-0001@1", True)]
        old = service.show(reg, "LF-2026-0001")
        assert old.decision.review_criteria == [] and old.decision.decisive_review_date is None
        assert service.replay(reg, "LF-2026-0001@1", OLD_PACKS).identical
    assert _stored(old_register) == before
    with open_register(old_register) as reg:
        signed = sign_all(reg, "LF-2026-0001")
        due = review_service.due_reviews(reg, date(2030, 1, 1))
        assert [(r.ref, r.due, r.overdue) for r in due] == [
            (signed.ref, signed.decision.review_date, True)]
        review = review_service.review(reg, signed.ref, verdict="continue", held_on="2030-01-01",
                                       today=date(2030, 1, 1),
                                pack_dirs=OLD_PACKS)
        assert review.pack.fingerprint == signed.pack.fingerprint
        assert review.review.next_review is None      # no decisive date was agreed then
        assert service.verify(reg).ok
