"""A coached plan's steps left blank are deferred to a date the window asks for, as the
command line's --plan-later DATE: checked in words, stored on each step, said once."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from tests.desktop.test_desktop_decisions import filled_window, plan_step


def _coach_dialog(qtbot, window):
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    dialog.conditions.setPlainText("Monthly mentoring by the CPO")
    plan_step(dialog, "M5", "Sam Lee", "2027-01-15")
    return dialog


def _records(window) -> int:
    return len(window.register.controller.page(0, None))


def test_the_date_the_steps_are_agreed_by_is_asked_and_stored_on_each_step(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    dialog = _coach_dialog(qtbot, window)
    agree_by = dialog.plan.agree_by
    assert not agree_by.isEnabled()                 # asked once the steps are deferred
    dialog.plan.later.setChecked(True)
    assert agree_by.isEnabled() and agree_by.text() == "2027-02-01"  # the review, at the latest
    agree_by.setText("2027-01-20")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    record = window.register.record_dialog.record
    deferred = [p for p in record.decision.plan if not p.given]
    assert deferred and {p.agree_by for p in deferred} == {"2027-01-20"}
    shown = window.register.record_dialog.text.toPlainText()
    # each deferred step says when, except one its words say is done (the review is set) and
    # the load plan, whose successor and date the answers agreed
    assert shown.count("to be agreed by 20 January 2027") == len(deferred) - 2
    assert "Fail fast: already set" in shown
    assert "Lighten the load: Jo Patel takes over the rest, by 1 April 2027" in shown
    assert "after sign-off" not in shown            # each step says when: no note repeating it


def test_the_deferral_date_follows_the_review_date_until_one_of_its_own_is_set(qtbot,
                                                                               user_files):
    window = filled_window(qtbot, user_files)
    dialog = _coach_dialog(qtbot, window)
    dialog.plan.later.setChecked(True)
    dialog.review_date.setText("2027-03-01")
    assert dialog.plan.agree_by.text() == "2027-03-01"
    dialog.plan.agree_by.setText("2027-02-10")
    dialog.review_date.setText("2027-03-15")
    assert dialog.plan.agree_by.text() == "2027-02-10"


def test_a_past_or_unreadable_deferral_date_is_refused_in_words_and_nothing_is_written(
        qtbot, user_files, no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    dialog = _coach_dialog(qtbot, window)
    dialog.plan.later.setChecked(True)
    yesterday = date.today() - timedelta(days=1)
    for typed, words in ((yesterday.isoformat(), f"{yesterday.day} {yesterday:%B %Y}"),
                         ("next week", "'next week' is not a date"), ("", "Say by when")):
        dialog.plan.agree_by.setText(typed)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        error = dialog.plan.later_error
        assert dialog.isVisible() and error.isVisibleTo(dialog) and words in error.text()
        assert "YYYY" not in error.text() and "--" not in error.text()
    assert _records(window) == 0 and no_modal_dialogs == []
    dialog.plan.agree_by.setText("2027-01-20")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and _records(window) == 1


def test_a_deferral_date_after_the_review_is_refused_by_the_core_in_words(qtbot, user_files,
                                                                           no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    dialog = _coach_dialog(qtbot, window)
    dialog.plan.later.setChecked(True)
    dialog.plan.agree_by.setText("2027-06-30")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and _records(window) == 0
    said = "\n".join(text for _, text in no_modal_dialogs)
    assert "30 June 2027" in said and "1 February 2027" in said
    assert "2027-" not in said and "org." not in said and "--" not in said
