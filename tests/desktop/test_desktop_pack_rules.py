"""The active pack's rules, read-only in the window, grouped by the article's ideas."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop_support import open_window


def test_pack_rules_are_listed_by_catalogue_id_and_can_be_searched(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.actions_by_name["pack_rules"].trigger()
    dialog = window.pack_rules
    tree = dialog.tree
    code = Qt.ItemDataRole.UserRole
    tops = {tree.topLevelItem(i).data(0, code): tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())}
    assert {"P1", "P6", "F1", "M10"} <= set(tops)
    assert tops["P1"].text(0) == "Digital product experience"      # words lead
    assert tops["P1"].text(2) == "LeadFit ref. P1"                       # the reference follows
    p1_rules = {tops["P1"].child(i).data(0, code): tops["P1"].child(i)
                for i in range(tops["P1"].childCount())}
    assert "p1-some-experience" in p1_rules                          # the consultant's id, kept
    some = p1_rules["p1-some-experience"]
    assert some.text(2) == "p1-some-experience" and "p1-" not in some.text(0) + some.text(1)
    dialog.search.setText("fail fast")
    shown = [t for t, item in tops.items() if not item.isHidden()]
    assert "M10" in shown and "P1" not in shown
    dialog.close()
