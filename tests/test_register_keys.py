"""The register's search keys (schema 6): filters answered by index, case-folded the same
on SQLite and PostgreSQL, kept right by every write, and checked on every read."""

from __future__ import annotations

import sqlite3

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.decisions_support import case_with, db_url, decide_coach, reg, signed_record  # noqa: F401


def _refs(rows):
    return [r.ref for r in rows]


def test_a_stream_filter_folds_case_and_unicode_the_same_on_every_database(reg):  # noqa: F811
    street = decide_coach(reg, case=case_with(stream__name="Straße Claims"))
    decide_coach(reg, case=case_with(stream__name="Onboarding"))
    assert _refs(service.list_records(reg, stream="STRASSE")) == [street.ref]
    assert _refs(service.list_records(reg, stream="  strasse c ")) == [street.ref]
    assert service.list_records(reg, stream="no such stream") == []


def test_a_correction_lists_the_old_version_as_superseded_and_filters_by_it(reg):  # noqa: F811
    old = signed_record(reg)
    new = service.correct(reg, old.ref, reason="Wrong review date", review_date="2027-03-01")
    assert _refs(service.list_records(reg, status="superseded")) == [old.ref]
    assert _refs(service.list_records(reg, status="awaiting_signoff")) == [new.ref]
    assert service.list_records(reg, status="signed") == []
    service.sign(reg, new.ref, name="Dana Decider", role="decision_maker")
    service.sign(reg, new.ref, name="Harper Hr", role="hr")
    assert _refs(service.list_records(reg, status="signed")) == [new.ref]
    assert _refs(service.list_records(reg, status="signed", outcome="coach",
                                      stream="HOME buying")) == [new.ref]


def test_the_find_box_matches_any_listed_field_and_the_words_people_read(reg):  # noqa: F811
    alex = decide_coach(reg)
    blake = decide_coach(reg, case=case_with(candidate__name="Blake Chen",
                                             stream__name="Claims journey"))
    titles = {"coach": "Appoint with coaching", "appoint": "Appoint"}
    assert _refs(service.list_records(reg, text="BLAKE")) == [blake.ref]
    assert _refs(service.list_records(reg, text=alex.record_id.lower())) == [alex.ref]
    assert _refs(service.list_records(reg, text="with coaching", titles=titles)) == [blake.ref,
                                                                                    alex.ref]
    assert _refs(service.list_records(reg, text="awaiting sign")) == [blake.ref, alex.ref]
    assert service.list_records(reg, text="journey\x1falex") == []  # never across two fields
    assert service.list_records(reg, text="100%_") == []               # wildcards are literal


def test_the_find_box_finds_the_pack_as_the_register_lists_it(reg):  # noqa: F811
    """The Pack column reads 'default 2.8'; typed so, it found nothing (stored 'default@2.8',
    never shown): hF fresh6 F34."""
    from leadfit.rules.model.library import default_pack
    record = decide_coach(reg)
    pack = default_pack()
    shown = f"{pack.name} {pack.version}"  # as the window's Pack column says it
    assert _refs(service.list_records(reg, text=shown.upper())) == [record.ref]
    assert _refs(service.list_records(reg, text=f"{pack.name}@{pack.version}")) == [record.ref]
    assert service.list_records(reg, text=f"{pack.name} 0.1") == []


def test_already_recorded_finds_the_same_candidate_by_its_folded_names(reg):  # noqa: F811
    first = decide_coach(reg)
    case = case_with(candidate__name="  ALEX MORGAN ")
    assert service.already_recorded(reg, case) == [first.ref]
    assert service.already_recorded(reg, case_with(candidate__name="Alex Morgane")) == []


def test_a_row_hidden_from_filters_by_a_forged_key_is_named_by_verify(tmp_path):
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        hidden = decide_coach(reg, case=case_with(stream__name="Claims journey"))
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("UPDATE record_keys SET stream_key='elsewhere'")
    conn.close()
    with open_register(db, create=False, readonly=True) as reg:
        assert service.list_records(reg, stream="claims") == []  # hidden from the filter...
        report = service.verify(reg)
        assert not report.ok and any(hidden.ref in p and "search key" in p
                                     for p in report.problems)  # ...but never from verify
        listed = service.list_records(reg)
        assert [r.status for r in listed] == ["altered"] and "search key" in listed[0].problem
