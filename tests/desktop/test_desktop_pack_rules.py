"""The active pack's rules, read-only in the window, grouped by catalogue ID."""

from __future__ import annotations

from tests.desktop_support import open_window


def test_pack_rules_are_listed_by_catalogue_id_and_can_be_searched(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.actions_by_name["pack_rules"].trigger()
    dialog = window.pack_rules
    tree = dialog.tree
    tops = {tree.topLevelItem(i).text(0).split()[0]: tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())}
    assert {"P1", "P6", "F1", "M10"} <= set(tops)
    p1_rules = [tops["P1"].child(i).text(0) for i in range(tops["P1"].childCount())]
    assert "p1-some-experience" in p1_rules
    dialog.search.setText("fail fast")
    shown = [t for t, item in tops.items() if not item.isHidden()]
    assert "M10" in shown and "P1" not in shown
    dialog.close()
