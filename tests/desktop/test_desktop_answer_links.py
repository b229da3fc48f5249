"""The links to missing answers say what they open and open it: the question's section,
scrolled to the question, the cursor in its answer."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.desktop_support import LIMIT_MS, example_answers, fill, open_window, settle


def _row_in_view(window, qid: str) -> bool:
    page = window.form.pages.currentWidget()
    row = window.form.rows[qid]
    top = row.mapTo(page.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + row.input.height() <= page.viewport().height()


def test_each_link_says_it_opens_the_question_to_answer(qtbot, user_files):
    window = open_window(qtbot, user_files)
    questions = window.controller.pack.questionnaire.questions
    links = window.panel.missing_links
    assert links
    for qid, link in links.items():
        assert link.text() == f"Answer: {questions[qid].title}"
        assert qid not in link.text() and link.accessibleName() == link.text()


def test_a_link_to_a_question_far_down_its_section_scrolls_to_it_with_the_cursor_in_it(
        qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.resize(1024, 700)
    window.activateWindow()
    answers = example_answers()
    section = window.form.questionnaire.sections[1]  # the candidate: the longest section
    far = [q.id for q in section.questions if q.required and q.id in answers][-1]
    del answers[far]
    fill(qtbot, window, answers)
    window.form.go_to(1)
    qtbot.waitUntil(lambda: window.form.rows[far].height() > 0, timeout=LIMIT_MS)
    assert not _row_in_view(window, far)  # below the fold until the link scrolls to it
    window.form.go_to(0)  # the person is elsewhere in the form
    settle(qtbot, window)
    link = window.panel.missing_links[far]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    editor = window.form.rows[far].input.editor
    assert window.form.current_section() == 1
    qtbot.waitUntil(editor.hasFocus, timeout=LIMIT_MS)
    qtbot.waitUntil(lambda: _row_in_view(window, far), timeout=LIMIT_MS)
