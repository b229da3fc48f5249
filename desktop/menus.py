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
    """The window's tabs are made after its first frame: actions reach them when triggered."""
    bar, std = window.menuBar(), QKeySequence.StandardKey
    case = bar.addMenu("&Case")
    actions = {
        "new": _action(window, case, "&New case", window.new_case, std.New),
        "open": _action(window, case, "&Open case…", window.open_case, std.Open),
    }
    window.recent_menu = case.addMenu("Open &recent")
    actions["save"] = _action(window, case, "&Save case", window.save_case, std.Save)
    actions["save_as"] = _action(window, case, "Save case &as…", window.save_case_as, "Ctrl+Shift+S")
    actions["export"] = _action(window, case, "&Export answers as a case file…",
                                window.export_answers, "Ctrl+E")
    case.addSeparator()
    actions["quit"] = _action(window, case, "&Quit", window.close, std.Quit)
    edit = bar.addMenu("&Edit")
    actions["undo"] = _action(window, edit, "&Undo answer", window.undo_answer, std.Undo)
    actions["redo"] = _action(window, edit, "&Redo answer", window.redo_answer, std.Redo)
    go = bar.addMenu("&Go")
    actions["next"] = _action(window, go, "&Next section", lambda: window.step(1), "Ctrl+PgDown")
    actions["previous"] = _action(window, go, "&Previous section", lambda: window.step(-1),
                                  "Ctrl+PgUp")
    actions["section"] = _action(window, go, "&Section…", window.choose_section, "Ctrl+G")
    actions["case_tab"] = _action(window, go, "&Case", lambda: window.tabs.setCurrentIndex(0),
                                  "Ctrl+1")
    actions["register_tab"] = _action(window, go, "&Register",
                                      lambda: window.tabs.setCurrentIndex(1), "Ctrl+2")
    actions["reviews_tab"] = _action(window, go, "Re&views due",
                                     lambda: window.tabs.setCurrentWidget(window.reviews), "Ctrl+3")
    actions["portfolio_tab"] = _action(window, go, "&Portfolio",
                                       lambda: window.tabs.setCurrentWidget(window.portfolio),
                                       "Ctrl+4")
    decision = bar.addMenu("&Decision")
    actions["decide"] = _action(window, decision, "&Record the decision…",
                                window.record_decision, "Ctrl+D")
    actions["compare"] = _action(window, decision, "&Compare candidates for this stream…",
                                 window.compare_candidates, "Ctrl+K")
    actions["export_csv"] = _action(window, decision, "&Export the register as CSV…",
                                    lambda: window.register.export_csv(), "Ctrl+Shift+E")
    actions["verify"] = _action(window, decision, "&Check the register",
                                lambda: window.register.verify())
    pack = bar.addMenu("&Pack")
    window.bundled_menu = pack.addMenu("&Bundled packs")
    actions["client_pack"] = _action(window, pack, "&Client pack folder…",
                                     window.choose_pack_folder)
    actions["reload_pack"] = _action(window, pack, "Re&load this pack", window.reload_pack,
                                     "Ctrl+Shift+L")
    pack.addSeparator()
    actions["pack_rules"] = _action(window, pack, "&Rules of this pack…", window.show_pack_rules,
                                    "Ctrl+Shift+R")
    help_menu = bar.addMenu("&Help")
    actions["guide"] = _action(window, help_menu, "&Getting started", window.show_guide, "F1")
    actions["glossary"] = _action(window, help_menu, "G&lossary of codes…",
                                  lambda: window.show_glossary(""))
    actions["about"] = _action(window, help_menu, "&About LeadFit", window.show_about)
    return actions
