"""The start banner's counts of reviews due (schema 10, decisions/due_dates.py): the sealed
count per date always says what counting every open chain says; an edited count is not
believed, verify names it and the next write repairs it; an old register counts from its
records until its first write seals the counts."""

from __future__ import annotations

import shutil
from datetime import date

from sqlalchemy import text

from leadfit.decisions import due_dates, review_service, reviews, service
from leadfit.decisions.migrations import LATEST
from leadfit.decisions.register import open_register
from tests.decisions_support import (  # noqa: F401 (fixtures)
    db_url,
    decide_coach,
    reg,
    review_continue,
    sign_all,
)
from tests.test_register_compat import FIXTURE, KEY, OLD_PACKS

DAYS = [date(2026, 12, 1), date(2027, 1, 2), date(2027, 2, 1), date(2027, 2, 2),
        date(2027, 5, 3), date(2030, 1, 1)]


def _from_records(reg) -> list[tuple[int, int]]:
    """What counting every open chain says (the path a never-sealed register takes)."""
    with reg.read() as conn:
        return [reviews.due_counts(conn, day, checker=_unsealed()) for day in DAYS]


class _unsealed:
    """A checker whose newest entry states nothing: the counts come from the records."""

    def head_fact(self, _name):
        return None, ""


def _sealed(reg) -> dict[str, int] | None:
    with reg.read() as conn:
        return due_dates.read(conn, service.checker(reg, conn))


def _banner(reg) -> list[tuple[int, int]]:
    return [review_service.due_counts(reg, day) for day in DAYS]


def _agree(reg) -> list[tuple[int, int]]:
    assert _sealed(reg) is not None          # the banner reads the sealed count
    assert _banner(reg) == _from_records(reg)
    return _banner(reg)


def test_the_sealed_counts_say_what_counting_every_open_chain_says_at_each_step(reg):  # noqa: F811
    """Decided, signed, reviewed (awaiting, withdrawn, signed), corrected, and a second
    chain on another date: after every write the two counts agree, day by day."""
    seen = [_banner(reg)]                              # empty: nothing sealed, nothing due
    decision = decide_coach(reg)                       # awaiting sign-off: not open yet
    seen.append(_agree(reg))
    decision = sign_all(reg, decision.ref)             # open: first review 1 February 2027
    seen.append(_agree(reg))
    first = review_continue(reg, decision.record_id)   # awaiting: the review is still due
    seen.append(_agree(reg))
    service.withdraw(reg, first.ref, reason="Held with the wrong mentor", name="Harper Hr")
    seen.append(_agree(reg))
    first = sign_all(reg, review_continue(reg, decision.record_id).ref)  # decisive: 2 May
    seen.append(_agree(reg))
    fixed = service.correct(reg, first.ref, reason="The justification was misattributed",
                            justification="Trades one thing for another in every planning")
    seen.append(_agree(reg))
    sign_all(reg, fixed.ref)
    seen.append(_agree(reg))
    other = sign_all(reg, decide_coach(reg, review_date="2027-03-01").ref)
    assert other.decision.review_date == "2027-03-01"
    seen.append(_agree(reg))
    assert seen[0] == [(0, 0)] * len(DAYS)
    assert seen[2] == [(0, 0), (0, 1), (0, 1), (1, 0), (1, 0), (1, 0)]
    assert seen[5][4] == (1, 0) and seen[5][3] == (0, 0)   # the first review done
    assert seen[-1][-1] == (2, 0)                          # two chains, both overdue in 2030
    assert service.verify(reg).ok


def _edit(reg, sql: str) -> None:
    with reg.write() as conn:
        conn.execute(text(sql))


def test_an_edited_count_is_not_believed_verify_names_it_and_a_write_repairs_it(reg):  # noqa: F811
    sign_all(reg, decide_coach(reg).ref)
    late = date(2027, 2, 2)
    assert review_service.due_counts(reg, late) == (1, 0)
    _edit(reg, "UPDATE review_dates SET chains = 0")       # the banner would say none overdue
    assert _sealed(reg) is None
    assert review_service.due_counts(reg, late) == (1, 0)  # counted from the records instead
    assert any("count of reviews due on each date no longer matches" in p
               for p in service.verify(reg).problems)
    _edit(reg, "DELETE FROM review_dates")                 # removed: the same
    assert review_service.due_counts(reg, late) == (1, 0)
    assert not service.verify(reg).ok
    sign_all(reg, decide_coach(reg, review_date="2027-03-01").ref)   # the next write rebuilds
    assert _agree(reg)[DAYS.index(late)] == (1, 1)   # the new one falls due on 1 March
    assert review_service.due_counts(reg, date(2030, 1, 1)) == (2, 0)
    assert service.verify(reg).ok


def test_a_register_written_before_schema_10_counts_from_its_records_until_a_write(
        tmp_path, monkeypatch):
    """The fixture was written at schema 1 (7533785): opened, it is upgraded to the latest
    schema with an empty count table (schema 10); the counts come from its records, verify
    passes, and its first write seals counts that agree."""
    copy = tmp_path / "register.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    monkeypatch.setenv("LEADFIT_AUDIT_KEY", KEY)
    with open_register(copy) as reg:
        with reg.read() as conn:
            assert conn.execute(text("SELECT version FROM leadfit_schema")).scalar() == LATEST
            assert conn.execute(text("SELECT count(*) FROM review_dates")).scalar() == 0
        assert _sealed(reg) is None
        before = _banner(reg)
        assert before == _from_records(reg) and before[-1] == (1, 0)   # LF-2026-0001@1
        assert service.verify(reg).ok
        signed = sign_all(reg, "LF-2026-0001")          # its correction signed: the first write
        assert _agree(reg)[-1] == (1, 0)
        review_service.review(reg, signed.ref, verdict="continue", held_on="2030-01-01",
                              today=date(2030, 1, 1), pack_dirs=OLD_PACKS)
        assert _agree(reg)[-1] == (1, 0)                 # awaiting sign-off: still due
        assert service.verify(reg).ok
