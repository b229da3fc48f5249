"""`portfolio(check=False)` (the figures from the summary alone, what the register benchmark
times) on a read-only SQLite register whose rows were written past its summary: the stale
summary was taken as the board (1 stream where the checked portfolio showed 51, on the
benchmark's bulk-filled file); now only a summary the newest audit entry states is used."""

from __future__ import annotations

import sqlite3

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.portfolio_support import SIX, decide_stream


def test_a_summary_older_than_the_rows_is_not_taken_as_the_board(tmp_path):
    path = tmp_path / "register.sqlite3"
    with open_register(f"sqlite:///{path}") as reg:
        decide_stream(reg, SIX[0])
    with sqlite3.connect(path) as conn:  # the summary when one stream was led
        first = conn.execute("SELECT bucket, lines FROM stream_leads").fetchall()
    with open_register(f"sqlite:///{path}") as reg:
        for stream in SIX[1:]:
            decide_stream(reg, stream)
    conn = sqlite3.connect(path)  # put back as a restore or a bulk load outside LeadFit leaves it
    with conn:
        conn.execute("DELETE FROM stream_leads")
        conn.executemany("INSERT INTO stream_leads (bucket, lines) VALUES (?, ?)", first)
    conn.close()
    with open_register(f"sqlite:///{path}", create=False, readonly=True) as reg:
        checked, unchecked = service.portfolio(reg), service.portfolio(reg, check=False)
    every = sorted(s.name for s in SIX)
    assert [s.stream for s in checked.streams] == every
    assert [s.stream for s in unchecked.streams] == every
    assert (unchecked.experienced, unchecked.learners) == (checked.experienced, checked.learners) == (2, 4)
    assert unchecked.mentors == checked.mentors
