"""Words 7 (default 2.9): what the round-8 domain reader read, as an executive reads it in
`leadfit evaluate` (cases in tests/fixtures/reader8/, named as the reader named them).
Older packs keep the words their records hold."""

from __future__ import annotations

from types import SimpleNamespace

from leadfit.cli.render import render_assessment
from leadfit.forms.case import build_case
from leadfit.rules.model.library import archived_packs_dir, bundled_packs_dir
from leadfit.rules.model.pack import load_pack
from leadfit.rules.runtime.explain import evaluate_explained
from leadfit.trade_off_words import gaps_words
from tests.words_v7_support import P5_TITLE, assessed, reader8_answers, words7


def _text(name: str, **changes) -> str:
    pack = words7()
    case = build_case(reader8_answers(name, **changes), pack.questionnaire)
    return " ".join(render_assessment(evaluate_explained(case, pack), case, pack).split())


def _words6():
    older = archived_packs_dir() / "default-2.8"
    return load_pack(older if older.is_dir() else bundled_packs_dir() / "default")


def _why_not(a, title: str) -> list[str]:
    return next(alt.why_not for alt in a.alternatives if alt.title == title)


def test_a_ready_executive_coached_for_a_finding_is_not_said_to_be_learning_the_role():
    """Reader 8.4 (c01): every readiness mark met, coached for having blamed digital teams."""
    text = _text("c01")
    assert "Recommendation: Appoint with coaching" in text
    assert "still learning the role" not in text
    assert ("while the executive works on what the findings name, though they meet every"
            " readiness mark, delivery in the first 6 to 12 months may fall short") in text
    # what is not known is said as not known, not as met
    unknown = _text("c01", **{"candidate.holds_line": "not known"})
    assert "they meet every readiness mark that is known, and it is not known how they stand on" \
           f" {P5_TITLE[:1].lower() + P5_TITLE[1:]}" in unknown


def test_a_gap_in_holding_the_line_reads_as_holding_the_line():
    """Reader 8 words: "lacks stakeholder tension" read as the opposite of what is meant."""
    marks = [SimpleNamespace(id="P5", title=P5_TITLE, status="not_met"),
             SimpleNamespace(id="P4", title="Iterative delivery", status="partial")]
    assert gaps_words(marks, 7) == ("is still short on iterative delivery and has yet to hold the"
                                    " line with business stakeholders")
    marks[0].status = "partial"
    assert gaps_words(marks, 7) == ("is still short on holding the line with business stakeholders"
                                    " and iterative delivery")
    text = _text("c13")
    assert "Holding the line with business stakeholders: partly met" in text
    assert "tension" not in text.lower()


def test_older_records_keep_their_trade_off_words():
    pack = _words6()
    assert pack.settings.words_version < 7
    a = evaluate_explained(build_case(reader8_answers("c01"), pack.questionnaire), pack)
    assert any("while the executive is still learning the role" in n for n in a.notes)
    assert gaps_words([SimpleNamespace(id="P2", title="P&L ownership", status="met")]) == (
        "is still learning the role")


def test_why_not_gives_each_finding_once_in_the_words_the_findings_show():
    """Reader 8.6: c14 listed "the learning curve is real", which no finding says (another
    rule's words stand for that finding); the reasons are the findings the reader can find."""
    for name in ("c14", "c11", "c13", "c04"):
        a = assessed(name)
        shown = {f.summary for f in a.findings}
        for alt in a.alternatives:
            found = [r for r in alt.why_not if r in shown]
            assert len(found) == len(set(found)), (name, alt.title)
        appoint = _why_not(a, "Appoint")
        assert appoint and all(r in shown for r in appoint), (name, appoint)
    c14 = assessed("c14")
    assert not any("the learning curve is real" in r for r in _why_not(c14, "Appoint"))
    assert any("did not adjust by the review" in r for r in _why_not(c14, "Appoint"))


def test_older_packs_keep_their_reasons_why_not():
    pack = _words6()
    a = evaluate_explained(build_case(reader8_answers("c14"), pack.questionnaire), pack)
    assert any("the learning curve is real" in r for r in _why_not(a, "Appoint"))
