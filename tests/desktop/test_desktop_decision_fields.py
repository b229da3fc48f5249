"""The decision and review dialogs refuse what the record cannot take at the field it is
about: marked in red, said in plain words under it, every one at once, nothing written;
and nothing is recorded by nobody (the command line refuses it too)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from leadfit.desktop.decision_checks import NAME_NEEDED
from tests.desktop.test_desktop_decisions import plan_step
from tests.desktop.test_desktop_reviews import register_with_due, review_dialog  # noqa: F401
from tests.desktop_support import LIMIT_MS, example_answers, fill, open_window, settle


def _coach_dialog(qtbot, user_files, recorder: str):
    window = open_window(qtbot, user_files, recorder=recorder)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    dialog.conditions.setPlainText("Monthly mentoring by the CPO")
    dialog.plan.later.setChecked(True)
    return window, dialog


def _records(window) -> int:
    return len(window.register.controller.page(0, None))


def _marked(dialog) -> set[str]:
    return {key for key, field in dialog.fields.items()
            if (getattr(field, "edit", field)).property("invalid")}


def test_a_decision_recorded_by_nobody_is_refused_at_the_name(qtbot, user_files, no_modal_dialogs):
    window, dialog = _coach_dialog(qtbot, user_files, recorder="")
    for blank in ("", "   "):
        dialog.recorded_by.setText(blank)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and _marked(dialog) == {"recorded_by"}
        error = dialog.errors["recorded_by"]
        assert error.isVisibleTo(dialog) and error.text() == NAME_NEEDED
        assert "--" not in error.text()
        assert dialog.focusWidget() is dialog.recorded_by
    assert no_modal_dialogs == [] and _records(window) == 0
    dialog.recorded_by.setText("  Rae   Recorder ")
    assert _marked(dialog) == set() and not dialog.errors["recorded_by"].isVisibleTo(dialog)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and _records(window) == 1
    assert window.register.record_dialog.record.recorded_by == "Rae Recorder"
    assert window.register.recorded_by == "Rae Recorder"  # offered again next time


def test_a_correction_recorded_by_nobody_is_refused_at_the_name(qtbot, user_files):
    window, dialog = _coach_dialog(qtbot, user_files, recorder="Rae Recorder")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    record = window.register.record_dialog
    qtbot.mouseClick(record.correct, Qt.MouseButton.LeftButton)
    fix = window.register.decision_dialog
    assert fix.recorded_by.text() == "Rae Recorder"
    fix.recorded_by.clear()
    fix.reason.setText("Mentoring is weekly")
    fix.conditions.setPlainText("Weekly mentoring by the CPO")
    qtbot.mouseClick(fix.ok, Qt.MouseButton.LeftButton)
    assert fix.isVisible() and _marked(fix) == {"recorded_by"}
    assert window.register.controller.versions("LF-2026-0001") == 1


def test_every_bad_field_is_marked_at_once_in_words(qtbot, user_files, no_modal_dialogs):
    window, dialog = _coach_dialog(qtbot, user_files, recorder="")
    dialog.conditions.clear()
    dialog.review_date.setText("soon")
    dialog.plan.later.setChecked(False)
    plan_step(dialog, "M5", "Sam Lee", "next week")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and no_modal_dialogs == [] and _records(window) == 0
    assert _marked(dialog) == {"conditions", "review", "recorded_by"}
    assert dialog.errors["review"].text().startswith("'soon' is not a date")
    plan = dialog.plan
    assert plan.dues["M5"].edit.property("invalid") and not plan.owners["M5"].property("invalid")
    assert all(plan.owners[s].property("invalid") for s in plan.owners if s != "M5")
    said = plan.plan_error.text()
    assert "'next week' is not a date" in said and "Not given yet: Peer exposure" in said
    shown = [dialog.errors[k].text() for k in dialog.errors] + [said]
    assert not any(code in text for text in shown for code in ("M5", "M6", "--", "YYYY", "coach"))
    # put right one by one: only what is still wrong stays marked
    dialog.conditions.setPlainText("Monthly mentoring by the CPO")
    dialog.review_date.setText("2027-02-01")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert _marked(dialog) == {"recorded_by"} and not dialog.errors["review"].isVisibleTo(dialog)
    dialog.recorded_by.setText("Rae Recorder")
    plan_step(dialog, "M5", "Sam Lee", "2027-01-15")
    assert not plan.dues["M5"].edit.property("invalid")  # unmarked as it is put right
    plan.later.setChecked(True)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and _records(window) == 1


def test_a_review_recorded_by_nobody_is_refused_at_the_name(qtbot, user_files,
                                                           register_with_due):  # noqa: F811
    db, _home, _claims = register_with_due
    window, dialog = review_dialog(qtbot, user_files, db)
    written = []
    dialog._submit = lambda verdict, asked: written.append(asked) or None
    dialog.recorded_by.setText("  ")
    dialog.record_button.click()
    assert dialog.isVisible() and written == []
    assert dialog.name_error.isVisibleTo(dialog) and dialog.name_error.text() == NAME_NEEDED
    assert dialog.recorded_by.property("invalid")
    dialog.recorded_by.setText("Harper Hr")
    assert not dialog.recorded_by.property("invalid")  # cleared as the name is typed
    dialog.record_button.click()
    assert written and written[0]["recorded_by"] == "Harper Hr"
