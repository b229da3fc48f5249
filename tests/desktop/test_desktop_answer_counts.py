"""The window counts as answered only answers that stand: one that needs correcting is
not answered (no ✓ beside its section, not in the bottom bar's count)."""

from __future__ import annotations

from tests.desktop_support import answer, example_answers, fill, open_window, settle
from tests.helpers import EXAMPLE_CASE


def _candidate_step(window) -> str:
    return window.form.steps.item(1).text()


def test_an_answer_that_needs_correcting_is_not_counted_as_answered(qtbot, user_files):
    """On 010ef79, with 'lots' and '-5' typed, the sidebar said '✓ The candidate 18 of 18
    answered' and the bar '39 of 39' while the header said 2 answers need correcting."""
    window = open_window(qtbot, user_files)
    fill(qtbot, window, example_answers())
    settle(qtbot, window)
    total = window.form.progress.maximum()
    assert window.form.progress.value() == total
    assert _candidate_step(window).startswith("✓ The candidate")

    answer(qtbot, window, "candidate.digital_years", "lots")
    answer(qtbot, window, "candidate.former_role_share", "-5")
    settle(qtbot, window)
    assert "2 answers need correcting" in window.panel.detail.text()
    # typed answers are not "missing": the header said "2 required answers missing"
    assert window.panel.outcome.text() == "Incomplete: 2 answers to correct"
    step = _candidate_step(window)
    assert not step.startswith("✓") and step.endswith("required")
    given, _of, asked = step.split("\n")[1].split()[:3]
    assert int(given) == int(asked) - 2
    assert window.form.progress.value() == window.form.progress.maximum() - 2

    answer(qtbot, window, "candidate.digital_years", 2)
    answer(qtbot, window, "candidate.former_role_share", 40)
    settle(qtbot, window)
    assert _candidate_step(window).startswith("✓ The candidate")
    assert window.form.progress.value() == total


def test_a_case_file_with_an_impossible_date_opens_with_each_bad_field_marked(
        qtbot, user_files, tmp_path):
    """On 010ef79 the file was refused whole, naming only the date; now it opens, the date
    kept as typed and marked beside the other bad answer, neither counted as answered."""
    path = tmp_path / "case.yaml"
    path.write_text(EXAMPLE_CASE.read_text(encoding="utf-8")
                    .replace("org.assessed_on: 2026-11-02", "org.assessed_on: 2099-13-45")
                    .replace("candidate.digital_years: 2", "candidate.digital_years: 500"),
                    encoding="utf-8")
    window = open_window(qtbot, user_files)
    assert window.controller.open_case(path)
    settle(qtbot, window)
    date_row = window.form.rows["org.assessed_on"]
    assert date_row.input.value() == "2099-13-45"
    assert date_row.error.text() == ("'2099-13-45' is not a real date (there is no month 13);"
                                     " write YYYY-MM-DD")
    assert window.form.rows["candidate.digital_years"].error.text() == "must be 50 or less, got 500"
    assert "2 answers need correcting" in window.panel.detail.text()
    assert window.form.progress.value() == window.form.progress.maximum() - 2


def _asked(window) -> list[str]:
    return [q for q, asked in window.controller.relevance().items() if asked]


def _required_asked(window) -> list[str]:
    questions = window.controller.pack.questionnaire.questions
    return [q for q, asked in window.controller.relevance().items()
            if asked and questions[q].required]


def test_the_bar_counts_the_required_questions_shown_and_an_optional_answer_moves_nothing(
        qtbot, user_files):
    window = open_window(qtbot, user_files)
    bar = window.form.progress
    assert bar.maximum() == len(_required_asked(window))
    given = bar.value()
    answer(qtbot, window, "stream.pd_accountability", "okrs")   # optional
    assert (bar.value(), bar.maximum()) == (given, len(_required_asked(window)))
    answer(qtbot, window, "stream.name", "Home buying journey")  # required
    assert bar.value() == given + 1
    assert bar.text() == f"{given + 1} of {bar.maximum()} required answered"
    stream_required = sum(q.startswith("stream.") for q in _required_asked(window))
    assert window.form.steps.item(0).text() == (
        f"The value stream\n1 of {stream_required} required")


def test_a_follow_up_that_appears_is_said_with_the_new_total(qtbot, user_files):
    window = open_window(qtbot, user_files)
    form, note = window.form, window.form.follow_ups
    questions = window.controller.pack.questionnaire.questions
    window.reveal("candidate.former_role_share")
    before = form.progress.maximum()
    assert not note.isVisible()
    answer(qtbot, window, "candidate.former_role_share", 40)
    follow_up = questions["candidate.reduce_former_role"].title
    assert form.progress.maximum() == before + 1 == len(_required_asked(window))
    assert note.isVisible() and note.text() == (
        f"Your answer added a question in this section: “{follow_up}”"
        + ("" if follow_up.endswith("?") else ".") + f" Now {before + 1} required (was {before}).")
    answer(qtbot, window, "candidate.former_role_share", 0)  # no former role: no follow-up
    assert note.text() == (f"Your answer removed 1 question no longer needed."
                           f" Now {before} required (was {before + 1}).")
    answer(qtbot, window, "candidate.former_role_share", 40)
    asked = _asked(window)
    answer(qtbot, window, "candidate.reduce_former_role", "yes")
    grown, added = form.progress.maximum(), [q for q in _asked(window) if q not in asked]
    assert grown > before + 1 and len(added) > 1
    assert note.text() == (f"Your answer added {len(added)} questions in this section."
                           f" Now {grown} required (was {before + 1}).")
    assert note.toolTip().split("\n") == [questions[q].title for q in added]  # named in full
    answer(qtbot, window, "candidate.former_role_share", 0)  # its follow-ups' follow-ups go too
    assert note.text() == (f"Your answer removed {len(added) + 1} questions no longer needed."
                           f" Now {before} required (was {grown}).")
    assert not any(window.form.rows[q].isVisibleTo(window.form) for q in added)
    form.go_to(2, focus=True)  # moving on: the news was for the section it happened in
    assert not note.isVisible()


def test_opening_a_case_announces_no_follow_ups(qtbot, user_files):
    window = open_window(qtbot, user_files)
    assert window.controller.open_case(EXAMPLE_CASE)
    settle(qtbot, window)
    assert not window.form.follow_ups.isVisible()
    assert window.form.progress.value() == window.form.progress.maximum() == len(
        _required_asked(window))
