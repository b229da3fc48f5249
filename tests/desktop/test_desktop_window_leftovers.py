"""What a C-suite reader met in the window (fresh-eyes): a coaching colour on a headline
saying hiring is advised, a doubled space in '(optional)', codes among the words, links
that all look alike, counts that change their meaning, a panel cut at a small screen."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from leadfit.forms.case import build_case
from leadfit.rules.model.library import default_pack
from leadfit.rules.runtime.explain import evaluate_explained
from tests.desktop.test_desktop_panel_fit import styled  # noqa: F401 (a fixture)
from tests.desktop_support import open_window


def assessed(name: str):
    pack = default_pack()
    found = {s.name: s for s in pack.scenarios}[name]
    answers = {k: v for k, v in found.answers.items() if v is not None}
    return pack, evaluate_explained(build_case(answers, pack.questionnaire), pack)


def panel_for(qtbot, name: str):
    from leadfit.desktop.assessment_panel import AssessmentPanel
    pack, a = assessed(name)
    panel = AssessmentPanel()
    qtbot.addWidget(panel)
    panel.show_pack(pack)
    panel.show_assessment(a)
    panel.resize(460, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def headline_colour(panel):
    """The headline's background, a little inside its top-left corner (beyond the rounding)."""
    return panel.outcome.grab().toImage().pixelColor(4, 4)


# -- 4: a fallback is coloured as the advice that cannot happen, not as plain coaching -------
def test_a_fallback_headline_is_coloured_as_hiring_advised_not_as_coaching(qtbot, styled):
    fallback = panel_for(qtbot, "hiring impossible forces coaching at higher risk")
    assert fallback.outcome.text().startswith("Recommendation: Hiring is advised but not possible")
    coaching = panel_for(qtbot, "a learner with two years")
    hire = panel_for(qtbot, "gaps too wide to close in time")
    assert hire.outcome.property("outcome") == "hire_external"
    assert headline_colour(fallback) == headline_colour(hire)
    assert headline_colour(fallback) != headline_colour(coaching)


# -- 8: one space before '(optional)' --------------------------------------------------------
def test_an_optional_question_says_so_after_one_space(qtbot, user_files):
    window = open_window(qtbot, user_files)
    row = window.form.rows["candidate.current_role"]
    from PySide6.QtWidgets import QLabel
    title = row.findChild(QLabel, "questionTitle").text()
    assert title == "Candidate's current role (optional)"


# -- 1: on a small screen the panel fits its width: headline, risk and every tile whole -------
@pytest.mark.parametrize("size", [(776, 576), (829, 509), (1000, 676)],
                         ids=["800x600 screen", "1280x800 screen at scale 1.5", "1024x700 screen"])
def test_on_a_small_screen_the_panel_is_never_cut_on_the_right(qtbot, user_files, styled, size):
    from tests.desktop.test_desktop_window_fit import settle_layout
    from tests.desktop_support import example_answers, fill, settle
    window = open_window(qtbot, user_files)
    window.resize(*size)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    settle_layout(qtbot, window)
    room = window.side.viewport().width()
    panel = window.panel
    assert panel.width() <= room, f"the panel is {panel.width()} px wide in {room} px"
    for tile in [panel.outcome, panel.risk, *panel.readiness.tiles.values()]:
        right = tile.mapTo(window.side.viewport(), tile.rect().topRight()).x()
        assert tile.isVisible() and right < room, f"{tile.text()!r} ends at {right}, past {room}"
    headline = panel.outcome.mapTo(window.side.viewport(), panel.outcome.rect().bottomLeft())
    assert headline.y() < window.side.viewport().height(), "the headline is out of sight"
