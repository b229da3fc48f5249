"""Issue 13, the window an executive uses without help: named cases, undo, words not
codes, a panel that keeps what was opened, keyboard, help, packs and settings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QMessageBox

from tests.desktop_support import LIMIT_MS, answer, example_answers, fill, open_window, settle


def test_the_title_bar_names_the_candidate_and_stream_and_marks_unsaved(qtbot, user_files):
    window = open_window(qtbot, user_files)
    assert window.windowTitle().startswith("New case")
    answer(qtbot, window, "candidate.name", "Alex Morgan")
    answer(qtbot, window, "stream.name", "Home buying journey")
    settle(qtbot, window)
    assert window.windowTitle() == "Alex Morgan for Home buying journey[*] – LeadFit"
    assert window.isWindowModified()


def test_save_as_open_and_recent_cases(qtbot, user_files, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    target = tmp_path / "alex.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions_by_name["save"].trigger()      # never saved: Save asks where
    assert target.exists() and not window.isWindowModified()
    assert target.stat().st_mode & 0o040               # group-readable, like every saved file
    window.controller.new_case()
    assert window.form.rows["candidate.name"].input.value() is None
    window.recent_menu.actions()[0].trigger()
    assert window.form.rows["candidate.name"].input.value() == "Alex Morgan"
    assert window.controller.case_path == target and not window.isWindowModified()
    assert window.windowTitle().startswith("Alex Morgan for Home buying journey")


def test_ctrl_n_never_discards_unsaved_answers_without_asking(qtbot, user_files, monkeypatch):
    window = open_window(qtbot, user_files)
    answer(qtbot, window, "candidate.name", "Alex Morgan")
    settle(qtbot, window)
    asked: list = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel))
    window.actions_by_name["new"].trigger()
    assert "Alex Morgan" in asked[-1] and "not saved" in asked[-1]
    assert window.form.rows["candidate.name"].input.value() == "Alex Morgan"
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Discard))
    window.actions_by_name["new"].trigger()
    assert window.form.rows["candidate.name"].input.value() is None


def test_undo_and_redo_of_answers(qtbot, user_files):
    window = open_window(qtbot, user_files)
    answer(qtbot, window, "candidate.name", "Alex Morgan")     # typed: one step
    answer(qtbot, window, "candidate.owns_pnl", "partial")
    settle(qtbot, window)
    window.actions_by_name["undo"].trigger()
    assert window.form.rows["candidate.owns_pnl"].input.value() is None
    assert window.form.rows["candidate.name"].input.value() == "Alex Morgan"
    window.actions_by_name["undo"].trigger()
    assert window.form.rows["candidate.name"].input.value() is None
    window.actions_by_name["redo"].trigger()
    window.actions_by_name["redo"].trigger()
    assert window.form.rows["candidate.owns_pnl"].input.value() == "partial"


def test_two_windows_never_write_over_each_others_draft(qtbot, user_files):
    first = open_window(qtbot, user_files)
    second = open_window(qtbot, user_files)
    answer(qtbot, first, "candidate.name", "Alex Morgan")
    answer(qtbot, second, "candidate.name", "Blake Chen")
    settle(qtbot, first)
    settle(qtbot, second)
    assert first.controller.drafts.path != second.controller.drafts.path
    first.close()
    second.close()
    again = open_window(qtbot, user_files)
    assert again.form.rows["candidate.name"].input.value() == "Alex Morgan"


def test_the_panel_keeps_opened_findings_open_and_shows_context_signals(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    findings = window.panel.findings
    findings.topLevelItem(1).setExpanded(True)
    opened = findings.codes()[1]
    answer(qtbot, window, "candidate.delivery_expectation", "increments")
    settle(qtbot, window)
    assert opened in findings.codes() and findings.item(opened).isExpanded()
    assert set(window.panel.signals.codes()) >= {"R2"}
    assert window.panel.risk_scale.text() == "Scale: low 0–5 · medium 6–15 · high 16–29 · critical 30+"


def test_words_not_codes_where_a_person_reads(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    item = window.panel.findings.topLevelItem(0)
    shown = [item.child(i).text(0) for i in range(item.childCount())]
    assert not any("rule" in text or "p1-" in text for text in shown[:-1])
    assert shown[-1] == "Audit details"                       # the pack that raised it inside it
    assert item.child(item.childCount() - 1).child(0).text(0).startswith("Raised by a rule of the pack default")
    signal = window.panel.signals.topLevelItem(0)
    because = signal.child(0).text(0)
    assert "budget_limited" not in because and "Only with difficulty" in because
    for code, tile in window.panel.readiness.tiles.items():
        assert len(tile.text().split("\n")[0]) > 3 and code not in tile.text()  # its idea, in words
        assert f"(LeadFit ref. {code})" in tile.toolTip()      # the catalogue's code: a reference


def test_a_code_opens_the_glossary_at_its_entry(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    findings = window.panel.findings
    findings.itemActivated.emit(findings.topLevelItem(0), 0)
    text = window.help_dialog.text.toPlainText()
    assert window.help_dialog.isVisible() and "Steep learning curve" in text


def test_help_about_names_version_pack_licence_and_article(qtbot, user_files):
    from leadfit import ARTICLE_TITLE, __version__
    window = open_window(qtbot, user_files)
    assert window.welcome.isVisible()                           # first run
    window.actions_by_name["about"].trigger()
    text = window.help_dialog.text.toPlainText()
    assert __version__ in text and "default" in text and "Licence" in text
    assert ARTICLE_TITLE in text
    window.actions_by_name["guide"].trigger()
    assert "Record the decision" in window.help_dialog.text.toPlainText()
    assert not window.welcome.isVisible()
    window.close()
    assert not open_window(qtbot, user_files).welcome.isVisible()  # said once


def test_the_next_section_gets_the_focus(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=LIMIT_MS)
    window.actions_by_name["next"].trigger()
    first = window.form.questionnaire.sections[1].questions[0].id
    qtbot.waitUntil(window.form.rows[first].input.editor.hasFocus, timeout=LIMIT_MS)


def test_dates_have_a_calendar_and_a_new_case_is_assessed_today(qtbot, user_files):
    window = open_window(qtbot, user_files)
    row = window.form.rows["org.review_date"]
    calendar = row.input.calendar.calendar
    calendar.clicked.emit(calendar.selectedDate().addDays(30))
    settle(qtbot, window)
    assert row.input.value() == (date.today().toordinal() + 30 and
                                 date.fromordinal(date.today().toordinal() + 30).isoformat())
    assert window.form.rows["org.assessed_on"].input.value() == date.today().isoformat()


def test_bundled_packs_are_in_the_pack_menu_and_a_pack_reloads(qtbot, user_files):
    from leadfit.rules.model.library import bundled_pack_names
    window = open_window(qtbot, user_files)
    names = [a.text() for a in window.bundled_menu.actions()]
    assert names == bundled_pack_names() and "bank" in names
    window.bundled_menu.actions()[names.index("bank")].trigger()
    assert window.controller.pack.name == "bank"
    window.actions_by_name["reload_pack"].trigger()
    assert window.controller.pack.name == "bank"


def test_a_missing_last_pack_says_the_default_is_used(qtbot, user_files, tmp_path,
                                                      no_modal_dialogs):
    from leadfit.desktop import settings
    store = settings.settings()
    store.setValue("pack", str(tmp_path / "gone"))
    store.sync()
    window = open_window(qtbot, user_files)
    assert window.controller.pack.name == "default"
    assert any("default pack is used instead" in text for _k, text in no_modal_dialogs)


def test_settings_follow_the_data_folder(qtbot, user_files, tmp_path, monkeypatch):
    window = open_window(qtbot, user_files)
    window.choose_bundled("bank")
    window.close()
    assert (user_files / "settings.ini").exists()
    monkeypatch.setenv("LEADFIT_DATA_DIR", str(tmp_path / "other-client"))
    other = open_window(qtbot, tmp_path / "other-client")
    assert other.controller.pack.name == "default"
    monkeypatch.setenv("LEADFIT_DATA_DIR", str(user_files))
    assert open_window(qtbot, user_files).controller.pack.name == "bank"
    assert QSettings(str(user_files / "settings.ini"), QSettings.Format.IniFormat).value("pack")


def test_every_control_has_an_accessible_name(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.tabs.setCurrentIndex(1)
    for kind in (QLineEdit, QComboBox, QAbstractButton):
        for widget in window.findChildren(kind):
            if widget.isVisibleTo(window) and not widget.inherits("QTabBar"):
                name = widget.accessibleName() or widget.text() if hasattr(widget, "text") \
                    else widget.accessibleName()
                assert name, f"{kind.__name__} {widget.objectName()!r} has no accessible name"


def test_the_window_and_its_dialogs_fit_a_small_screen(qtbot, user_files):
    window = open_window(qtbot, user_files)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    assert dialog.width() <= room.width() and dialog.height() <= room.height()


def test_refusals_in_the_window_name_no_flags_keys_or_question_ids(qtbot, user_files,
                                                                  no_modal_dialogs):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    qtbot.mouseClick(window.panel.decide, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    dialog.decision.setCurrentIndex(dialog.decision.findData("coach"))  # no conditions written
    dialog.plan.dues["M5"].setText("2026-01-01")          # before the assessment
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert no_modal_dialogs == [] and dialog.isVisible()  # said at each field, marked
    conditions, plan = dialog.errors["conditions"].text(), dialog.plan.plan_error.text()
    assert conditions == "Write down the conditions the appointment is made on."
    assert ("Induction cannot be due on 1 January 2026, before the assessment, made on"
            " 2 November 2026.") in plan
    assert dialog.conditions.property("invalid") and dialog.plan.dues["M5"].edit.property("invalid")
    for text in (conditions, plan):
        assert "--" not in text and "org.assessed_on" not in text and "coach" not in text
        assert "M5" not in text


def test_the_refusals_box_names_a_plan_step_by_its_name_not_its_id():
    from leadfit.desktop.problems_dialog import plain
    said = plain("the due date for M5 Induction, 1 January 2026, is before the assessment")
    assert said == "the due date for Induction, 1 January 2026, is before the assessment"
    assert plain("the coaching plan (M5 Induction, M6 Peer exposure)") == \
        "the coaching plan (Induction, Peer exposure)"


def test_what_a_question_informs_reads_in_words_each_linked_to_the_glossary(qtbot, user_files):
    window = open_window(qtbot, user_files)
    informs = window.form.rows["candidate.digital_years"].informs
    catalogue = window.controller.pack.catalogue
    shown = QTextDocumentFragment.fromHtml(informs.text()).toPlainText()  # as drawn
    assert shown == "Informs: " + " · ".join(catalogue.title(c) for c in ("P1", "F1"))
    assert not any(code in shown or code in informs.accessibleName() for code in ("P1", "F1"))
    assert "Digital product experience" in informs.accessibleName()
    informs.linkActivated.emit("P1")
    assert window.help_dialog.isVisible()
    assert "Digital product experience" in window.help_dialog.text.toPlainText()
