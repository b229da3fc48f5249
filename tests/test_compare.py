"""Comparing candidates for one stream: side by side against an experienced external PD,
as the command line prints it and as a PDF; bad input named, exit 2, nothing written."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from leadfit.decisions import comparison_words as words
from leadfit.decisions.comparison import (
    REFERENCE_FILE,
    ComparisonError,
    compare,
    reference_case,
)
from leadfit.reports.pdf_comparison import render
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.model.library import default_pack, resolve_pack
from leadfit.yamlsafe import load_file
from leadfit.words import change_set_words, uncoded
from tests.compare_support import CANDIDATES, case_of, write_case
from tests.decisions_support import cli, squash  # noqa: F401  (cli is a fixture)

NAMES = list(CANDIDATES)


@pytest.fixture(scope="module")
def three():
    pack = default_pack()
    return compare([(f"{n}.yaml", case_of(n)) for n in NAMES], pack)


def test_three_candidates_side_by_side_each_as_the_engine_assesses_them_alone(three):
    pack = default_pack()
    assert [c.name for c in three.candidates] == NAMES
    for c in three.candidates:
        alone = evaluate(case_of(c.name), pack)
        assert (c.assessment.outcome, c.assessment.risk) == (alone.outcome, alone.risk)
        assert [f.id for f in c.assessment.findings] == [f.id for f in alone.findings]
    # the article's spread: coaching for the example, hiring for the learner, appoint for the ready
    assert [c.assessment.outcome for c in three.candidates] == ["coach", "hire_external", "appoint"]


def test_the_benchmark_is_an_experienced_external_pd_in_the_same_stream(three):
    ref = three.reference
    assert ref.reference and ref.assessment.outcome == "appoint"
    assert ref.assessment.risk.level == "low" and not ref.assessment.findings
    assert all(r.status == "met" for r in ref.assessment.readiness)
    # the stream and the organisation are the candidates'; the person is the profile's
    base = case_of("Alex Morgan").answers
    for qid in ("stream.name", "stream.revenue_impact", "org.cpo_available", "org.external_hire"):
        assert ref.case.answers[qid] == base[qid]
    profile = load_file(REFERENCE_FILE).data["answers"]
    assert all(ref.case.answers[k] == v for k, v in profile.items())


def test_the_benchmark_takes_the_stream_it_is_compared_in():
    pack = default_pack()
    low = reference_case(pack, case_of("Sam Lee", **{"stream.revenue_impact": "low"}))
    assert low.answers["stream.revenue_impact"] == "low"
    assert low.answers["candidate.digital_years"] == 8


@pytest.mark.parametrize("name", ["bank", "public-sector"])
def test_the_benchmark_is_appointed_under_every_bundled_pack(name):
    pack = resolve_pack(name)
    ref = reference_case(pack, case_of("Alex Morgan"))
    assert evaluate(ref, pack).outcome == "appoint"


def test_each_column_says_readiness_findings_risk_outcome_and_nearest_changes(three):
    rows = dict(words.glance_rows(three))
    assert rows["Recommendation"] == ["Appoint with coaching", "Hire an experienced Product Director",
                                      "Appoint once the steps before the appointment are done",
                                      "Appoint"]  # 2.4: steps come first (2.6: so named)
    assert rows["Risk of appointing as proposed"][3] == "low"  # words, not a score
    assert rows["Multi-disciplinary leadership"] == ["not met", "not met", "met", "met"]
    assert rows["Findings"][3] == "none"
    # the nearest change is the changes.py search's, re-evaluated: applying it gives that outcome
    alex = three.candidates[0]
    nearest = next(a for a in alex.assessment.alternatives if a.outcome == "appoint").nearest[0]
    assert words.change_lines(alex.assessment)[0] == change_set_words("Appoint", nearest)
    changed = alex.case.with_answers({c.question: c.value for c in nearest.changes})
    assert evaluate(changed, default_pack()).outcome == "appoint"


def test_the_pdf_puts_every_candidate_and_the_benchmark_side_by_side(three):
    pdf, unsupported = render(three, made_on="2026-12-01")
    text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert not unsupported
    for piece in ("Candidates for Home buying journey", "Compared on 1 December 2026",
                  "Side by side", *NAMES, "Reference: experienced external PD", "Findings",
                  "What would change it", "Steep learning curve (critical)", "It would become Appoint if"):
        assert piece in text, piece
    assert "hire_external" not in text and not re.search(r"\b[PFRM]\d+\b", text)


def test_compare_writes_the_pdf(cli, tmp_path):
    files = [write_case(tmp_path, n) for n in NAMES]
    out = tmp_path / "candidates.pdf"
    result = cli("compare", *files, "--out", out)
    assert result.returncode == 0, result.stderr
    assert PdfReader(out).pages and "Priya Shah" in PdfReader(out).pages[0].extract_text()
    text = squash(" ".join(p.extract_text() for p in PdfReader(out).pages))
    assert str(tmp_path) not in text and files[0].name in text    # the file's name, no folder


def test_compare_without_out_prints_the_same_rows(cli, tmp_path):
    files = [write_case(tmp_path, n) for n in NAMES[:2]]
    result = cli("compare", *files)
    assert result.returncode == 0
    assert "Alex Morgan: Appoint with coaching" in result.stdout
    assert "Reference: experienced external PD: Appoint" in result.stdout


def _refused(cli, tmp_path, files, *expected):
    out = tmp_path / "never.pdf"
    result = cli("compare", *files, "--out", out)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for piece in expected:
        assert piece in squash(result.stderr), result.stderr
    assert not out.exists()
    return result


def test_one_case_is_refused(cli, tmp_path):
    _refused(cli, tmp_path, [write_case(tmp_path, "Alex Morgan")],
             "at least two candidates for one stream; one given")


def test_seven_cases_are_refused(cli, tmp_path):
    files = [write_case(tmp_path, f"Candidate {i}") for i in range(7)]
    _refused(cli, tmp_path, files, "at most six candidates can be compared side by side; seven given")


def test_cases_for_different_streams_are_refused(cli, tmp_path):
    a = write_case(tmp_path, "Alex Morgan")
    b = write_case(tmp_path, "Sam Lee", **{"stream.name": "Savings journey"})
    _refused(cli, tmp_path, [a, b], "different value streams", "'Home buying journey'",
             "'Savings journey'", "one stream at a time")


def test_an_unreadable_case_is_named_with_every_other_problem(cli, tmp_path):
    good = write_case(tmp_path, "Alex Morgan")
    bad = write_case(tmp_path, "Sam Lee", **{"candidate.digital_years": -3})
    garbage = tmp_path / "garbage.yaml"
    garbage.write_bytes(b"\xff\xfe not: [yaml")
    result = _refused(cli, tmp_path, [good, bad, garbage, tmp_path / "absent.yaml"],
                      "sam-lee.yaml:", "Years managing digital products", "absent.yaml")
    assert "garbage.yaml" in result.stderr


def test_the_same_candidate_twice_is_refused(cli, tmp_path):
    a = write_case(tmp_path, "Alex Morgan")
    _refused(cli, tmp_path, [a, a], "the same candidate, 'Alex Morgan', appears twice")


def test_an_existing_file_is_kept_without_force(cli, tmp_path):
    files = [write_case(tmp_path, n) for n in NAMES[:2]]
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"mine")
    result = cli("compare", *files, "--out", out)
    assert result.returncode == 2 and out.read_bytes() == b"mine"


def test_the_core_names_every_problem_at_once():
    nameless = case_of("Alex Morgan").with_answers({"candidate.name": None})
    with pytest.raises(ComparisonError) as caught:
        compare([("a.yaml", nameless)], default_pack())
    said = " ".join(str(p) for p in caught.value.problems)
    assert "at least two candidates" in said and "a.yaml: names no candidate" in said


_DECIDED = [s for s in default_pack().scenarios if s.expect.outcome]


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(range(len(_DECIDED))), min_size=2, max_size=6))
def test_side_by_side_each_column_is_the_case_assessed_alone(picks):
    """Whatever candidates are put together, a column says what that case alone gets,
    and the command line prints every cell the window shows."""
    from leadfit.cli.compare import text as cli_text
    from leadfit.forms.case import build_case
    pack = default_pack()
    named = []
    for i, pick in enumerate(picks):
        raw = {**_DECIDED[pick].answers, "stream.name": "One stream",
               "candidate.name": f"Candidate {i + 1}"}
        named.append((f"case {i + 1}", build_case(raw, pack.questionnaire)))
    comparison = compare(named, pack, assess=evaluate)
    for (_, case), column in zip(named, comparison.candidates):
        alone = evaluate(case, pack)
        assert (column.assessment.outcome, column.assessment.risk) == (alone.outcome, alone.risk)
    ids = set(pack.catalogue.entries)
    printed = cli_text(comparison, ids)
    for label, cells in words.glance_rows(comparison):
        assert len(cells) == len(picks) + 1
        for column, cell in zip(comparison.columns, cells):    # in words: no codes, no scores
            assert f"{words.heading(column)}: {uncoded(cell, ids)}" in printed


def test_a_damaged_reference_profile_is_named_with_its_line(tmp_path, monkeypatch):
    from leadfit.decisions import comparison
    from leadfit.errors import PackError
    bad = tmp_path / "experienced-pd.yaml"
    bad.write_text("questionnaire: 2\nanswers:\n  candidate.name: Someone\n"
                   "  candidate.digital_years: lots\n")
    monkeypatch.setattr(comparison, "REFERENCE_FILE", bad)
    with pytest.raises(PackError) as caught:
        reference_case(default_pack(), case_of("Alex Morgan"))
    assert str(caught.value.problems[0]).startswith(f"{bad}:4:")
    bad.write_text("just text\n")
    with pytest.raises(PackError, match="needs an 'answers' mapping"):
        reference_case(default_pack(), case_of("Alex Morgan"))


def test_five_columns_or_more_are_laid_out_on_a_landscape_page():
    pack = default_pack()
    named = [(f"{i}.yaml", case_of(f"Candidate {i}")) for i in range(6)]
    pdf, _ = render(compare(named, pack, assess=evaluate))
    first = PdfReader(io.BytesIO(pdf)).pages[0]
    assert first.mediabox.width > first.mediabox.height
    three, _ = render(compare(named[:3], pack, assess=evaluate))
    page = PdfReader(io.BytesIO(three)).pages[0]
    assert page.mediabox.width < page.mediabox.height


def _optional_informing() -> list[str]:
    pack = default_pack()
    return [q.id for q in pack.questionnaire.asked
            if not q.required and q.informs and q.id in case_of("Alex Morgan").answers]


@settings(max_examples=12, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.sampled_from(_optional_informing()), min_size=1),
       st.sampled_from(NAMES[1:]))
def test_side_by_side_a_mark_on_a_blank_question_says_not_answered_as_the_terminal_does(blank, other):
    """'P&L ownership: met' beside a blank 'Will the Product Director own this stream's
    results?' read as settled; each readiness cell says what `leadfit evaluate` says for
    that case alone (forms/unanswered.py), the benchmark in the same stream included."""
    from leadfit.cli.render import render_assessment
    from leadfit.forms.case import build_case
    pack = default_pack()
    left = case_of("Alex Morgan")
    left = build_case({k: v for k, v in left.answers.items() if k not in blank}, pack.questionnaire)
    comparison = compare([("left.yaml", left), ("other.yaml", case_of(other))], pack, assess=evaluate)
    rows = dict(words.glance_rows(comparison))
    for k, column in enumerate(comparison.columns):
        alone = render_assessment(column.assessment, column.case, pack)
        for item in column.assessment.readiness:
            cell = rows[item.title][k]
            assert f"  - {item.title}: {cell}\n" in alone + "\n", (column.name, item.title)


def test_side_by_side_p_and_l_with_its_accountability_blank_is_not_answered_not_met():
    from leadfit.forms.case import build_case
    pack = default_pack()
    answers = {k: v for k, v in case_of("Alex Morgan").answers.items()
               if k != "stream.pd_accountability"}
    left = build_case(answers, pack.questionnaire)
    comparison = compare([("a.yaml", left), ("b.yaml", case_of("Priya Shah"))], pack, assess=evaluate)
    title = next(r.title for r in comparison.candidates[0].assessment.readiness if r.id == "P2")
    assert {r.id: r.status for r in comparison.candidates[0].assessment.readiness}["P2"] == "met"
    # Alex's column and the benchmark (same stream, same blank) are not said to be met; Priya's is
    assert dict(words.glance_rows(comparison))[title] == ["not answered", "met", "not answered"]


def test_the_benchmark_is_given_no_changes_to_make_in_the_terminal_the_pdf_or_the_window(three):
    """'It would become Appoint with coaching if Years managing digital products were 2 or
    less' of the reference column read as advice about a person who does not exist."""
    from leadfit.cli.compare import text as cli_text
    ids = set(default_pack().catalogue.entries)
    printed = cli_text(three, ids)
    benchmark = printed.split("\nReference: experienced external PD\n", 1)[1]
    assert benchmark.splitlines()[1] == f"  - {words.BENCHMARK_CHANGES}"
    assert "It would become" not in benchmark
    pdf, _ = render(three, made_on="2026-12-01")
    text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert squash(words.BENCHMARK_CHANGES) in text
    assert [words.column_change_lines(c) == [words.BENCHMARK_CHANGES] for c in three.columns] == \
        [False, False, False, True]
