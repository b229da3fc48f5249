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
    assert not step.startswith("✓") and step.endswith("answered")
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
