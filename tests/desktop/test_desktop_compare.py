"""Comparing candidates in the window: add the case on screen and saved cases, see them side
by side with the benchmark, save the PDF, record the choice naming the others; bad input
is said in words and nothing is added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pypdf import PdfReader

from tests.compare_support import CANDIDATES, write_case
from tests.desktop_support import example_answers, fill, open_window, settle

NAMES = list(CANDIDATES)


def _compare(qtbot, user_files):
    window = open_window(qtbot, user_files)
    window.actions_by_name["compare"].trigger()
    compare = window.compare_window
    assert compare.isVisible() and not compare.decide_button.isEnabled()
    return window, compare


def _three(qtbot, user_files, tmp_path):
    window, compare = _compare(qtbot, user_files)
    compare.add_files([write_case(tmp_path, n) for n in NAMES])
    compare.wait()
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=10_000)
    return window, compare


def test_three_candidates_side_by_side_with_the_benchmark(qtbot, user_files, tmp_path):
    _, compare = _three(qtbot, user_files, tmp_path)
    headers = [compare.table.horizontalHeaderItem(k).text() for k in range(4)]
    assert headers[:3] == NAMES and headers[3].startswith("Reference:")
    assert [compare.cell_text("Recommendation", k) for k in range(4)] == [
        "Appoint with coaching", "Hire an experienced Product Director",
        "Appoint once the steps before the appointment are done",
        "Appoint"]  # 2.4: the third stands on steps before the appointment (2.6: so named)
    assert compare.cell_text("Risk of appointing as proposed", 1) == "critical"  # default 2.3: words, not a score
    assert compare.cell_text("Multi-disciplinary leadership", 0) == "not met"
    assert "Steep learning curve (critical)" in compare.cell_text("Findings, most severe first", 1)
    assert compare.cell_text("What would change it", 0).startswith("It would become Appoint if")
    assert compare.cell_text("What would change it", 3).startswith("Nothing to change: the benchmark")
    assert "Candidates for Home buying journey" in compare.heading.text()
    assert not compare.problems.isVisible()


def test_the_case_on_screen_is_added_and_compared(qtbot, user_files, tmp_path):
    window, compare = _compare(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    compare.add_current()
    assert compare.chosen.itemText(0) == "Alex Morgan" and compare.comparison is None
    assert "1 of two to six candidates added" in compare.heading.text()
    compare.add_files([write_case(tmp_path, "Sam Lee")])
    compare.wait()
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=10_000)
    assert compare.comparison.candidates[0].source == "the case on screen"
    assert compare.cell_text("Recommendation", 0) == "Appoint with coaching"


def test_choosing_one_records_the_decision_naming_the_others(qtbot, user_files, tmp_path):
    window, compare = _three(qtbot, user_files, tmp_path)
    compare.chosen.setCurrentIndex(2)  # Priya Shah
    qtbot.mouseClick(compare.decide_button, Qt.MouseButton.LeftButton)
    dialog = window.register.decision_dialog
    assert dialog.isVisible() and dialog.decision.currentData() == "appoint"
    dialog.plan.later.setChecked(True)  # the steps are agreed after sign-off
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    shown = window.register.record_dialog
    assert shown is not None, "the decision was not recorded"
    record = shown.record
    assert record.candidate == "Priya Shah"
    assert [(c.name, c.outcome_title, c.risk) for c in record.considered] == [
        ("Alex Morgan", "Appoint with coaching", "high"),
        ("Sam Lee", "Hire an experienced Product Director", "critical")]
    assert ("Alex Morgan (Appoint with coaching, risk high); Sam Lee (Hire an experienced Product"
            " Director, risk critical)") in shown.text.toPlainText()


def test_the_comparison_is_saved_as_a_pdf(qtbot, user_files, tmp_path):
    _, compare = _three(qtbot, user_files, tmp_path)
    out = compare.save_pdf(tmp_path / "candidates.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert all(n in text for n in NAMES) and "Side by side" in text


def test_a_case_for_another_stream_is_not_added_and_says_why(qtbot, user_files, tmp_path):
    _, compare = _compare(qtbot, user_files)
    compare.add_files([write_case(tmp_path, "Alex Morgan")])
    compare.add_files([write_case(tmp_path, "Jo Bloggs", **{"stream.name": "Savings journey"})])
    assert [compare.chosen.itemText(i) for i in range(compare.chosen.count())] == ["Alex Morgan"]
    said = compare.problems.text()
    assert compare.problems.isVisible() and "different value streams" in said
    assert "'Savings journey'" in said


def test_an_unreadable_case_and_the_same_candidate_twice_are_refused(qtbot, user_files, tmp_path):
    _, compare = _compare(qtbot, user_files)
    alex = write_case(tmp_path, "Alex Morgan")
    bad = tmp_path / "broken.yaml"
    bad.write_text("answers: [not, a, mapping")
    compare.add_files([alex, bad])  # the readable one is added, the other named
    assert compare.chosen.count() == 1 and "broken.yaml" in compare.problems.text()
    compare.add_files([alex])
    assert compare.chosen.count() == 1 and "appears twice" in compare.problems.text()


def test_one_case_for_another_stream_is_refused_and_the_others_are_added(qtbot, user_files,
                                                                        tmp_path):
    """Three for one stream and one for another, in one go: none was added, the table
    stayed empty (hF fresh6 #17). The odd one out is named; the others are compared."""
    _, compare = _compare(qtbot, user_files)
    other = write_case(tmp_path, "Jo Bloggs", **{"stream.name": "Savings journey"})
    compare.add_files([other, *[write_case(tmp_path, n) for n in NAMES]])
    compare.wait()
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=10_000)
    assert [c.name for c in compare.comparison.candidates] == NAMES
    said = compare.problems.text()
    assert compare.problems.isVisible() and said.startswith("Not added:")
    assert "'Savings journey' (jo-bloggs.yaml)" in said


def test_no_more_than_six(qtbot, user_files, tmp_path):
    _, compare = _compare(qtbot, user_files)
    compare.add_files([write_case(tmp_path, f"Candidate {i}") for i in range(7)])
    assert compare.chosen.count() == 0
    assert "at most six candidates" in compare.problems.text()
    compare.add_files([write_case(tmp_path, f"Candidate {i}") for i in range(6)])
    compare.wait()
    assert compare.chosen.count() == 6 and not compare.add_files_button.isEnabled()
    compare.remove_chosen()
    compare.wait()
    assert compare.chosen.count() == 5 and compare.add_files_button.isEnabled()


def test_a_mark_on_a_blank_question_is_not_answered_side_by_side_as_in_the_main_window(
        qtbot, user_files, tmp_path):
    """The readiness tile says 'not answered' with 'Will the Product Director own this
    stream's results?' blank; the candidate's column said 'met' (forms/unanswered.py)."""
    window, compare = _compare(qtbot, user_files)
    answers = example_answers()
    del answers["stream.pd_accountability"]
    fill(qtbot, window, answers)
    settle(qtbot, window)
    compare.add_current()
    compare.add_files([write_case(tmp_path, "Priya Shah")])
    compare.wait()
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=10_000)
    for item in window.controller.assessment.readiness:
        tile = window.panel.readiness.tiles[item.id].text().split("\n", 1)[1]
        assert compare.cell_text(item.title, 0) == tile, item.title
    p_and_l = next(r.title for r in window.controller.assessment.readiness if r.id == "P2")
    assert [compare.cell_text(p_and_l, k) for k in range(3)] == ["not answered", "met", "not answered"]
