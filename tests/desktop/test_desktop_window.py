"""The main window driven through its widgets with qtbot, offscreen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.desktop_support import LIMIT_MS, answer, example_answers, fill, open_window, settle


def finding_ids(window) -> list[str]:
    return window.panel.findings.codes()


def test_a_case_filled_through_the_widgets_is_assessed_live(qtbot, user_files):
    window = open_window(qtbot, user_files)
    assert window.panel.outcome.text().startswith("Incomplete")
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    assert window.panel.outcome.text() == "Recommendation: Appoint with coaching"
    assert {"F1", "F2", "F3", "F4", "F5", "F6", "F10", "F11"} == set(finding_ids(window))
    assert window.panel.readiness.tiles["P3"].text() == "Multi-disciplinary leadership\nnot met"
    questions = window.controller.pack.questionnaire.questions
    required = sum(questions[q].required for q, asked in window.controller.relevance().items()
                   if asked)
    assert window.form.progress.value() == window.form.progress.maximum() == required
    assert window.form.progress.text() == f"{required} of {required} required answered"

    answer(qtbot, window, "candidate.digital_years", 0)
    answer(qtbot, window, "candidate.mvp_delivery", "never")
    settle(qtbot, window)
    assert window.panel.outcome.text() == "Recommendation: Hire an experienced Product Director"
    assert window.panel.readiness.tiles["P4"].text() == "Iterative delivery\nnot met"


def test_a_finding_opens_to_show_because(qtbot, user_files):
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    item = window.panel.findings.topLevelItem(0)
    children = [item.child(i).text(0) for i in range(item.childCount())]
    assert "because Years managing digital products: 2" in children


def test_invalid_answer_is_marked_at_the_field_with_the_cores_message(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.form.go_to(1)  # the candidate section, where the question is shown
    row = window.form.rows["candidate.digital_years"]
    assert not row.error.isVisibleTo(window)
    answer(qtbot, window, "candidate.digital_years", "two")
    assert row.error.isVisibleTo(window)
    assert row.error.text() == "must be a whole number, got 'two'"
    assert row.input.editor.property("invalid") is True
    settle(qtbot, window)
    assert "1 answer needs correcting" in window.panel.detail.text()
    answer(qtbot, window, "candidate.digital_years", 4)
    assert row.error.text() == "" and row.input.editor.property("invalid") is False


def test_questions_appear_and_disappear_by_relevance(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.form.go_to(1)
    follow_up = window.form.rows["candidate.reduce_former_role"]
    answer(qtbot, window, "candidate.former_role_share", 0)
    assert not follow_up.isVisible()
    answer(qtbot, window, "candidate.former_role_share", 30)
    assert follow_up.isVisible()


def test_missing_answer_link_jumps_to_and_focuses_its_question(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.activateWindow()
    answers = example_answers()
    del answers["org.induction"]
    fill(qtbot, window, answers)
    settle(qtbot, window)
    assert window.panel.outcome.text() == "Incomplete: 1 required answer missing"
    link = window.panel.missing_links["org.induction"]
    assert link.isVisible() and len(window.panel.missing_links) == 1
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    editor = window.form.rows["org.induction"].input.editor
    assert window.form.current_section() == 3
    qtbot.waitUntil(lambda: editor.hasFocus(), timeout=LIMIT_MS)


def test_draft_autosaves_and_comes_back_after_the_window_is_reopened(qtbot, user_files):
    window = open_window(qtbot, user_files)
    answer(qtbot, window, "candidate.name", "Alex Morgan")
    answer(qtbot, window, "candidate.owns_pnl", "partial")
    answer(qtbot, window, "candidate.digital_years", "3")
    settle(qtbot, window)
    assert (user_files / "drafts" / "draft.json").exists()
    window.close()
    again = open_window(qtbot, user_files)
    rows = again.form.rows
    assert rows["candidate.name"].input.value() == "Alex Morgan"
    assert rows["candidate.owns_pnl"].input.value() == "partial"
    assert rows["candidate.digital_years"].input.value() == "3"


def test_keyboard_moves_between_sections(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=LIMIT_MS)
    editor = window.form.rows["stream.name"].input.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.form.current_section() == 1
    qtbot.keyClick(editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.form.current_section() == 0
    for row in window.form.rows.values():
        assert row.input.editor.accessibleName() == row.question.title


def test_window_remembers_its_size_and_splitter(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.resize(window.minimumWidth(), 640)  # the offscreen screen is 800 px square
    window.splitter.setSizes([500, 400])
    state = window.splitter.saveState()
    window.close()
    again = open_window(qtbot, user_files)
    assert again.size().height() == 640
    assert again.store.value("splitter") == state and again._split_restored


def test_pack_name_and_version_are_shown_and_the_fingerprint_is_in_its_tooltip(qtbot, user_files):
    window = open_window(qtbot, user_files)
    text = window.pack_bar.label.text()
    pack = window.controller.pack
    assert pack.name in text and pack.version in text
    assert pack.fingerprint[:12] not in text                   # an executive reads no hash
    assert pack.fingerprint in window.pack_bar.label.toolTip()  # HR finds it for an audit


def test_a_malformed_pack_folder_is_refused_with_its_problems(qtbot, user_files, tmp_path,
                                                             no_modal_dialogs, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    bad = tmp_path / "client"
    bad.mkdir()
    (bad / "pack.yaml").write_text("name: client\nversion: '1.0'\nextra: 1\n", encoding="utf-8")
    (bad / "rules.yaml").write_text("rules: []\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(bad)))
    window = open_window(qtbot, user_files)
    before = window.pack_bar.label.text()
    window.choose_pack_folder()
    kind, text = no_modal_dialogs[-1]
    assert kind == "warning" and "extra" in text and "pack.yaml" in text
    assert window.pack_bar.label.text() == before


def test_tab_moves_through_a_sections_questions_in_order(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=LIMIT_MS)
    section = window.form.questionnaire.sections[0]
    inputs = [window.form.rows[q.id].input for q in section.questions]
    # each field, then its "Not known" box where the question allows it
    editors = [w for i in inputs for w in (i.editor, i.not_known) if w is not None]
    assert any(i.not_known for i in inputs)
    editors[0].setFocus()
    qtbot.waitUntil(editors[0].hasFocus, timeout=LIMIT_MS)
    for expected in editors[1:]:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        assert window.focusWidget() is expected


def test_the_window_is_the_views_the_controllers_expect(qtbot, user_files):
    from leadfit.desktop.controller import CaseView
    from leadfit.desktop.decision_controller import DecisionView
    window = open_window(qtbot, user_files)
    assert isinstance(window, CaseView) and isinstance(window.register, DecisionView)


def test_an_empty_form_does_not_claim_a_low_risk(qtbot, user_files):
    window = open_window(qtbot, user_files)
    assert window.panel.risk.text() == "Risk of appointing this candidate as proposed: not assessed yet"
    # the assessment date starts at today, so every other required answer is missing
    assert window.panel.outcome.text().startswith("Incomplete: 29 required answers missing")
    assert window.form.rows["org.assessed_on"].input.value() == date.today().isoformat()
    tree = window.panel.findings
    assert tree.topLevelItemCount() == 0 and "No findings yet" in tree.empty_text
    # what the user sees: the words are painted in the blank list (not just set on it)
    with_words = tree.viewport().grab().toImage()
    tree.empty_text = ""
    blank = tree.viewport().grab().toImage()
    assert _pixels_apart(with_words, blank) > 50


def _pixels_apart(a, b) -> int:
    """How many pixels of two same-sized pictures differ."""
    assert a.size() == b.size()
    return sum(a.pixel(x, y) != b.pixel(x, y) for y in range(min(a.height(), 120)) for x in range(a.width()))


def test_a_client_packs_own_question_words_reach_the_form(qtbot, user_files):
    """After Pack > public-sector the panel spoke of service users but the form still asked
    about revenue: the form was rebuilt only when the question ids changed (fresh-eyes check)."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel
    window = open_window(qtbot, user_files)
    assert window.controller.choose_pack("public-sector")
    settle(qtbot, window)
    stream = next(i for i, s in enumerate(window.form.questionnaire.sections)
                  if "stream.revenue_impact" in [q.id for q in s.questions])
    window.form.go_to(stream)  # pages are built when first shown
    texts = [w.text() for w in window.form.findChildren(QLabel)]
    texts += [w.text() for w in window.form.findChildren(QAbstractButton)]
    texts += [c.itemText(i) for c in window.form.findChildren(QComboBox) for i in range(c.count())]
    shown = " ".join(texts).replace("&", "")
    assert "How many service users depend on this stream?" in shown
    assert "How much revenue depends on this stream?" not in shown
