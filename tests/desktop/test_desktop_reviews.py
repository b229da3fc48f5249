"""Fail-fast reviews in the window: it says on start how many are overdue, lists them,
and conducts a review that is recorded as its own record (the clock injected)."""

from __future__ import annotations

from datetime import date

import pytest

from leadfit.decisions import review_service, service
from leadfit.decisions.register import open_register
from tests.decisions_support import case_with, decide_coach, sign_all
from tests.desktop_support import LIMIT_MS, wait_settled
from tests.desktop.test_desktop_panel_fit import styled  # noqa: F401 (a fixture)

TODAY = date(2027, 2, 5)


@pytest.fixture
def register_with_due(tmp_path):
    """First reviews due 10 January and 1 February (overdue on TODAY) and 20 February."""
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        home = sign_all(reg, decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")}).ref)
        claims = sign_all(reg, decide_coach(reg, case=case_with(
            stream__name="Claims journey", candidate__name="Jo Rivers"),
            review_date="2027-01-10").ref)
        sign_all(reg, decide_coach(reg, case=case_with(
            stream__name="Pensions journey", candidate__name="Sam Okafor"),
            review_date="2027-02-20").ref)
    return db, home, claims


def _window(qtbot, user_files, db, today=TODAY):
    from leadfit.desktop.main_window import MainWindow
    window = MainWindow(user_files, f"sqlite:///{db}", today=lambda: today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def review_dialog(qtbot, user_files, db):
    """The window on the register with three reviews due, the first due one's dialog open."""
    window = _window(qtbot, user_files, db)
    qtbot.waitUntil(lambda: window.reviews.table.rowCount() == 3, timeout=LIMIT_MS)
    window.reviews.select(1)
    window.reviews.conduct_button.click()
    return window, window.reviews.dialog


def test_the_window_says_on_start_how_many_reviews_are_overdue_and_lists_them(
        qtbot, user_files, register_with_due):
    db, home, claims = register_with_due
    window = _window(qtbot, user_files, db)
    qtbot.waitUntil(lambda: window.reviews_bar.isVisible(), timeout=LIMIT_MS)
    assert "2 reviews are overdue, 1 due within 30 days" in window.reviews_due.text()
    window.reviews_bar.findChild(type(window.reviews.conduct_button)).click()
    assert window.tabs.currentWidget() is window.reviews
    table = window.reviews.table
    cells = [[table.item(r, c).text() for c in range(table.columnCount())]
             for r in range(table.rowCount())]
    assert [row[0] for row in cells] == ["OVERDUE since 10 January 2027",
                                         "OVERDUE since 1 February 2027", "due 20 February 2027"]
    assert cells[0][1:4] == [f"first review of {claims.record_id}", "Claims journey", "Jo Rivers"]


def test_a_day_earlier_nothing_is_overdue_and_the_window_says_nothing(qtbot, user_files,
                                                                      register_with_due):
    db, _home, _claims = register_with_due
    window = _window(qtbot, user_files, db, today=date(2027, 1, 10))   # Claims due today
    qtbot.waitUntil(lambda: window.reviews.table.rowCount() == 2, timeout=LIMIT_MS)
    assert not window.reviews_bar.isVisible()
    assert window.reviews.summary.text() == "0 reviews are overdue, 2 due within 30 days"
    assert window.reviews.table.item(0, 0).text() == "due 10 January 2027"


def test_no_register_yet_means_no_reviews_and_no_register_is_created(qtbot, user_files,
                                                                     tmp_path):
    db = tmp_path / "never-made.sqlite3"
    window = _window(qtbot, user_files, db)
    wait_settled(qtbot, window)  # the count on start has looked for the register
    window.reviews.controller.refresh()
    assert window.reviews.summary.text() == "No reviews due" and not db.exists()


def test_a_review_conducted_in_the_window_is_recorded_and_linked(qtbot, user_files,
                                                                 register_with_due):
    db, home, _claims = register_with_due
    window, dialog = review_dialog(qtbot, user_files, db)
    share = dialog.inputs["candidate.former_role_share"].editor
    share.clear()
    qtbot.keyClicks(share, "15")
    dialog.steps_done["M5"][0].setChecked(True)
    dialog.steps_done["M5"][1].setText("2027-01-10")
    dialog.verdicts.button(1).setChecked(True)          # extend the coaching
    dialog.next_review.setText("2027-04-01")
    qtbot.keyClicks(dialog.recorded_by, "Harper Hr")
    dialog.update_preview()
    assert "Recommendation at the decision: Appoint with coaching" in dialog.changes.text()
    assert "coach" not in dialog.changes.text().replace("coaching", "")
    dialog.record_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=LIMIT_MS)
    with open_register(db, create=False, readonly=True) as reg:
        [review] = review_service.reviews_of(reg, home.record_id)
        assert service.verify(reg).ok
    assert (review.status, review.review.verdict, review.review.next_review) == (
        "awaiting_signoff", "extend", "2027-04-01")
    assert review.review.of == home.ref and review.recorded_by == "Harper Hr"
    assert {m.id: m.done_on for m in review.review.mitigations}["M5"] == "2027-01-10"
    qtbot.waitUntil(lambda: window.register.record_dialog is not None
                    and window.register.record_dialog.isVisible(), timeout=LIMIT_MS)  # to be signed
    # recorded, not signed: the review is still due, and the row says it awaits sign-off
    table = window.reviews.table
    qtbot.waitUntil(lambda: "awaiting sign-off" in table.item(1, 1).text(), timeout=LIMIT_MS)
    assert [table.item(r, 4).text() for r in range(table.rowCount())] == [
        "LF-2026-0002@1", home.ref, "LF-2026-0003@1"]
    assert table.item(1, 0).text() == "OVERDUE since 1 February 2027"
    assert table.item(1, 1).text() == (f"first review of {home.record_id}; review recorded,"
                                       " awaiting sign-off")
    assert "2 reviews are overdue, 1 due within 30 days" in window.reviews.summary.text()


def test_a_review_refused_is_named_at_its_field_or_by_the_core_and_nothing_written(
        qtbot, user_files, register_with_due, monkeypatch):
    db, _home, _claims = register_with_due
    window = _window(qtbot, user_files, db)
    qtbot.waitUntil(lambda: window.reviews.table.rowCount() == 3, timeout=LIMIT_MS)
    shown = []
    monkeypatch.setattr(window.reviews, "show_problems", lambda t, p: shown.append((t, p)))
    window.reviews.select(0)
    window.reviews.conduct()
    dialog = window.reviews.dialog
    dialog.verdicts.button(2).setChecked(True)          # an experienced PD, but nobody named
    dialog.recorded_by.setText("Harper Hr")
    dialog.record_button.click()
    assert dialog.isVisible() and shown == []  # said at the field, marked, not in a box
    error = dialog.extra_errors["experienced_pd"]
    assert error.isVisibleTo(dialog) and error.text() == "Name the experienced Product Director" \
        " who comes in."
    assert dialog.pd_name.property("invalid") and dialog.focusWidget() is dialog.pd_name
    dialog.verdicts.button(1).setChecked(True)          # extend, with no new date
    assert not dialog.pd_name.property("invalid")       # another verdict: that field is not asked
    dialog.record_button.click()
    assert dialog.next_review.edit.property("invalid") and shown == []
    assert dialog.extra_errors["extend"].text() == "Give the date of the new review."
    dialog.next_review.setText("2027-01-01")             # before this review: the core's refusal
    assert not dialog.next_review.edit.property("invalid")
    dialog.record_button.click()
    assert dialog.isVisible() and "must come after this review" in " ".join(shown[0][1])
    with open_register(db, create=False, readonly=True) as reg:
        assert len(service.list_records(reg)) == 3


def test_the_value_stream_takes_the_room_left_not_the_record(qtbot, user_files, register_with_due):
    """At 1024 px the Record column (a short reference) took half the table."""
    db, _home, _claims = register_with_due
    window = _window(qtbot, user_files, db)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.reviews.table.rowCount() == 3, timeout=LIMIT_MS)
    window.tabs.setCurrentWidget(window.reviews)
    table = window.reviews.table
    qtbot.waitUntil(lambda: table.viewport().width() > 500, timeout=LIMIT_MS)
    widths = {name: table.columnWidth(i) for i, name in enumerate(
        table.horizontalHeaderItem(c).text() for c in range(table.columnCount()))}
    assert widths["Value stream"] == max(widths.values())
    assert widths["Record"] < table.viewport().width() / 4


def test_each_question_of_a_review_has_the_width_of_its_pane(qtbot, user_files, register_with_due,
                                                             styled):
    """A form's label column wrapped 'Share of their time kept in the former role' over four
    short lines; above its field, across the pane, it reads on one."""
    from PySide6.QtWidgets import QLabel
    db, _home, _claims = register_with_due
    window, dialog = review_dialog(qtbot, user_files, db)
    dialog.resize(1024, 700)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.wait(10)
    share = dialog.inputs["candidate.former_role_share"]
    [label] = [w for w in dialog.findChildren(QLabel)
               if w.text() == "Share of their time kept in the former role"]
    box = label.parentWidget()
    assert label.width() >= box.contentsRect().width() - 40  # the pane's width, not a column
    assert label.height() < 2 * label.fontMetrics().lineSpacing()  # one line
    assert label.buddy() is share.editor  # Alt and a screen reader go from it to the field
