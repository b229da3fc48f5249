"""1024x700 at 150% (683x467 points): the form gives its step list and section help to the
questions and the assessment, and the panel is whole beside it. Beside the full form the
panel got 176 points, its right third cut off (the recommendation, the tiles, the links)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt

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


def _shrunk_onto_small_screen(qtbot, user_files):
    """A window split at 1024x700, then made 683x467 (a window moved to a small screen, a
    layout restored from a bigger one): the split kept the big window's shares, and the
    panel got a third of the width, its links and findings cut with '…'."""
    window = open_window(qtbot, user_files)
    window.resize(1024, 700)
    window._default_split()
    settle_layout(qtbot, window)
    window.resize(*SMALL)
    settle_layout(qtbot, window)
    return window


def _words_whole(window) -> None:
    for link in window.panel.missing_links.values():
        wrapped = link.fontMetrics().boundingRect(QRect(0, 0, link.width() - 4, 10**5),
                                                  int(Qt.TextFlag.TextWordWrap), link.text())
        assert wrapped.height() <= link.height(), f"{link.text()} is cut short"
    tree = window.panel.findings
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        words = tree.fontMetrics().horizontalAdvance(item.text(0)) + tree.indentation()
        assert words <= tree.columnWidth(0), f"the finding {item.text(0)!r} is cut short"


def test_shrunk_onto_a_small_screen_the_panel_gets_the_room_and_says_its_words_whole(
        qtbot, user_files, styled):
    window = _shrunk_onto_small_screen(qtbot, user_files)
    assert window.form.compact
    _panel_whole(window)
    longest = max(window.panel.missing_links.values(), key=lambda b: len(b.text()))
    assert longest.fontMetrics().horizontalAdvance(longest.text()) > longest.width()  # it wraps
    _words_whole(window)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    settle_layout(qtbot, window)
    _panel_whole(window)
    _words_whole(window)
    side, risk = window.side, window.panel.risk
    assert side.verticalScrollBar().value() == 0
    bottom = risk.mapTo(side.viewport(), QPoint(0, risk.height())).y()
    assert risk.isVisible() and bottom <= side.viewport().height(), "the risk is below the fold"
    assert window.panel.outcome.text().startswith("Recommendation:")
