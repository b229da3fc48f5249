"""1024x700 at 150% (683x467 points): the form gives its step list and section help to the
questions and the assessment, and the panel is whole beside it. Beside the full form the
panel got 176 points, its right third cut off (the recommendation, the tiles, the links)."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from tests.desktop.test_desktop_panel_fit import _drawn_over, styled  # noqa: F401 (a fixture)
from tests.desktop.test_desktop_window_fit import settle_layout
from tests.desktop_support import example_answers, fill, open_window, settle

SMALL = (683, 467)  # 1024x700 pixels at a scale of 1.5


def _small_window(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.resize(*SMALL)
    window._default_split()  # as on a first start on that screen
    settle_layout(qtbot, window)
    return window


def _panel_whole(window) -> None:
    side, panel = window.side, window.panel
    assert side.horizontalScrollBar().maximum() == 0
    assert panel.width() <= side.viewport().width(), "the panel is cut at its right edge"
    assert side.viewport().width() >= panel.minimumSizeHint().width()
    form, room = window.splitter.sizes()
    assert room >= form, (form, room)  # the recommendation gets the larger share
    for link in window.panel.missing_links.values():
        right = link.mapTo(panel, QPoint(link.width(), 0)).x()
        assert right <= side.viewport().width(), f"{link.text()} runs off the panel"


def test_on_a_small_screen_the_form_is_compact_and_the_panel_whole(qtbot, user_files, styled):
    window = _small_window(qtbot, user_files)
    form = window.form
    assert form.compact and not form.steps.isVisible() and form.progress.isVisible()
    bar, pages = form.progress, form.pages
    assert bar.mapTo(form, QPoint(0, 0)).y() >= pages.mapTo(form, QPoint(0, pages.height())).y()
    assert form.pages.currentWidget().help is not None
    assert not form.pages.currentWidget().help.isVisible()
    assert window.panel.missing_links  # the empty case: the longest links are shown
    _panel_whole(window)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    settle_layout(qtbot, window)
    assert window.panel.outcome.text().startswith("Recommendation:")
    _panel_whole(window)
    assert _drawn_over(window.panel) == []
    form.go_to(2)  # a page built after the form became compact is compact too
    assert not form.pages.currentWidget().help.isVisible()


def test_a_link_cut_short_on_a_small_screen_keeps_its_words_and_says_them_in_full(
        qtbot, user_files, styled):
    window = _small_window(qtbot, user_files)
    for qid, link in window.panel.missing_links.items():
        title = window.controller.pack.questionnaire.questions[qid].title
        assert link.text() == f"Answer: {title}" and title in link.toolTip()


def test_on_a_larger_window_the_full_form_comes_back(qtbot, user_files, styled):
    window = _small_window(qtbot, user_files)
    window.resize(1024, 700)
    settle_layout(qtbot, window)
    form = window.form
    assert not form.compact and form.steps.isVisible()
    assert form.pages.currentWidget().help.isVisible()
    bar = form.progress.mapTo(form, QPoint(0, 0))
    assert bar.x() < form.steps.mapTo(form, QPoint(form.steps.width(), 0)).x()  # under the steps
