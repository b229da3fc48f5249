"""The register's Recommended cell in words: a 'Find out first' case records no
recommendation (decision.recommended None), and its cell was blank, read as a value lost;
it says 'none', as `leadfit register show` does. An altered row still shows nothing."""

from __future__ import annotations

from leadfit.decisions.record_words import outcome_title
from leadfit.desktop.decision_controller import RegisterRow
from leadfit.desktop.register_model import RECOMMENDED, RegisterModel


def _row(recommended: str, intact: bool = True) -> RegisterRow:
    return RegisterRow(ref="LF-1", stream="Home", candidate="Alex", recommended=recommended,
                       decision="coach", status="signed", created_at="2026-12-03T10:00",
                       pack="default@2.9", intact=intact)


def test_no_recommendation_reads_none_and_a_recommendation_its_title(qapp):
    model = RegisterModel()
    model.set_titles({"coach": "Appoint with coaching"})
    model.set_rows([_row(""), _row("coach"), _row("", intact=False)])
    said = [model.data(model.index(r, RECOMMENDED)) for r in range(3)]
    assert said == [outcome_title(None), "Appoint with coaching", ""]
    assert said[0] == "none"
