"""The decision dialog is as tall as what it asks: recording a hire asks for a justification
and a name, and at a fixed 720 points the dialog was two-thirds blank under greyed-out
conditions and a review date the record leaves out."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from tests.desktop.test_desktop_panel_fit import styled  # noqa: F401 (a fixture)
from tests.desktop.test_desktop_window_fit import settle_layout, window_at
from tests.desktop_support import example_answers, fill, settle

LEARNER = {"candidate.digital_years": 0, "candidate.mvp_delivery": "never"}  # hire, as the article


def _dialog(qtbot, user_files, **changes):
    window = window_at(qtbot, user_files)
    fill(qtbot, window, {**example_answers(), **changes})
    settle(qtbot, window)
    window.record_decision()
    dialog = window.register.decision_dialog
    qtbot.waitUntil(dialog.isVisible)
    settle_layout(qtbot, dialog)
    return dialog


def _blank_under_last_field(dialog) -> int:
    """Points between the last field asked and the buttons."""
    last = dialog.recorded_by
    bottom = last.mapTo(dialog, QPoint(0, last.height())).y()
    return dialog.ok.mapTo(dialog, QPoint(0, 0)).y() - bottom


def _all_in_view(dialog, widgets) -> bool:
    view = dialog.scroll.viewport()
    return all(view.rect().contains(w.mapTo(view, QPoint(0, w.height() - 1))) for w in widgets)


def test_a_hire_shows_only_what_its_record_holds_and_no_blank_half(qtbot, user_files, styled):
    dialog = _dialog(qtbot, user_files, **LEARNER)
    assert dialog.decision.currentData() == "hire_external"
    assert dialog.justification.isVisible() and dialog.recorded_by.isVisible()
    assert not dialog.conditions.isVisible() and not dialog.review_date.isVisible()
    assert not dialog.plan.isVisible()
    assert _blank_under_last_field(dialog) < 3 * dialog.recorded_by.height()


def test_choosing_coaching_instead_shows_its_conditions_and_review_date_whole(qtbot, user_files,
                                                                           styled):
    dialog = _dialog(qtbot, user_files, **LEARNER)
    short = dialog.height()
    dialog.decision.setCurrentIndex(dialog.decision.findData("coach"))
    settle_layout(qtbot, dialog)
    assert dialog.need_why.isVisible() and dialog.conditions.isVisible()
    assert dialog.review_date.isVisible() and dialog.height() > short
    assert _all_in_view(dialog, [dialog.need_why, dialog.conditions, dialog.review_date,
                                 dialog.recorded_by])
    dialog.decision.setCurrentIndex(dialog.decision.findData("hire_external"))
    settle_layout(qtbot, dialog)
    assert not dialog.conditions.isVisible() and dialog.height() == short


def test_a_coached_appointment_with_its_plan_still_fits_the_screen(qtbot, user_files, styled):
    dialog = _dialog(qtbot, user_files)
    assert dialog.decision.currentData() == "coach" and dialog.plan.isVisible()
    room = dialog.screen().availableGeometry()
    assert dialog.height() <= min(720, room.height())
    assert _all_in_view(dialog, [dialog.decision, dialog.justification, dialog.conditions])
