"""The portfolio's figures and F10's reading agree with a plain count of what was decided,
over generated registers (hypothesis), on a real SQLite register."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from tests.portfolio_support import SIX, Stream, case_for, decide_stream

# The kinds of stream SIX holds: ready and appointed, hired, coached with each mentor.
KINDS = {s.scenario: s for s in SIX}
PROBE = Stream("Probe", "a learner with two years", "coach", False)


def _expected_answer(experienced: int, learners: int) -> str:
    """The questionnaire's four answers, as a person would pick them."""
    if not experienced and not learners:
        return "none_yet"
    if experienced and learners:
        return "mixed"
    return "experienced_pds" if experienced else "executives"


@settings(max_examples=6, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(KINDS)), min_size=0, max_size=4))
def test_figures_match_a_plain_count(scenarios):
    streams = [Stream(f"Stream {i}", name, KINDS[name].decision, KINDS[name].experienced,
                      KINDS[name].mentor, plan=KINDS[name].plan) for i, name in enumerate(scenarios)]
    with tempfile.TemporaryDirectory() as tmp, \
            open_register(f"sqlite:///{Path(tmp) / 'r.sqlite3'}") as reg:
        for s in streams:
            decide_stream(reg, s)
        board = service.portfolio(reg)
        experienced = sum(s.experienced for s in streams)
        learners = len(streams) - experienced
        assert (board.experienced, board.learners) == (experienced, learners)
        assert board.mentors == dict(Counter(s.mentor for s in streams if not s.experienced))
        assert service.portfolio(reg, check=False) == board
        reading = service.other_streams(reg, case_for(PROBE))
        if not streams:
            assert reading is None
        else:
            assert reading.answer == _expected_answer(experienced, learners)
