"""Record, sign, correct and list decisions through the window; PDF and CSV as real files."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from leadfit.desktop.register_model import CANDIDATE, DECISION, PACK, STATUS
from leadfit.rules.model.library import default_pack
from tests.desktop_support import LIMIT_MS, example_answers, fill, open_window, settle


def filled_window(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    return window


def record_coach_decision(qtbot, window):
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    assert dialog.isVisible() and dialog.decision.currentData() == "coach"  # the recommendation
    assert dialog.review_date.text() == "2027-02-01"  # from the case
    for other in ("appoint", "hire_external"):  # only coach takes conditions: the core's rule
        dialog.decision.setCurrentIndex(dialog.decision.findData(other))
        assert not dialog.conditions.isEnabled() and not dialog.review_date.isEnabled()
    dialog.decision.setCurrentIndex(dialog.decision.findData("coach"))
    assert dialog.conditions.isEnabled() and dialog.review_date.isEnabled()
    dialog.conditions.setPlainText("Monthly mentoring by the CPO")
    plan_step(dialog, "M5", "Sam Lee", "2027-01-15")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()          # one step given is no plan for the other five
    dialog.plan.later.setChecked(True)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    return window.register.record_dialog


def plan_step(dialog, step: str, owner: str, due: str) -> None:
    dialog.plan.owners[step].setText(owner)
    dialog.plan.dues[step].setText(due)


def sign(qtbot, dialog, name: str, role: str) -> None:
    dialog.name.setText(name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    qtbot.mouseClick(dialog.sign, Qt.MouseButton.LeftButton)


def register_cells(window, column: int) -> list[str]:
    proxy = window.register.view.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_sign_off_flow_creates_a_signed_record_the_register_shows(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    record = record_coach_decision(qtbot, window)
    assert record.isVisible() and record.signing.isVisible()
    sign(qtbot, record, "Sam Lee", "decision_maker")
    assert "Sam Lee" in record.text.toPlainText() and record.signing.isVisible()
    sign(qtbot, record, "Ana Ruiz", "hr")
    assert record.record.status == "signed"
    assert not record.signing.isVisible()  # signed: read-only
    record.accept()
    window.tabs.setCurrentIndex(1)
    assert register_cells(window, CANDIDATE) == ["Alex Morgan"]
    assert register_cells(window, STATUS) == ["signed"]
    assert register_cells(window, DECISION) == ["Appoint with coaching"]
    default = default_pack()  # the bundled default, as the pack bar says it: "default 2.9"
    assert register_cells(window, PACK) == [f"{default.name} {default.version}"]


def test_a_decision_that_differs_needs_a_justification(qtbot, user_files, no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    dialog.decision.setCurrentIndex(dialog.decision.findData("appoint"))
    assert dialog.need_why.isVisible() and not dialog.conditions.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused: the dialog stays open
    # said at the field, marked, with the focus in it: no box to read and close first
    error = dialog.errors["justification"]
    assert error.isVisibleTo(dialog) and "differs from the recommendation" in error.text()
    assert dialog.justification.property("invalid") and dialog.focusWidget() is dialog.justification
    assert no_modal_dialogs == []
    dialog.justification.setPlainText("An internal PD mentor is already in place.")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.register.record_dialog.record.decision.outcome == "appoint"


def test_correcting_a_signed_record_makes_a_new_version(qtbot, user_files, no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    record = record_coach_decision(qtbot, window)
    sign(qtbot, record, "Sam Lee", "decision_maker")
    sign(qtbot, record, "Ana Ruiz", "hr")
    first = record.record.ref
    qtbot.mouseClick(record.correct, Qt.MouseButton.LeftButton)
    fix = window.register.decision_dialog
    assert fix.conditions.toPlainText() == "Monthly mentoring by the CPO"
    fix.conditions.setPlainText("Weekly mentoring by the CPO")
    boxes = len(no_modal_dialogs)
    qtbot.mouseClick(fix.ok, Qt.MouseButton.LeftButton)
    assert fix.isVisible() and len(no_modal_dialogs) == boxes  # a correction needs a reason:
    assert "Say why this correction is made" in fix.errors["reason"].text()  # at its field
    assert fix.reason.property("invalid") and fix.errors["reason"].isVisibleTo(fix)
    fix.reason.setText("Mentoring cadence agreed with the CPO")
    qtbot.mouseClick(fix.ok, Qt.MouseButton.LeftButton)
    assert not fix.isVisible()
    current = window.register.record_dialog.record
    assert current.version == 2 and current.supersedes == first
    window.register.controller.refresh()
    assert sorted(register_cells(window, STATUS)) == ["awaiting sign-off", "superseded"]
    assert window.register.record_dialog.correct.isEnabled()  # the latest version
    window.register.open_record(first)  # the version it replaced is history: the core says so
    assert window.register.record_dialog.record.ref == first
    assert not window.register.record_dialog.correct.isEnabled()


def test_pdf_and_csv_from_the_window_are_real_files(qtbot, user_files, tmp_path, monkeypatch):
    window = filled_window(qtbot, user_files)
    record = record_coach_decision(qtbot, window)
    ref = record.record.ref
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    qtbot.mouseClick(record.open_pdf, Qt.MouseButton.LeftButton)
    assert opened and Path(opened[0].toLocalFile()).read_bytes()[:5] == b"%PDF-"
    record.accept()

    saved = tmp_path / "rationale.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), "")))
    window.tabs.setCurrentIndex(1)
    window.register.view.table.selectRow(0)
    qtbot.mouseClick(window.register.view.buttons["save_pdf"], Qt.MouseButton.LeftButton)
    assert saved.read_bytes().startswith(b"%PDF-") and saved.stat().st_size > 2000

    out = tmp_path / "register.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=LIMIT_MS)
    qtbot.keyClick(window.register.view.table, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [(r["ref"], r["candidate"], r["outcome"]) for r in rows] == [(ref, "Alex Morgan", "coach")]


def test_register_filters_and_sorts(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    record_coach_decision(qtbot, window).accept()
    answer_rows = example_answers() | {"candidate.name": "Blake Chen", "candidate.digital_years": 0,
                                       "candidate.mvp_delivery": "never"}
    fill(qtbot, window, answer_rows)
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    window.register.decision_dialog.plan.later.setChecked(True)
    qtbot.mouseClick(window.register.decision_dialog.ok, Qt.MouseButton.LeftButton)
    window.register.record_dialog.accept()
    view = window.register.view
    window.tabs.setCurrentIndex(1)
    assert sorted(register_cells(window, CANDIDATE)) == ["Alex Morgan", "Blake Chen"]
    view.search.setText("blake")
    assert register_cells(window, CANDIDATE) == ["Blake Chen"]
    view.search.clear()
    view.table.sortByColumn(CANDIDATE, Qt.SortOrder.AscendingOrder)
    assert register_cells(window, CANDIDATE) == ["Alex Morgan", "Blake Chen"]
    view.status.setCurrentIndex(view.status.findData("signed"))
    assert register_cells(window, CANDIDATE) == []
    model = view.model
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == 0
    view.status.setCurrentIndex(0)  # any status: both again
    assert sorted(register_cells(window, CANDIDATE)) == ["Alex Morgan", "Blake Chen"]
    assert model.headerData(CANDIDATE, Qt.Orientation.Horizontal) == "Candidate"


def test_the_register_filter_finds_records_beyond_the_loaded_page(qtbot, user_files,
                                                                   monkeypatch):
    """The filter asks the register, so a match older than the listed page is found
    without loading every record (issue 10: 52-60 s at 100,000 when it loaded them)."""
    import leadfit.desktop.decision_controller as controller
    import leadfit.desktop.register_model as register_model
    window = filled_window(qtbot, user_files)
    record_coach_decision(qtbot, window).accept()
    fill(qtbot, window, example_answers() | {"candidate.name": "Blake Chen",
                                             "candidate.digital_years": 0,
                                             "candidate.mvp_delivery": "never"})
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    window.register.decision_dialog.plan.later.setChecked(True)
    qtbot.mouseClick(window.register.decision_dialog.ok, Qt.MouseButton.LeftButton)
    window.register.record_dialog.accept()
    monkeypatch.setattr(controller, "PAGE", 1)
    monkeypatch.setattr(register_model, "PAGE", 1)
    window.tabs.setCurrentIndex(1)
    view = window.register.view
    window.register.controller.refresh()
    assert register_cells(window, CANDIDATE) == ["Blake Chen"]  # one page of one row
    view.search.setText("ALEX")
    assert register_cells(window, CANDIDATE) == ["Alex Morgan"]
    assert view.model.rowCount() == 1
    view.search.setText("with coaching")  # the outcome's title, as the table shows it
    assert register_cells(window, CANDIDATE) == ["Alex Morgan"]
    view.search.setText("nobody of that name")
    assert register_cells(window, CANDIDATE) == [] and not view.model.canFetchMore()


def test_user_text_in_a_record_is_shown_literally(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    hostile = '<b>bold</b> & <img src="/etc/passwd"> x<y <a href="javascript:alert(1)">go</a>'
    dialog.conditions.setPlainText(hostile)
    dialog.plan.later.setChecked(True)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    shown = window.register.record_dialog.text.toPlainText()
    assert hostile in shown


def test_an_unassigned_plan_step_reads_to_be_agreed(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    dialog.conditions.setPlainText("Monthly coaching with the CPO")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()                     # every step 'to be agreed': refused
    plan_step(dialog, "M5", "Sam Lee", "")
    dialog.plan.later.setChecked(True)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    shown = window.register.record_dialog.text.toPlainText()
    assert "Induction: Sam Lee, date to be agreed by 1 February 2027" in shown
    assert "Peer exposure: owner and date to be agreed by 1 February 2027" in shown
    assert "Fail fast: already set" in shown  # its words say the review is set: nothing to agree
    assert "by to be agreed" not in shown
    assert "Decision maker" in shown


def test_a_record_opens_from_the_register(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    ref = record_coach_decision(qtbot, window).record.ref
    window.register.record_dialog.accept()
    window.tabs.setCurrentIndex(1)
    view = window.register.view
    view.table.selectRow(0)
    qtbot.mouseClick(view.buttons["open"], Qt.MouseButton.LeftButton)
    dialog = window.register.record_dialog
    assert dialog.isVisible() and dialog.record.ref == ref
    assert "Alex Morgan" in dialog.text.toPlainText()
    dialog.accept()


def test_the_register_pages_and_a_filter_sees_every_page(qtbot, user_files, monkeypatch):
    """A big register opens on its newest page; scrolling fetches more; a filter asks the
    register, which finds a match on any page and lists only the matches."""
    from leadfit.desktop import decision_controller, register_model
    from tests.decisions_support import decide_coach
    monkeypatch.setattr(decision_controller, "PAGE", 2)
    monkeypatch.setattr(register_model, "PAGE", 2)
    window = open_window(qtbot, user_files)
    controller = window.register.controller
    refs = [decide_coach(controller.register, again=True).ref for _ in range(5)]
    first = refs[0]
    window.tabs.setCurrentIndex(1)
    model, view = window.register.view.model, window.register.view
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 4
    view.search.setText(first)  # the oldest record: only on the last page
    assert model.rowCount() == 1 and register_cells(window, 0) == [first]


def test_a_correction_that_changes_nothing_is_refused_in_words(qtbot, user_files, no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    record = record_coach_decision(qtbot, window)
    sign(qtbot, record, "Sam Lee", "decision_maker")
    sign(qtbot, record, "Ana Ruiz", "hr")
    qtbot.mouseClick(record.correct, Qt.MouseButton.LeftButton)
    fix = window.register.decision_dialog
    fix.reason.setText("Just checking")
    qtbot.mouseClick(fix.ok, Qt.MouseButton.LeftButton)
    assert fix.isVisible() and "changes nothing" in no_modal_dialogs[-1][1]
    window.register.controller.refresh()
    assert register_cells(window, STATUS) == ["signed"]


def test_appointing_against_coaching_in_the_window_keeps_no_coaching_plan(qtbot, user_files,
                                                                           no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    dialog.decision.setCurrentIndex(dialog.decision.findData("appoint"))
    assert ("Appointed without conditions, the coaching plan and its fail-fast review are left"
            " out of the record.") in dialog.need_why.text()
    # the plan the record drops is not asked (hH item 2): hidden, and nothing typed is sent
    assert not dialog.plan.isVisible() and not dialog.plan.isEnabled()
    assert not dialog.review_date.isVisible() and not dialog.conditions.isVisible()
    plan_step(dialog, "M7", "Sam Lee", "2027-01-15")
    assert dialog.choice().plan == {} and dialog.choice().plan_later is False
    dialog.decision.setCurrentIndex(dialog.decision.findData("coach"))  # asked again, as typed
    assert dialog.plan.isVisible() and dialog.choice().plan == {"M7": ("Sam Lee", "2027-01-15")}
    dialog.decision.setCurrentIndex(dialog.decision.findData("appoint"))
    dialog.justification.setPlainText("The board judged them ready.")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    decision = window.register.record_dialog.record.decision
    assert (decision.plan, decision.review_date) == ([], None)
    assert any("Appointing without conditions has no coaching" in text
               for _kind, text in no_modal_dialogs)
    assert "Sam Lee" not in window.register.record_dialog.text.toPlainText()


def test_a_row_deleted_outside_leadfit_is_named_by_every_tab(qtbot, user_files):
    """The tester's `delete from decision_records ...`: nothing to mark in a table, so each
    tab that lists records (Register, Reviews, Portfolio) says so above it."""
    import sqlite3

    from leadfit.decisions.register import open_register
    from tests.portfolio_support import fill as fill_register

    user_files.mkdir(parents=True, exist_ok=True)
    db = user_files / "register.sqlite3"
    with open_register(f"sqlite:///{db}") as reg:
        fill_register(reg)
    window = open_window(qtbot, user_files)
    window.tabs.setCurrentIndex(1)
    assert not window.register.view.altered.isVisible()
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM decision_records WHERE record_id='LF-2026-0002'")
    conn.close()
    window.register.controller.refresh()
    banner = window.register.view.altered
    assert banner.isVisible()
    assert banner.text().startswith("1 record named in the audit trail is missing from the"
                                    " register")
    assert "Check the register" in banner.text()
    window.reviews.controller.refresh()
    assert window.reviews.summary.text().startswith("1 record named in the audit trail is"
                                                    " missing from the register: run a register"
                                                    " check")
    window.tabs.setCurrentWidget(window.portfolio)
    qtbot.mouseClick(window.portfolio.refresh_button, Qt.MouseButton.LeftButton)
    details = window.portfolio.details
    assert details.isVisible() and "1 record named in the audit trail is missing" in details.text()


def test_a_register_cell_cut_short_says_all_of_it_on_hover(qtbot, user_files):
    from leadfit.desktop.register_model import DATE
    window = filled_window(qtbot, user_files)
    record_coach_decision(qtbot, window).accept()
    window.resize(1024, 700)
    window.tabs.setCurrentIndex(1)
    table, proxy = window.register.view.table, window.register.view.proxy
    decision = proxy.index(0, DECISION)
    assert decision.data(Qt.ItemDataRole.ToolTipRole) == "Appoint with coaching"
    date_text = proxy.index(0, DATE).data()
    assert table.wordWrap()  # the day and the time each whole, the time under the day
    for part in date_text.split():
        assert table.fontMetrics().horizontalAdvance(part) < table.columnWidth(DATE) - 8
