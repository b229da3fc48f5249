"""The decision dialog on a "Find out first" case: nothing preselected, nothing called
recommended, and whichever outcome is chosen needs its reason (fresh-eyes round 6, item 1)."""

from __future__ import annotations

from tests.test_record_find_out_first import DEPENDS, NONE_YET


def test_the_window_preselects_nothing_and_asks_why_for_any_outcome(qtbot, tmp_path):
    from leadfit.desktop.decision_dialog import NOTHING_RECOMMENDED, DecisionDialog
    from leadfit.rules.model.library import resolve_pack
    titles = {o: resolve_pack(None).catalogue.title(o) for o in ("appoint", "coach", "hire_external")}
    chosen = []
    dialog = DecisionDialog(None, outcomes=titles, recommended=None, summary="Find out first",
                            submit=lambda c: chosen.append(c) or True, recorded_by="Ann Lee")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.decision.currentIndex() == -1  # nothing preselected, nothing "(recommended)"
    assert all("recommended" not in dialog.decision.itemText(i) for i in range(3))
    assert dialog.need_why.isVisible() and dialog.need_why.text() == NOTHING_RECOMMENDED
    dialog._submit()
    assert not chosen and dialog.isVisible()  # nothing chosen: nothing submitted
    dialog.decision.setCurrentIndex(dialog.decision.findData("hire_external"))
    assert dialog.need_why.isVisible() and "say why" in dialog.need_why.text()


def test_the_window_records_nothing_recommended_only_with_a_reason(qtbot, user_files,
                                                                   no_modal_dialogs):
    from PySide6.QtCore import Qt

    from tests.desktop_support import fill, open_window, settle
    window = open_window(qtbot, user_files)
    from leadfit.rules.model.library import resolve_pack
    fill(qtbot, window, dict({s.name: s for s in resolve_pack(None).scenarios}[DEPENDS].answers))
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    assert dialog.decision.currentIndex() == -1
    dialog.decision.setCurrentIndex(dialog.decision.findData("hire_external"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and no_modal_dialogs == []  # said at the field, marked
    assert "nothing was recommended" in dialog.errors["justification"].text()
    assert dialog.justification.property("invalid")
    dialog.justification.setPlainText("We cannot wait to find out")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    record = window.register.record_dialog.record
    assert record.decision.recommended is None
    assert NONE_YET in window.register.record_dialog.text.toPlainText()
