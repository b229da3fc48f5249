"""Default 2.4: the fourth domain reader's points on the trade-off, the coach note, what would
change it and a critical risk beside an open choice (docs/judgement.md, 2.4 items 10 to 13).

Each reads what a person sees (``leadfit evaluate``, the signed record's words) on a default
scenario written from the article, and checks that the archived 2.3 still says what its records
hold (replay needs them identical).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadfit.rules.model.library import default_pack
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.runtime.changes import is_lever
from leadfit.rules.runtime.explain import evaluate_explained
from tests.test_judgement_selection import _case, _flat, _old, _said

STATED = "a coached appointment states the trade-off"
READY = "ready candidate is appointed"
CAPACITY = "capable, keeps sixty percent with no plan"
ELEVEN = "eleven failure modes add up to hiring"
DEVELOP = "low-stakes stream, development chosen openly"


def is_worse(change_set) -> bool:
    """Said as a worse situation ('It would become … if … were …'; 2.4 'Only if …'), not a route."""
    return change_set.words.startswith(("Only if ", "It would become "))


def _step(assessment, mid: str):
    return next(m for m in assessment.mitigations if m.id == mid)


# --- item 6: trade-offs already stated read as done ------------------------------------------
def test_stated_trade_offs_read_as_done_not_as_a_step_to_take(tmp_path):
    # "Recognise from the start that there are trade-offs ... and be open and honest about them."
    said = _flat(_said(tmp_path, STATED))
    assert "to be said openly from the start" not in said
    assert "Open trade-offs: Done: the trade-offs have been stated openly" in said
    assert "Say from the start what the arrangement costs" not in said


def test_unstated_trade_offs_stay_a_step_to_take():
    pack = default_pack()
    a = evaluate(_case(STATED, **{"org.tradeoffs_stated": False}), pack)
    assert a.outcome == "coach"
    assert _step(a, "M9").meaning.startswith("Say from the start")
    assert not any("have been stated openly" in n for n in a.notes)


# --- item 5: the coach note names what is missing ---------------------------------------------
def test_the_coach_note_names_only_the_gap_a_strong_learner_has():
    # A strong candidate with two years running digital products (the reader's 12): coached.
    a = evaluate(_case(READY, **{"candidate.digital_years": 2}), default_pack())
    assert a.outcome == "coach"
    note = next(n for n in a.notes if n.startswith("The trade-off"))
    assert "still short on digital product experience" in note  # 2.7: {gaps_plain}
    assert "well short" not in note
    for other in ("P&L ownership", "multi-disciplinary leadership", "iterative delivery"):
        assert other not in note


ROUTE_TO_COACHING = re.compile(r"Appoint with coaching if “[^”]*” is ")  # a route: "is", not "were"


# --- items 8, 9: what would change it never offers a worse situation as a route ---------------
def test_hiring_impossible_is_said_as_a_worse_situation_not_a_route_to_coaching(tmp_path):
    said = _flat(_said(tmp_path, ELEVEN))
    # a route says what an answer "is"; a worse situation what it "were" (one opening, 'It would become')
    assert not re.search(r"Appoint with coaching if “Could you hire[^”]*” is ", said)
    # 2.8 (words 6): no change to make at all, said once as no way to get there
    assert "The nearest way to Appoint with coaching would take support or the option to hire away" in said


def test_an_impatient_candidate_is_no_route_to_coaching(tmp_path):
    said = _flat(_said(tmp_path, CAPACITY))
    assert not re.search(r"Appoint with coaching if “What do they expect[^”]*” is ", said)
    assert not ROUTE_TO_COACHING.search(said)  # 2.6: no worse answer is offered as a route
    assert "It would become Appoint with coaching if" in said  # worse situations, said as such


def test_the_signed_pdf_says_a_worse_situation_as_one(tmp_path):
    import yaml
    from pypdf import PdfReader
    from tests.helpers import run_cli
    db, out, path = tmp_path / "reg.db", tmp_path / "c.pdf", tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"answers": next(
        s for s in default_pack().scenarios if s.name == ELEVEN).answers}), encoding="utf-8")
    made = run_cli("decide", "--recorded-by", "Robin Hale", path, "--decision", "hire_external",
                   "--plan-later", "--db", db)
    assert made.returncode == 0, made.stderr
    printed = run_cli("report", made.stdout.split()[0], "--db", db, "--out", out)
    assert printed.returncode == 0, printed.stderr
    text = _flat(" ".join(p.extract_text() for p in PdfReader(out).pages))
    # 2.8 (words 6): the PDF says it as the terminal does: no way to get there
    assert "The nearest way to Appoint with coaching would take support or the option to hire away" in text
    assert "outside? “No” (now “Yes, budget and approval exist”; a fact)" not in text


CASES = [READY, CAPACITY, ELEVEN, DEVELOP, STATED]


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(name=st.sampled_from(CASES), years=st.sampled_from([0, 2, 3, 6]))
def test_a_route_offered_is_never_a_worse_situation_and_levers_are_tagged_alike(name, years):
    """What would change it and the risk agree: a change offered as 'Becomes …' never raises the
    risk and never takes support or an option away; a lever question moved to an answer the pack
    counts as advice is always 'a lever'."""
    pack = default_pack()
    case = _case(name, **{"candidate.digital_years": years})
    a = evaluate_explained(case, pack)
    if not a.decided:
        return
    for alt in a.alternatives:
        for s in alt.nearest + ([alt.levers_only] if alt.levers_only else []):
            values = {c.question: c.value for c in s.changes}
            if is_worse(s):
                assert not any(c.lever for c in s.changes)
                continue
            assert evaluate(case.with_answers(values), pack).risk.score <= a.risk.score, s.words
            for c in s.changes:
                if c.question in pack.settings.lever_values:
                    assert c.lever == is_lever(pack, c.question, c.value), s.words
                    assert c.lever, s.words


# --- item 4: a critical risk beside an open choice says why it is accepted -----------------------
def test_a_critical_risk_beside_an_open_choice_says_why_it_is_accepted():
    # "You may not get the kind of product delivery you had forecast, but you are building more
    # digitally enabled execs."
    a = evaluate(_case(DEVELOP), default_pack())
    assert (a.outcome, a.risk.level) == ("coach", "critical")
    choice = next(n for n in a.notes if n.startswith("A deliberate choice"))
    assert "it is accepted here because the stakes are low" in choice


# --- the archived 2.3 keeps its words ------------------------------------------------------------
def test_under_2_3_the_words_records_hold_are_unchanged():
    old = _old()
    a = evaluate_explained(_case(ELEVEN, old), old)
    assert any(s.words.startswith("Becomes Appoint with coaching if “Could you hire")
               for alt in a.alternatives for s in alt.nearest)
    coached = evaluate(_case(STATED, old), old)
    assert any("to be said openly from the start" in n for n in coached.notes)
    assert _step(coached, "M9").meaning.startswith("Say from the start")
    develop = evaluate(_case(DEVELOP, old), old)
    assert not any("accepted here" in n for n in develop.notes)
