"""Answers "not known" judged honestly (the reader and fresh-eyes rounds of session 8):
where an answer is not known the words say so, never "not known%"; what holds whatever the
answer is compares what must happen before the appointment too; follow-ups of an unknown
answer are never demanded."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from leadfit.forms.questionnaire import NOT_KNOWN
from leadfit.reports import printing
from leadfit.rules.runtime.assess import evaluate
from leadfit.words import answer_words, because_words
from tests.decisions_support import case_with, pack, squash
from tests.helpers import run_cli

SHARE = "candidate.former_role_share"


def _case_file(tmp_path, **changes) -> str:
    import yaml
    case = case_with(**changes)
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"answers": case.to_data()}, sort_keys=False))
    return str(path)


# -- 4. "not known" where a number with its unit is expected --------------------------------

def test_a_number_not_known_is_said_without_its_unit():
    """Every question a number with a unit answers reads plain "not known" when not known."""
    questions = [q for q in pack().questionnaire.asked if q.may_be_unknown]
    assert any(q.type == "percent" for q in questions)  # the share kept in the former role
    for q in questions:
        assert answer_words(NOT_KNOWN, q) == "not known", q.id
    assert answer_words(40, pack().questionnaire.questions[SHARE]) == "40%"  # a known one keeps it


def test_the_terminal_says_the_share_is_not_known_without_a_percent_sign(tmp_path):
    # Predicted: "because Share of their time kept in the former role: not known"
    done = run_cli("evaluate", _case_file(tmp_path, candidate__former_role_share=NOT_KNOWN))
    assert done.returncode == 0, done.stderr
    text = squash(done.stdout)
    assert "Share of their time kept in the former role: not known" in text
    assert "not known%" not in text and "not known %" not in text


def test_the_pdf_says_the_share_is_not_known_without_a_percent_sign(tmp_path):
    case = case_with(candidate__former_role_share=NOT_KNOWN)
    with open_register(tmp_path / "r.db") as reg:
        record = service.decide(reg, case, pack(), decision=evaluate(case, pack()).outcome,
                                plan_later=True,
                                conditions="Weekly coaching by the CPO")
        printing.report(reg, record.ref, tmp_path / "rationale.pdf")
    reader = PdfReader(io.BytesIO((tmp_path / "rationale.pdf").read_bytes()))
    text = squash(" ".join(p.extract_text() for p in reader.pages))
    assert "Share of their time kept in the former role" in text
    assert not re.search(r"not known ?%", text)


def test_the_window_words_for_a_cause_not_known_have_no_unit():
    """The panel says a finding's causes with because_words (desktop/findings_view.py)."""
    from leadfit.rules.model.assessment import Cause
    q = pack().questionnaire.questions[SHARE]
    cause = Cause.model_construct(question=SHARE, title=q.title, answer=NOT_KNOWN)
    assert because_words(cause, q) == "because Share of their time kept in the former role: not known"
