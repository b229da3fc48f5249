"""The window says words 3 as the command line does (tests/test_words_v3.py): the panel and
its other-outcomes view shown real assessments under a words-3 pack, offscreen."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.words_v3_support import STEPS_FIRST_TITLE, explained


def _flat(text: str) -> str:
    return " ".join(text.split())


def _panel(qtbot, a):
    from leadfit.desktop.assessment_panel import AssessmentPanel
    panel = AssessmentPanel()
    qtbot.addWidget(panel)
    panel.show_assessment(a)
    if a.decided:
        panel.show_alternatives(a.alternatives)
    return panel


def test_the_window_says_each_change_alone_and_the_steps_that_stay_first(qtbot):
    _, ready = explained("ready candidate is appointed")
    panel = _panel(qtbot, ready)  # held: a panel without an owner is deleted with its views
    shown = _flat(panel.alternatives.plain_text())
    assert ("It would become Appoint with coaching if “Years managing digital products” were 2 or"
            " less (now 5).") in shown
    assert "Only if" not in shown
    _, learner = explained("learner not interviewed")
    panel = _panel(qtbot, learner)
    shown = _flat(panel.alternatives.plain_text())
    assert ("“Years managing digital products” is 3 or more (now 2; not in the organisation's"
            " hands); the steps before the appointment still come first") in shown
    assert "[fact]" not in shown and "[lever]" not in shown  # words, not codes
    _, never_led = explained("never led product, design and engineering")
    panel = _panel(qtbot, never_led)
    assert "“Can you bring in an outside coach?” were no (now not asked)." in _flat(
        panel.alternatives.plain_text())


def test_the_window_headlines_steps_first_and_find_out_first_in_words_3(qtbot):
    _, capacity = explained("capable, keeps sixty percent with no plan")
    panel = _panel(qtbot, capacity)
    assert panel.outcome.text() == f"Recommendation: {STEPS_FIRST_TITLE}"
    _, depends = explained("not known: the candidate's experience decides between coaching and hiring")
    panel = _panel(qtbot, depends)
    detail = _flat(panel.detail.text())
    assert detail.startswith("Nothing is decided until the answers not known are found out. If"
                             " they turn out badly: Hire an experienced Product Director")


def test_the_window_says_an_incomplete_case_s_risk_is_so_far(qtbot):
    _, a = explained("eleven failure modes add up to hiring", **{"org.external_hire": None})
    panel = _panel(qtbot, a)
    assert panel.outcome.text().startswith("Incomplete")
    assert panel.findings.topLevelItemCount() == len(a.findings) > 0
    assert panel.risk.text().startswith("Risk of appointing this candidate as proposed so far:")


def test_the_window_holds_back_the_plan_of_an_incomplete_case_as_the_terminal_does(qtbot):
    """Nothing is decided yet, so no plan (steps beside "Incomplete" read as half a
    recommendation); it comes back once the answers are in."""
    _, a = explained("eleven failure modes add up to hiring", **{"org.external_hire": None})
    assert a.mitigations and not a.decided  # the core has steps; the window does not show them
    panel = _panel(qtbot, a)
    assert panel.mitigations.isHidden() and panel.headings["Mitigation plan"].isHidden()
    _, done = explained("eleven failure modes add up to hiring")
    panel.show_assessment(done)
    assert not panel.mitigations.isHidden() and not panel.headings["Mitigation plan"].isHidden()


def test_the_risk_line_says_the_level_in_words_and_keeps_the_score_for_the_tooltip(qtbot):
    """The fourth reader: "Risk ... critical · score 62" and a points scale; an executive cannot
    read a score (the terminal shows it only with --details). The level is the line; the score
    and the scale are in its tooltip for HR and the consultant."""
    from leadfit.desktop.assessment_panel import AssessmentPanel
    from tests.words_v3_support import words3
    _, a = explained("eleven failure modes add up to hiring")
    panel = AssessmentPanel()
    qtbot.addWidget(panel)
    panel.show_pack(words3())
    panel.show_assessment(a)
    assert panel.risk.text() == f"Risk of appointing this candidate as proposed: {a.risk.level}"
    assert f"score {a.risk.score}" in panel.risk.toolTip() and "Scale: low 0" in panel.risk.toolTip()
    assert panel.risk_scale.isHidden()
