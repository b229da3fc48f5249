"""The rationale PDF in words, read back from the real PDF: the changes said as the terminal
and the window say them, page-1 notes without catalogue ids or scores, no article codes
before the appendix (it cites each item with its words), the justification of a decision
that differs beside the decision, and a hire's steps as the assessment lists them."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from leadfit.forms.case import build_case
from leadfit.reports import printing
from leadfit.words import change_set_words, uncoded
from tests.decisions_support import case_with, decide_coach, pack, squash
from tests.portfolio_support import scenario_answers

CODE = re.compile(r"\b[PRFMU]\d{1,2}\b")
SCORE = re.compile(r"score \d")
APPENDIX_B = "Appendix B: audit details"


def _pages(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _scenario_case(name: str, **changes):
    return build_case(scenario_answers(name, **changes), pack().questionnaire)


def _record_pdf(reg, case, decision: str, **kw) -> tuple[object, list[str]]:
    args = {"plan_later": True, "conditions": "Weekly coaching"} if decision == "coach" else {}
    record = service.decide(reg, case, pack(), decision=decision, **{**args, **kw})
    return record, _pages(printing.render_pdf(reg, record.ref).pdf)


def _prose(pages: list[str]) -> str:
    """What an executive reads: every page before the audit appendix."""
    return " ".join(pages).split(APPENDIX_B)[0]


def test_what_would_change_it_says_each_change_as_the_terminal_and_the_window_do(tmp_path):
    """The stored words begin 'Becomes Appoint if'; the command line and the window say 'It
    would become Appoint if' (leadfit.words.change_set_words): the PDF says it so too."""
    with open_register(tmp_path / "r.db") as reg:
        record = decide_coach(reg)
        text = " ".join(_pages(printing.render_pdf(reg, record.ref).pdf))
    said = [change_set_words(alt.title, s) for alt in record.assessment.alternatives
            for s in alt.nearest]
    assert said and all(squash(line) in text for line in said), said
    assert any(str(s.words).startswith("Becomes ") for alt in record.assessment.alternatives
               for s in alt.nearest)            # what the record stores, never printed
    assert "Becomes " not in text and "It would become Appoint if" in text


def test_page_one_notes_read_in_words_as_the_command_line_says_them(tmp_path):
    """A note that names 'F9 “Title without the job”' and '(critical, score 37)', one that
    names the readiness marks 'P1 Digital product experience', and one about a step left
    out of the plan ('M7 Coaching and mentoring is not in the plan'): the PDF says each as
    the command line does, with no id and no score."""
    ids = set(pack().catalogue.entries)
    names = ("learner keeps half the job on a small internal stream, with no plan",
             "ready but not interviewed as an outsider", "nobody to coach an impatient candidate")
    with open_register(tmp_path / "r.db") as reg:
        for name in names:
            case = _scenario_case(name)
            record, pages = _record_pdf(reg, case, _recommended(case), again=True)
            notes = record.assessment.notes + record.assessment.constraints
            assert any(CODE.search(n) for n in notes), (name, notes)   # the stored words have them
            page_one = pages[0]
            for note in notes:
                assert squash(uncoded(note, ids)) in " ".join(pages[:2]), (name, note)
            assert not CODE.search(page_one) and not SCORE.search(page_one), (name, page_one[:600])


def _recommended(case) -> str:
    from leadfit.rules.runtime.explain import evaluate_explained
    return str(evaluate_explained(case, pack()).outcome)


def test_no_article_code_before_the_appendix_which_cites_each_item_with_its_words(tmp_path):
    """'(article: U1)' stood beside an answer not known (U1 is no idea of the article) and
    '(article: F1)' beside every finding: the pages an executive reads carry words only;
    Appendix B gives each item's words with the article's reference and the rule."""
    unknown = case_with(candidate__blamed_digital="not known", candidate__holds_line="some")
    with open_register(tmp_path / "r.db") as reg:
        coached = decide_coach(reg, plan={"M10": ("Chief Product Officer", "2027-01-15")})
        cases = [(coached, _pages(printing.render_pdf(reg, coached.ref).pdf)),
                 # nothing is recommended where the answers not known decide it: a reason
                 _record_pdf(reg, unknown, "hire_external", justification="Cannot wait to find out")]
    for record, pages in cases:
        a, prose = record.assessment, _prose(pages)
        assert "article:" not in prose
        assert not CODE.search(prose), CODE.findall(prose)
        appendix = " ".join(pages).split(APPENDIX_B)[1]
        for item in [*a.readiness, *a.findings, *a.signals, *a.mitigations]:
            assert item.title in prose, item.title            # in words where it is read
            ref = item.id if item.id[0] in "PRFM" else "none: an answer not known"
            assert squash(f"{item.title} {ref}") in appendix, (item.id, appendix[:400])
    assert any(f.id.startswith("U") for f in cases[1][0].assessment.findings)
    assert "Fail fast Set, with the signs of not adjusting" in _prose(cases[0][1])


def test_a_decision_that_differs_has_its_justification_beside_it_on_page_one(tmp_path):
    """HR's first question in a dispute: the justification sat on page 3, under a section of
    its own; it is now the row under the decision."""
    why = "The board accepts the learning curve; the candidate starts at once."
    with open_register(tmp_path / "r.db") as reg:
        record, pages = _record_pdf(reg, case_with(), "appoint", justification=why)
    assert record.decision.differs
    assert "Decision Appoint (differs from the recommendation) Justification " + why in pages[0]
    assert sum(why in page for page in pages) == 1
    assert "Justification (the decision differs" not in " ".join(pages)
    # the coaching plan it leaves out is named, not called "not required"
    plan = _prose(pages).split("Mitigation plan")[1]
    assert "No mitigation is required" not in plan
    assert plan.startswith(" The decision does not take up these steps the recommendation"
                           " called for: “Induction”"), plan[:200]


def test_a_hire_says_the_steps_the_assessment_lists_for_it_as_the_command_line_does(tmp_path):
    """'No mitigation plan: hiring externally needs none' while `leadfit evaluate` lists the
    formal role under the plan: the PDF lists each step the assessment requires for a hire."""
    case = _scenario_case("gaps too wide to close in time", **{"org.formal_role": False})
    with open_register(tmp_path / "r.db") as reg:
        record, pages = _record_pdf(reg, case, "hire_external")
        coached, coached_pages = _record_pdf(reg, case_with(), "hire_external",
                                             justification="The board will fund an outside hire.")
    a, prose = record.assessment, _prose(pages)
    assert a.outcome == "hire_external" and a.plan_steps()
    assert "needs none" not in " ".join(pages)
    steps = prose.split("Steps for the hire")[1]
    assert steps.startswith(" No coaching plan: an experienced Product Director is hired to lead"
                            " the stream. The assessment requires these steps for the hire"), steps[:200]
    for m in a.plan_steps():                                 # what `leadfit evaluate` lists
        assert squash(f"{m.title} {m.meaning}") in steps, m.id
    # hired against a coaching recommendation: that plan does not apply, and it says so
    steps = _prose(coached_pages).split("Steps for the hire")[1]
    assert steps.startswith(" No coaching plan: hiring from outside, this candidate does not lead"
                            " the stream, so the plan the recommendation (Appoint with coaching)"
                            " called for does not apply."), steps[:200]
    assert "needs none" not in " ".join(coached_pages)


_DECIDABLE = [s for s in pack().scenarios if s.expect.outcome]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_DECIDABLE))
def test_the_pdf_leaves_out_the_codes_the_command_line_leaves_out(scenario):
    """The PDF reads a sealed record without its pack: the ids it leaves out (the assessment's,
    the catalogue's where a sentence names another) are those the command line leaves out with
    the pack's catalogue, on every sentence a scenario of the default pack gives it."""
    from leadfit.reports.pdf_plain import plain_words
    from leadfit.rules.runtime.explain import evaluate_explained
    a = evaluate_explained(build_case(scenario.answers, pack().questionnaire), pack())
    plain, ids = plain_words(a), set(pack().catalogue.entries)
    said = [*a.notes, *a.constraints, *(f.summary for f in a.findings),
            *(m.meaning for m in a.plan_steps()),
            *(reason for alt in a.alternatives for reason in alt.why_not)]
    if a.unknowns:
        said += [a.unknowns.summary, a.unknowns.decided_by]
    for sentence in said:
        assert plain(sentence) == uncoded(sentence, ids), sentence
        assert not SCORE.search(plain(sentence)), sentence


def test_a_review_that_brings_in_a_product_director_names_whose_conditions_it_prints(tmp_path):
    """The review record of 'bring in an experienced Product Director' ends the coaching and
    keeps none of its conditions (hH item 8): under 'Decision: Hire …' they read as conditions
    of the hire. (Reviews recorded before that kept them: their PDF names whose they are.)"""
    from datetime import date

    from leadfit.decisions import review_service
    from tests.decisions_support import review_continue, sign_all
    with open_register(tmp_path / "r.db") as reg:
        decision = sign_all(reg, decide_coach(reg).ref)
        first = sign_all(reg, review_continue(reg, decision.record_id).ref)
        second = review_service.review(reg, first.record_id, verdict="experienced_pd",
                                       held_on="2027-05-02", experienced_pd="Robin Vale",
                                       today=date(2027, 5, 2), justification="Not adjusting")
        pages = {r.ref: _pages(printing.render_pdf(reg, r.ref).pdf) for r in (first, second)}
    assert second.decision.outcome == "hire_external" and not second.decision.conditions
    assert decision.decision.conditions not in " ".join(pages[second.ref])
    assert "Conditions" not in pages[second.ref][0]
    assert "Conditions " + first.decision.conditions in pages[first.ref][0]   # still coached
    assert "this review ends" not in " ".join(pages[first.ref])
    # the fail-fast step is done by holding the review, and the review says so (reader 6: "done"
    # read as marked by the reviewer, who had not), in the PDF and on the command line alike
    from leadfit.decisions.review_words import change_lines
    said = "Fail fast done: a fail-fast review was held on 1 February 2027"
    assert said in " ".join(pages[first.ref])
    assert "  Fail fast: done: a fail-fast review was held on 1 February 2027" in change_lines(first)


def test_the_comparison_pdf_says_each_note_without_codes_as_its_command_line_does():
    """The comparison PDF printed each candidate's notes as stored ('Unverified: P1 Digital
    product experience, P2 …'); `leadfit compare` leaves the codes out, and so does the PDF."""
    from leadfit.cli.compare import text as compare_text
    from leadfit.decisions.comparison import compare
    from leadfit.reports.pdf_comparison import render
    unverified = scenario_answers("ready but not interviewed as an outsider")
    cases = [(f"{name}.yaml", build_case({**unverified, "candidate.name": name}, pack().questionnaire))
             for name in ("Sam Lee", "Ali Khan")]
    comparison = compare(cases, pack())
    notes = comparison.columns[1].assessment.notes
    assert any(CODE.search(n) for n in notes), notes      # stored with the codes
    pdf, _ = render(comparison)
    text = " ".join(_pages(pdf))
    ids = set(pack().catalogue.entries)
    for note in notes:
        assert squash(uncoded(note, ids)) in text, note
    assert not CODE.search(text), CODE.findall(text)
    assert not CODE.search(compare_text(comparison, ids))


def _optional_informing() -> list[str]:
    answers = scenario_answers("a learner with two years")
    return [q.id for q in pack().questionnaire.asked
            if not q.required and q.informs and q.id in answers]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(left_blank=st.sets(st.sampled_from(_optional_informing()), min_size=1))
def test_the_pdf_says_each_readiness_mark_as_the_command_line_does(tmp_path_factory, left_blank):
    """'P&L ownership: met' with 'Will the Product Director own this stream's results?' left
    blank: the window and the terminal say 'not answered' (forms/unanswered.py); so does the PDF."""
    import yaml

    from tests.helpers import run_cli
    answers = {k: v for k, v in scenario_answers("a learner with two years").items()
               if k not in left_blank}
    folder = tmp_path_factory.mktemp("case")
    case_file = folder / "case.yaml"
    plain = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in answers.items()}
    case_file.write_text(yaml.safe_dump({"questionnaire": 3, "answers": plain}), encoding="utf-8")
    terminal = run_cli("evaluate", str(case_file)).stdout
    with open_register(folder / "r.db") as reg:
        record, pages = _record_pdf(reg, build_case(answers, pack().questionnaire), "coach")
    text = squash(" ".join(pages).split("Findings")[0])
    for item in record.assessment.readiness:
        said = re.search(rf"  - {re.escape(item.title)}: (.+)\n", terminal).group(1)
        assert f"{item.title} {said}" in text, (item.title, said, left_blank)
