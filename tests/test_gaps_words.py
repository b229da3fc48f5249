"""The coached trade-off names what the executive still lacks in a sentence ({gaps_plain},
for 2.7), while {gaps} keeps the words 2.4-2.6 records hold (their replays compare them)."""

from __future__ import annotations

from types import SimpleNamespace

import yaml

from leadfit.forms.case import build_case
from leadfit.rules.model.library import default_pack
from leadfit.rules.model.pack import load_pack
from leadfit.rules.runtime.assess import evaluate
from leadfit.trade_off_words import gaps_words
from tests.helpers import EXAMPLE_CASE

TRADE_OFF = ("The trade-off of appointing with coaching: while the executive {gaps_plain}, delivery in the"
             " first 6 to 12 months may fall short.")


IDS = {"Digital product experience": "P1", "P&L ownership": "P2",
       "Multi-disciplinary leadership": "P3", "Iterative delivery": "P4",
       "Stakeholder tension": "P5", "Dedicated focus": "P6"}


def _marks(**statuses: str) -> list:
    return [SimpleNamespace(id=IDS[title], title=title, status=status)
            for title, status in statuses.items()]


def test_the_gaps_read_as_a_sentence_without_the_marks_words():
    said = gaps_words(_marks(**{"Digital product experience": "partial", "P&L ownership": "met",
                                "Multi-disciplinary leadership": "not_met",
                                "Dedicated focus": "partial", "Stakeholder tension": "unknown"}))
    assert said == ("is still short on digital product experience, lacks multi-disciplinary"
                    " leadership and still spends part of their time in their current role,"
                    " and it is not known how they stand on stakeholder tension")
    assert "met" not in said and "gaps" not in said and "focus" not in said  # time, not skill
    assert gaps_words(_marks(**{"Dedicated focus": "not_met"})) == (
        "cannot yet give the role their full time")
    assert gaps_words(_marks(**{"P&L ownership": "not_met"})) == "lacks P&L ownership"
    assert gaps_words(_marks(**{"P&L ownership": "met"})) == "is still learning the role"


def test_a_pack_saying_gaps_plain_words_the_example_coached_case(tmp_path):
    folder = tmp_path / "acme"
    folder.mkdir()
    (folder / "pack.yaml").write_text(yaml.safe_dump({
        "name": "acme", "version": "0.1", "extends": f"default@{default_pack().version}",
        "outcome_notes": {"coach": TRADE_OFF}}), encoding="utf-8")
    pack = load_pack(folder)
    answers = yaml.safe_load(EXAMPLE_CASE.read_text(encoding="utf-8"))["answers"]
    a = evaluate(build_case(answers, pack.questionnaire), pack)
    assert a.outcome == "coach"
    note = next(n for n in a.notes if n.startswith("The trade-off"))
    assert note == TRADE_OFF.replace("{gaps_plain}", gaps_words(a.readiness))
    assert "(partly met)" not in note and "closes the gaps" not in note
    assert "part of their time in their current role" in note  # the example keeps 40% there
