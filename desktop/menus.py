"""The window's menus; every action also works by its shortcut wherever the focus is."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def _action(window, menu, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)
    return action


def build_menus(window) -> dict[str, QAction]:
    bar, std = window.menuBar(), QKeySequence.StandardKey
    case = bar.addMenu("&Case")
    actions = {
        "new": _action(window, case, "&New case", window.new_case, std.New),
        "save": _action(window, case, "&Save draft", window.save_draft, std.Save),
        "export": _action(window, case, "&Export answers as a case file…",
                          window.export_answers, "Ctrl+E"),
    }
    case.addSeparator()
    actions["quit"] = _action(window, case, "&Quit", window.close, std.Quit)
    go = bar.addMenu("&Go")
    actions["next"] = _action(window, go, "&Next section", lambda: window.step(1), "Ctrl+PgDown")
    actions["previous"] = _action(window, go, "&Previous section", lambda: window.step(-1),
                                  "Ctrl+PgUp")
    actions["case_tab"] = _action(window, go, "&Case", lambda: window.tabs.setCurrentIndex(0),
                                  "Ctrl+1")
    actions["register_tab"] = _action(window, go, "&Register",
                                      lambda: window.tabs.setCurrentIndex(1), "Ctrl+2")
    decision = bar.addMenu("&Decision")
    actions["decide"] = _action(window, decision, "&Record the decision…",
                                window.record_decision, "Ctrl+D")
    actions["export_csv"] = _action(window, decision, "&Export the register as CSV…",
                                    window.register.export_csv, "Ctrl+Shift+E")
    actions["verify"] = _action(window, decision, "&Check the register",
                                window.register.verify)
    pack = bar.addMenu("&Pack")
    actions["default_pack"] = _action(window, pack, "&Default pack",
                                      lambda: window.choose_pack(None))
    actions["client_pack"] = _action(window, pack, "&Client pack folder…",
                                     window.choose_pack_folder)
    pack.addSeparator()
    actions["pack_rules"] = _action(window, pack, "&Rules of this pack…", window.show_pack_rules,
                                    "Ctrl+Shift+R")
    return actions
