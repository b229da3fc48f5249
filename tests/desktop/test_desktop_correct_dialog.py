"""The Correct… dialog says what is true of the version corrected, fits its width, and can
put a misspelt name right, as the command line's --rename does (refused otherwise)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.test_desktop_decisions import filled_window, record_coach_decision, sign
from tests.desktop.test_desktop_panel_fit import styled  # noqa: F401 (a fixture)
from tests.desktop.test_desktop_window_fit import settle_layout
from tests.desktop_support import answer, settle


def _correct(qtbot, window, record_dialog):
    qtbot.mouseClick(record_dialog.correct, Qt.MouseButton.LeftButton)
    fix = window.register.decision_dialog
    qtbot.waitUntil(fix.isVisible)
    settle_layout(qtbot, fix)
    return fix


def _heading(dialog) -> str:
    return dialog.findChild(type(dialog.need_why), "panelHeading").text()


def test_the_heading_says_a_version_nobody_signed_is_not_signed(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    record = record_coach_decision(qtbot, window)
    fix = _correct(qtbot, window, record)
    words = _heading(fix)
    assert "signed version" not in words
    assert words == ("Correcting LF-2026-0001@1, not signed yet: it stays in the register as it"
                     " was; this becomes version 2, to be signed.")


def test_the_heading_counts_the_sign_offs_so_far_and_names_a_signed_version(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    record = record_coach_decision(qtbot, window)
    sign(qtbot, record, "Sam Lee", "decision_maker")
    assert "with its 1 sign-off so far;" in _heading(_correct(qtbot, window, record))
    window.register.decision_dialog.reject()
    record = window.register.record_dialog
    sign(qtbot, record, "Ana Ruiz", "hr")
    assert record.record.status == "signed"
    assert _heading(_correct(qtbot, window, record)).startswith(
        "Correcting LF-2026-0001@1: the signed version stays as it was; this becomes version 2")


def test_the_correct_dialog_is_never_cut_at_the_right(qtbot, user_files, styled):
    window = filled_window(qtbot, user_files)
    window.resize(1024, 700)
    fix = _correct(qtbot, window, record_coach_decision(qtbot, window))
    fix.use_case.setChecked(True)  # shows the row that puts a name right
    settle_layout(qtbot, fix)
    body, view = fix.scroll.widget(), fix.scroll.viewport()
    assert not fix.scroll.horizontalScrollBar().isVisible()
    assert body.width() <= view.width() and body.minimumSizeHint().width() <= view.width()
    for field in (fix.use_case, fix.rename, fix.reason, fix.plan.dues["M5"].pick):
        right = field.mapTo(view, field.rect().topRight()).x()
        assert right < view.width(), field.accessibleName()


def _misspelt_record(qtbot, window):
    """Alex Morgan recorded as 'Alex Morgn', then the name put right on the Case tab."""
    answer(qtbot, window, "candidate.name", "Alex Morgn")
    settle(qtbot, window)
    record = record_coach_decision(qtbot, window)
    window.tabs.setCurrentIndex(0)
    answer(qtbot, window, "candidate.name", "Alex Morgan")
    settle(qtbot, window)
    return record


def test_a_misspelt_name_is_put_right_only_when_ticked(qtbot, user_files, no_modal_dialogs):
    window = filled_window(qtbot, user_files)
    record = _misspelt_record(qtbot, window)
    ref = record.record.ref
    fix = _correct(qtbot, window, record)
    assert not fix.rename.isVisibleTo(fix)  # a name comes only with the Case tab's answers
    fix.reason.setText("The candidate's name was misspelt")
    fix.use_case.setChecked(True)
    assert fix.rename.isVisibleTo(fix) and not fix.rename.isChecked()
    qtbot.mouseClick(fix.ok, Qt.MouseButton.LeftButton)
    assert fix.isVisible()  # another name, not ticked: refused, in words, nothing written
    said = no_modal_dialogs[-1][1]
    assert "is about Alex Morgn" in said and "Alex Morgan" in said and "--rename" not in said
    assert window.register.controller.versions(ref.split("@")[0]) == 1
    fix.rename.setChecked(True)
    qtbot.mouseClick(fix.ok, Qt.MouseButton.LeftButton)
    assert not fix.isVisible()
    new = window.register.controller.record(ref.split("@")[0])
    assert (new.version, new.candidate, new.supersedes) == (2, "Alex Morgan", ref)


def test_unticking_the_case_answers_unticks_the_name_put_right(qtbot, user_files):
    window = filled_window(qtbot, user_files)
    fix = _correct(qtbot, window, record_coach_decision(qtbot, window))
    fix.use_case.setChecked(True)
    fix.rename.setChecked(True)
    fix.use_case.setChecked(False)
    assert not fix.rename.isChecked() and not fix.choice().rename
