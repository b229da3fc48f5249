"""The benchmarks' case files, measured --before an earlier tree, are read alike by both trees.

An earlier LeadFit knows an earlier questionnaire: a file with a later version's new
question is unreadable to it (every file of `packs.py --before` and the example case of
`pdf_text.py --start` were). The benchmarks write them for the questionnaire both trees
read; here the archived version 2 stands in for the earlier tree's own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from leadfit.errors import InputError
from leadfit.forms.case import load_case_file
from leadfit.forms.questionnaire import CURRENT_VERSION, default_questionnaire, questionnaire_version
from leadfit.rules.model.library import default_pack

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from cases import case_file, case_file_for, generate, readable_by, written_by  # noqa: E402

EXAMPLE = ROOT / "forms" / "examples" / "example-case.yaml"
OLDER = questionnaire_version(2)


def _new_questions() -> set[str]:
    return {q.id for q in default_questionnaire().asked} - {q.id for q in OLDER.asked}


def test_the_current_example_is_unreadable_to_the_older_questionnaire(tmp_path):
    """What failed: the example is marked version 3, and without the mark it answers a
    question version 2 does not know."""
    assert _new_questions()
    with pytest.raises(InputError, match="version 3 cannot be read by version 2"):
        load_case_file(EXAMPLE, OLDER)
    unmarked = tmp_path / "unmarked.yaml"
    unmarked.write_text(case_file(load_case_file(EXAMPLE, default_questionnaire()).answers, 1))
    with pytest.raises(InputError, match="unknown question 'candidate.earlier_attempt'"):
        load_case_file(unmarked, OLDER)


def test_the_example_written_for_the_older_questionnaire_reads_the_same_in_both(tmp_path):
    path = case_file_for(OLDER, EXAMPLE, tmp_path)
    older, now = load_case_file(path, OLDER), load_case_file(path, default_questionnaire())
    assert older.answers == now.answers
    full = load_case_file(EXAMPLE, default_questionnaire()).answers
    assert now.answers == {k: v for k, v in full.items() if k not in _new_questions()}


def test_generated_cases_for_the_older_questionnaire_read_the_same_in_both(tmp_path):
    for i, answers in enumerate(generate(OLDER, 60, seed=3, blank_rate=0.05, pack=default_pack())):
        path = tmp_path / f"case-{i}.yaml"
        path.write_text(case_file(answers, OLDER.version), encoding="utf-8")
        assert load_case_file(path, OLDER).answers == load_case_file(path, default_questionnaire()).answers


def test_an_option_the_older_questionnaire_lacks_is_left_out():
    choice = next(q for q in OLDER.asked if q.type == "choice")
    assert readable_by({choice.id: "no such option", "unknown.question": 1}, OLDER) == {}
    first = next(iter(choice.options))
    assert readable_by({choice.id: first}, OLDER) == {choice.id: first}


def test_the_same_tree_writes_its_own_questionnaire():
    assert written_by(sys.executable).version == CURRENT_VERSION
