"""The keyboard and the wheel: focus always visible, answers never changed by moving
around, the section asked for gets the focus, Ctrl+Enter submits a dialog."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabBar,
    QTextBrowser,
    QTreeView,
    QWidget,
)

from leadfit.desktop.app import stylesheet
from tests.desktop_support import LIMIT_MS, example_answers, fill, open_window, settle


@pytest.fixture
def styled(qapp):
    """The window as people see it: with LeadFit's style sheet (undone after)."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(stylesheet())
    yield
    qapp.setStyleSheet(before)


def _active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=LIMIT_MS)
    return window


def _tab_stops(top: QWidget) -> list[QWidget]:
    return [w for w in top.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.window() is top and w.focusProxy() is None
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def _changed_pixels(a, b) -> int:
    return sum(a.pixel(x, y) != b.pixel(x, y) for y in range(a.height()) for x in range(a.width()))


def _unseen_focus(qtbot, top: QWidget, spare: tuple[QWidget, QWidget]) -> list[str]:
    """Controls whose focused picture differs from the unfocused one by less than a ring
    round half their edge: the keyboard user cannot see where they are. The focus is
    taken away to one of ``spare``."""
    unseen = []
    for widget in _tab_stops(top):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus, timeout=1000)
        focused = widget.grab().toImage()
        (spare[1] if widget is spare[0] else spare[0]).setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda w=widget: not w.hasFocus(), timeout=1000)
        plain = widget.grab().toImage()
        if _changed_pixels(focused, plain) < widget.width() + widget.height():
            unseen.append(f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()}")
    return unseen


def test_every_control_of_the_window_shows_it_has_the_focus(qtbot, user_files, styled):
    window = _active(qtbot, open_window(qtbot, user_files))
    window.resize(1024, 700)
    rows = window.form.rows
    spare = (rows["stream.name"].input.editor, rows["stream.revenue_impact"].input.editor)
    assert len(_tab_stops(window)) > 15
    assert _unseen_focus(qtbot, window, spare) == []


def test_every_control_of_the_decision_dialog_shows_it_has_the_focus(qtbot, user_files, styled):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = _active(qtbot, window.register.decision_dialog)
    assert _unseen_focus(qtbot, dialog, (dialog.justification, dialog.recorded_by)) == []


def test_the_style_sheet_gives_every_kind_of_control_a_focus_style():
    focus_rules = " ".join(re.findall(r"([^{}]*:focus[^{}]*)\{", stylesheet()))
    for kind in (QLineEdit, QComboBox, QAbstractButton, QListWidget, QTreeView, QTextBrowser,
                 QPlainTextEdit, QTabBar):
        names = {"QAbstractButton": ("QPushButton", "QCheckBox", "QToolButton"),
                 "QTreeView": ("QTreeWidget", "QTableView")}.get(kind.__name__, (kind.__name__,))
        for name in names:
            assert re.search(rf"\b{name}(#\w+)?(::\w+)?:focus", focus_rules), name


def _wheel_over(widget: QWidget) -> None:
    at = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(at, widget.mapToGlobal(at), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_choice_scrolls_and_never_changes_the_answer(qtbot, user_files):
    window = open_window(qtbot, user_files)
    for focused in (False, True):
        editor = window.form.rows["stream.revenue_impact"].input.editor
        if focused:
            _active(qtbot, window)
            editor.setFocus()
        _wheel_over(editor)
        assert window.form.rows["stream.revenue_impact"].input.value() is None


def test_arrow_and_page_keys_on_a_closed_choice_never_change_the_answer_or_section(qtbot,
                                                                                   user_files):
    window = _active(qtbot, open_window(qtbot, user_files))
    field = window.form.rows["stream.revenue_impact"].input
    field.editor.setFocus()
    qtbot.waitUntil(field.editor.hasFocus, timeout=1000)
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_End, Qt.Key.Key_Home, Qt.Key.Key_PageUp):
        qtbot.keyClick(field.editor, key)
        assert field.value() is None and window.form.current_section() == 0
    qtbot.keyClick(field.editor, Qt.Key.Key_Down)  # opens the list: the arrows choose there
    qtbot.waitUntil(field.editor.view().isVisible, timeout=1000)
    assert field.value() is None
    qtbot.keyClick(field.editor.view(), Qt.Key.Key_Escape)  # and Escape keeps the answer
    assert field.value() is None and window.form.current_section() == 0


def test_the_decision_and_role_choices_ignore_the_wheel(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    _wheel_over(dialog.decision)
    assert dialog.decision.currentData() == "coach"


def test_a_section_chosen_in_the_list_gets_the_focus_and_arrows_stay_in_the_list(qtbot,
                                                                                 user_files):
    window = _active(qtbot, open_window(qtbot, user_files))
    window.resize(1024, 700)  # a screen with room for the list (a small one hides it)
    steps = window.form.steps
    assert steps.isVisible()
    steps.setFocus()
    qtbot.keyClick(steps, Qt.Key.Key_Down)   # browsing the sections: the list keeps the keyboard
    assert window.form.current_section() == 1 and steps.hasFocus()
    qtbot.keyClick(steps, Qt.Key.Key_Return)  # chosen: carry on in its first question
    first = window.form.questionnaire.sections[1].questions[0].id
    qtbot.waitUntil(window.form.rows[first].input.editor.hasFocus, timeout=1000)
    third = steps.visualItemRect(steps.item(2)).center()
    qtbot.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton, pos=third)
    first = window.form.questionnaire.sections[2].questions[0].id
    qtbot.waitUntil(window.form.rows[first].input.editor.hasFocus, timeout=1000)


def test_ctrl_enter_in_the_record_dialog_asks_to_sign_and_enter_alone_never_does(
        qtbot, user_files, no_modal_dialogs):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    decision = window.register.decision_dialog
    decision.conditions.setPlainText("Monthly mentoring")
    decision.plan.owners["M5"].setText("Sam Lee")
    decision.plan.dues["M5"].setText("2027-01-15")
    decision.plan.later.setChecked(True)       # the other steps: by the fail-fast review
    qtbot.keyClick(decision.recorded_by, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    record = window.register.record_dialog
    record.name.setText("Dana Decider")
    qtbot.keyClick(record.name, Qt.Key.Key_Return)
    assert record.record.signoffs == [] and not no_modal_dialogs
    qtbot.keyClick(record.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert no_modal_dialogs[-1][0] == "question" and "cannot be undone" in no_modal_dialogs[-1][1]
    assert [s.name for s in record.record.signoffs] == ["Dana Decider"]  # confirmed: signed


def test_the_form_never_scrolls_sideways_at_1024x700(qtbot, user_files):
    """A long option or section title made the page wider than its place: half of each
    question was behind a sideways scroll bar."""
    window = open_window(qtbot, user_files)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] < 700, timeout=LIMIT_MS)
    for index in range(window.form.pages.count()):
        window.form.go_to(index)
        page = window.form.pages.currentWidget()
        qtbot.waitUntil(lambda p=page: p.widget().width() <= p.viewport().width(), timeout=LIMIT_MS)
        assert page.horizontalScrollBar().maximum() == 0


def test_the_rules_dialog_fits_the_screen(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.show_pack_rules()
    room = window.screen().availableGeometry()
    dialog = window.pack_rules
    assert dialog.width() <= room.width() and dialog.height() <= room.height()


def test_ctrl_1_to_4_show_the_four_tabs_and_the_calendar_button_says_so_in_words(qtbot, user_files):
    window = open_window(qtbot, user_files)
    wanted = {"Ctrl+1": window.tabs.widget(0), "Ctrl+2": window.register,
              "Ctrl+3": window.reviews, "Ctrl+4": window.portfolio}
    by_key = {a.shortcut().toString(): a for a in window.actions_by_name.values()}
    for key, tab in wanted.items():
        by_key[key].trigger()
        assert window.tabs.currentWidget() is tab, key
    window.tabs.setCurrentIndex(0)
    calendar = window.form.rows["org.review_date"].input.calendar
    assert calendar.text() == "Calendar"  # the emoji it showed is in no bundled font: a box
