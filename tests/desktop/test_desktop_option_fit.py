"""Every option of every choice is read whole where it is shown: “Holds the line and keeps
relationships” was cut at its box's edge at 1024x700 (the box follows the page's width,
and the longest option is wider than the page). The answer shown wraps and the box grows.

At QT_SCALE_FACTOR=1.5 on a 1536x1050 screen the window is the same 1024x700 points as
here; 683x467 is 1024x700 pixels at 1.5 (the form compact)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from tests.desktop.test_desktop_panel_fit import styled  # noqa: F401 (a fixture)
from tests.desktop.test_desktop_window_fit import settle_layout, window_at
from tests.desktop_support import example_answers, fill, settle

WRAPPED = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


def _cut(box: QComboBox) -> str | None:
    """The option shown, when its words need more room than the box gives them."""
    opt = QStyleOptionComboBox()
    box.initStyleOption(opt)
    room = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                      QStyle.SubControl.SC_ComboBoxEditField, box)
    need = box.fontMetrics().boundingRect(QRect(0, 0, room.width(), 10_000), WRAPPED,
                                          box.currentText())
    if need.width() > room.width() or need.height() > room.height():
        return f"{box.accessibleName()}: {box.currentText()!r} needs {need.size()}, has {room.size()}"
    return None


def _each_option_cut(qtbot, window, boxes) -> list[str]:
    cut = []
    for box in boxes:
        chosen = box.currentIndex()
        for k in range(box.count()):
            box.setCurrentIndex(k)
            settle_layout(qtbot, window)
            cut.append(_cut(box))
        box.setCurrentIndex(chosen)
    return [c for c in cut if c]


@pytest.mark.parametrize("size", [(1024, 700), (683, 467)])
def test_no_option_of_the_form_is_cut_in_its_box(qtbot, user_files, styled, size):
    window = window_at(qtbot, user_files, *size)
    settle_layout(qtbot, window)
    form, cut, seen = window.form, [], 0
    for index in range(form.pages.count()):
        form.go_to(index)
        settle_layout(qtbot, window)
        boxes = [row.input.editor for row in form.pages.currentWidget().rows.values()
                 if isinstance(row.input.editor, QComboBox)]
        seen += len(boxes)
        cut += _each_option_cut(qtbot, window, boxes)
    assert seen > 10 and cut == []


def test_a_long_answer_makes_its_box_taller_and_a_short_one_gives_the_room_back(
        qtbot, user_files, styled):
    window = window_at(qtbot, user_files)
    box = window.form.rows["candidate.holds_line"].input.editor
    window.form.reveal("candidate.holds_line")
    settle_layout(qtbot, window)
    one_line = box.height()
    box.setCurrentIndex(box.findText("Holds the line and keeps relationships"))
    settle_layout(qtbot, window)
    assert box.height() > one_line and _cut(box) is None
    box.setCurrentIndex(0)
    settle_layout(qtbot, window)
    assert box.height() == one_line


def test_no_choice_of_the_decision_dialog_is_cut(qtbot, user_files, styled):
    window = window_at(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    window.record_decision()
    dialog = window.register.decision_dialog
    qtbot.waitUntil(dialog.isVisible)
    settle_layout(qtbot, dialog)
    boxes = [b for b in dialog.findChildren(QComboBox) if b.isVisible()]
    assert boxes and _each_option_cut(qtbot, dialog, boxes) == []


def test_a_long_candidate_name_is_not_cut_in_the_compare_window(qtbot, user_files, styled, tmp_path):
    from tests.compare_support import write_case
    window = window_at(qtbot, user_files)
    window.actions_by_name["compare"].trigger()
    compare = window.compare_window
    long_name = "Alexandra Montgomery-Fitzwilliam Henderson"
    compare.add_files([write_case(tmp_path, long_name), write_case(tmp_path, "Sam Lee")])
    compare.wait()
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=10_000)
    settle_layout(qtbot, compare)
    assert compare.chosen.itemText(0) == long_name
    assert _each_option_cut(qtbot, compare, [compare.chosen]) == []
