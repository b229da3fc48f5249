"""Issue 13 in the window: signing is deliberate, a repeat warns, a record can be
withdrawn or corrected (answers and plan too), one altered record hides nothing."""

from __future__ import annotations

import getpass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from leadfit.desktop.register_model import ALTERED, CANDIDATE, STATUS
from tests.decisions_support import tamper
from tests.desktop.test_desktop_decisions import (
    filled_window,
    plan_step,
    record_coach_decision,
    register_cells,
)
from tests.desktop_support import answer, settle


def _refuse_questions(monkeypatch, asked: list) -> None:
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel))


def test_enter_in_a_name_field_never_signs_and_no_button_is_the_default(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    dialog = record_coach_decision(qtbot, window)
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.findChildren(QPushButton))
    dialog.name.setText("Sam Lee")
    dialog.name.setFocus()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.statement, Qt.Key.Key_Enter)
    assert dialog.record.signoffs == [] and dialog.isVisible()


def test_signing_asks_naming_the_role_and_cancel_signs_nothing(qtbot, user_files, monkeypatch,
                                                                no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    dialog = record_coach_decision(qtbot, window)
    asked: list = []
    _refuse_questions(monkeypatch, asked)
    dialog.name.setText("Sam Lee")
    dialog.role.setCurrentIndex(dialog.role.findData("hr"))
    qtbot.mouseClick(dialog.sign, Qt.MouseButton.LeftButton)
    assert "as HR" in asked[-1] and "cannot be undone" in asked[-1]
    assert window.register.controller.record(dialog.record.ref).signoffs == []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(dialog.sign, Qt.MouseButton.LeftButton)   # confirmed this time
    signed = window.register.controller.record(dialog.record.ref)
    assert [(s.name, s.role, s.account) for s in signed.signoffs] == [
        ("Sam Lee", "hr", getpass.getuser())]
    assert f"computer account {getpass.getuser()}" in dialog.text.toPlainText()


def test_recorded_by_is_kept_with_the_account(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    dialog.recorded_by.setText("Rae Recorder")
    dialog.conditions.setPlainText("Monthly mentoring")
    plan_step(dialog, "M5", "Sam Lee", "2027-01-15")
    dialog.plan.later.setChecked(True)
    qtbot.keyClick(dialog.justification, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    record = window.register.record_dialog.record
    assert (record.recorded_by, record.recorded_account) == ("Rae Recorder", getpass.getuser())
    assert "Rae Recorder (computer account" in window.register.record_dialog.text.toPlainText()


def test_enter_never_records_and_ctrl_enter_does(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    dialog.conditions.setPlainText("Monthly mentoring")
    plan_step(dialog, "M5", "Sam Lee", "2027-01-15")
    dialog.plan.later.setChecked(True)
    qtbot.keyClick(dialog.recorded_by, Qt.Key.Key_Return)
    assert dialog.isVisible() and window.register.record_dialog is None
    qtbot.keyClick(dialog.recorded_by, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible() and window.register.record_dialog.isVisible()


def test_the_decision_dialog_shows_outcome_titles_not_keys(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    items = [dialog.decision.itemText(i) for i in range(dialog.decision.count())]
    assert items and not any("hire_external" in t or "(coach)" in t for t in items)
    assert "Hire an experienced Product Director" in " ".join(items)


def test_recording_the_same_case_again_warns_and_can_be_cancelled(qtbot, user_files,
                                                                  monkeypatch):
    window = filled_window(qtbot, user_files)
    ref = record_coach_decision(qtbot, window).record.ref
    window.register.record_dialog.accept()
    asked: list = []
    _refuse_questions(monkeypatch, asked)
    window.register.decision_dialog = None
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    assert f"already recorded as {ref}" in asked[-1]
    assert window.register.decision_dialog is None


def test_a_record_awaiting_signoff_is_withdrawn_from_the_window(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    dialog = record_coach_decision(qtbot, window)
    assert not dialog.withdraw.isVisibleTo(dialog)      # folded away until asked for
    dialog.withdrawing.setChecked(True)
    dialog.withdraw_reason.setText("The candidate declined")
    dialog.withdraw_name.setText("Rae Recorder")
    qtbot.mouseClick(dialog.withdraw, Qt.MouseButton.LeftButton)
    assert dialog.record.status == "withdrawn" and not dialog.signing.isVisible()
    assert "WITHDRAWN" in dialog.text.toPlainText()
    window.tabs.setCurrentIndex(1)
    assert register_cells(window, STATUS) == ["withdrawn"]


def test_a_correction_in_the_window_takes_new_answers_and_plan(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    record = record_coach_decision(qtbot, window)
    ref = record.record.ref
    window.tabs.setCurrentIndex(0)
    answer(qtbot, window, "candidate.current_role", "Head of Digital Lending")
    settle(qtbot, window)
    qtbot.mouseClick(record.correct, Qt.MouseButton.LeftButton)
    fix = window.register.decision_dialog
    fix.reason.setText("Role was wrong")
    fix.use_case.setChecked(True)
    plan_step(fix, "M6", "Kim Park", "2027-02-01")
    qtbot.mouseClick(fix.ok, Qt.MouseButton.LeftButton)
    new = window.register.controller.record(ref.split("@")[0])
    assert new.version == 2 and new.answers["candidate.current_role"] == "Head of Digital Lending"
    planned = {p.id: (p.owner, p.due) for p in new.decision.plan}
    assert planned["M6"] == ("Kim Park", "2027-02-01") and planned["M5"] == ("Sam Lee", "2027-01-15")


def test_a_correction_to_hiring_externally_drops_the_plan_and_says_so(qtbot, user_files,
                                                                     no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    record = record_coach_decision(qtbot, window)
    qtbot.mouseClick(record.correct, Qt.MouseButton.LeftButton)
    fix = window.register.decision_dialog
    fix.decision.setCurrentIndex(fix.decision.findData("hire_external"))
    assert not fix.plan.isVisible() and not fix.review_date.isEnabled()  # no owners asked for
    assert fix.need_why.wordWrap()  # the long line wraps instead of widening the dialog
    fix.justification.setPlainText("Budget approved")
    fix.reason.setText("An external hire became possible")
    qtbot.mouseClick(fix.ok, Qt.MouseButton.LeftButton)
    new = window.register.record_dialog.record
    assert new.decision.plan == [] and new.decision.review_date is None
    assert any("coaching plan" in text and "dropped" in text for _kind, text in no_modal_dialogs)


def _two_recorded(qtbot, user_files):
    """Alex Morgan and Blake Chen ('Fortnightly review') recorded from the window."""
    window = filled_window(qtbot, user_files)
    record_coach_decision(qtbot, window).accept()
    answer(qtbot, window, "candidate.name", "Blake Chen")
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    dialog.conditions.setPlainText("Fortnightly review")
    dialog.plan.later.setChecked(True)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    window.register.record_dialog.accept()
    return window


def test_one_altered_record_is_marked_and_the_others_still_listed(qtbot, user_files,
                                                                 no_modal_dialogs):
    window = _two_recorded(qtbot, user_files)
    tamper(str(user_files / "register.sqlite3"), "Fortnightly review", "No review", rehash=True)
    window.tabs.setCurrentIndex(1)
    window.register.controller.refresh()
    # the altered row is listed by its reference only: a forged name is never shown as genuine
    assert sorted(register_cells(window, CANDIDATE)) == ["", "Alex Morgan"]
    statuses = dict(zip(register_cells(window, CANDIDATE), register_cells(window, STATUS)))
    assert statuses == {"": ALTERED, "Alex Morgan": "awaiting sign-off"}
    view = window.register.view
    assert view.altered.isVisible() and "Check the register" in view.altered.text()
    qtbot.mouseClick(view.buttons["verify"], Qt.MouseButton.LeftButton)
    kind, text = no_modal_dialogs[-1]
    assert "changed outside LeadFit" in text and "altered" in text


def test_a_text_edit_the_list_cannot_see_is_marked_once_the_check_names_it(
        qtbot, user_files, no_modal_dialogs):
    """fresh-eyes F15: a page of the list reads no text (schema 11), so a record's text
    edited with its hash left as it was lists as written; after Check the register names
    it, the table marks that row too, not only the message box."""
    window = _two_recorded(qtbot, user_files)
    tamper(str(user_files / "register.sqlite3"), "Fortnightly review", "No review")
    window.tabs.setCurrentIndex(1)
    window.register.controller.refresh()
    assert ALTERED not in register_cells(window, STATUS)  # what the list alone can see
    view = window.register.view
    qtbot.mouseClick(view.buttons["verify"], Qt.MouseButton.LeftButton)
    assert "altered" in no_modal_dialogs[-1][1]
    # its columns are still the sealed ones (the list checked them), so its name stays
    statuses = dict(zip(register_cells(window, CANDIDATE), register_cells(window, STATUS)))
    assert statuses == {"Blake Chen": ALTERED, "Alex Morgan": "awaiting sign-off"}
    assert view.altered.isVisible() and "marked in red" in view.altered.text()


def test_verify_from_the_window_says_the_register_is_intact_in_words(qtbot, user_files,
                                                                   no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    record_coach_decision(qtbot, window).accept()
    window.actions_by_name["verify"].trigger()
    assert no_modal_dialogs[-1] == ("information", "Nothing in the register was changed outside"
                                    " LeadFit (1 record version and 1 audit entry checked).")


def test_enter_opens_the_selected_register_row(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    ref = record_coach_decision(qtbot, window).record.ref
    window.register.record_dialog.accept()
    window.tabs.setCurrentIndex(1)
    table = window.register.view.table
    table.setFocus()
    table.selectRow(0)
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.register.record_dialog.isVisible()
    assert window.register.record_dialog.record.ref == ref


def test_open_pdf_twice_and_save_over_a_file_the_dialog_confirmed(qtbot, user_files, tmp_path):
    window = filled_window(qtbot, user_files)
    ref = record_coach_decision(qtbot, window).record.ref
    controller = window.register.controller
    window.register.open_file = lambda path: None
    first, again = controller.open_pdf(ref), controller.open_pdf(ref)
    assert first == again and again.read_bytes().startswith(b"%PDF")
    target = tmp_path / "chosen.pdf"
    target.write_bytes(b"old")
    assert controller.save_pdf(ref, target) == target
    assert target.read_bytes().startswith(b"%PDF")
