"""On a small screen (1024x700 at 150%: 683x467 points) the step list gives its room to the
questions; Previous and Next went one section at a time and no control went straight to
one. The section's title is then a choice of every section, which the keyboard reaches by
Tab, by Go > Section… (Ctrl+G) and opens with Up or Down."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.test_desktop_keyboard import _active
from tests.desktop.test_desktop_panel_fit import styled  # noqa: F401 (a fixture)
from tests.desktop.test_desktop_small_screen import SMALL, _small_window
from tests.desktop.test_desktop_window_fit import settle_layout
from tests.desktop_support import LIMIT_MS, example_answers, fill, settle


def _first_field(form):
    page = form.pages.currentWidget()
    return next(r.input.editor for r in page.rows.values() if not r.isHidden())


def test_ctrl_g_opens_every_section_and_enter_goes_to_the_one_chosen(qtbot, user_files, styled):
    window = _active(qtbot, _small_window(qtbot, user_files))
    form, choice = window.form, window.form.section_choice
    assert form.compact and choice.isVisible() and not form.steps.isVisible()
    titles = [s.title for s in form.questionnaire.sections]
    assert [choice.itemText(i) for i in range(choice.count())] == titles
    assert not form.pages.currentWidget().title.isVisible()  # said once, by the choice
    _first_field(form).setFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(choice.view().isVisible, timeout=LIMIT_MS)
    assert window.focusWidget() is choice
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return):
        qtbot.keyClick(choice.view(), key)
    qtbot.waitUntil(lambda: form.current_section() == 2, timeout=LIMIT_MS)
    assert not choice.view().isVisible() and choice.currentText() == titles[2]
    assert _first_field(form).hasFocus()  # where a person carries on
    assert form.step_label.text() == f"Section 3 of {len(titles)}"


def test_tab_reaches_the_section_choice_and_it_follows_previous_and_next(qtbot, user_files, styled):
    window = _active(qtbot, _small_window(qtbot, user_files))
    form, choice = window.form, window.form.section_choice
    first = _first_field(form)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus, timeout=LIMIT_MS)
    qtbot.keyClick(first, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.focusWidget() is choice
    qtbot.keyClick(choice, Qt.Key.Key_Tab)
    assert window.focusWidget() is first
    qtbot.mouseClick(form.next, Qt.MouseButton.LeftButton)
    assert choice.currentIndex() == 1 == form.current_section()


def test_a_section_answered_in_full_is_marked_in_the_choice_as_in_the_step_list(qtbot, user_files):
    window = _small_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    choice, steps = window.form.section_choice, window.form.steps
    for i in range(choice.count()):
        assert steps.item(i).text().startswith(choice.itemText(i))
        assert choice.itemText(i).startswith("✓ ")


def test_on_a_larger_window_ctrl_g_goes_to_the_step_list(qtbot, user_files, styled):
    window = _active(qtbot, _small_window(qtbot, user_files))
    window.resize(1024, 700)
    settle_layout(qtbot, window)
    form = window.form
    assert not form.compact and not form.section_choice.isVisible()
    assert form.pages.currentWidget().title.isVisible()
    _first_field(form).setFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert form.steps.hasFocus()
    assert SMALL == (683, 467)
