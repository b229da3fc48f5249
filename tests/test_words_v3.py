"""Words 3 (default 2.5): the sentences the third domain reader read as an executive would
(/work/team/reader/report-3.md section 3, items 1-4 and 9-12), as `leadfit evaluate`,
`leadfit decide` and the signed PDF say them. Each is checked against 2.4's words too: records
of packs before words 3 replay with the words they hold.
"""

from __future__ import annotations

import pytest

from tests.helpers import run_cli
from tests.words_v3_support import (
    STEPS_FIRST_TITLE,
    case_file,
    explained,
    words2,
    words2_dir,
    words3,
    words3_dir,
)

READY = "ready candidate is appointed"
CAPACITY = "capable, keeps sixty percent with no plan"
ELEVEN = "eleven failure modes add up to hiring"
DEPENDS = "not known: the candidate's experience decides between coaching and hiring"
HOLDS = "not known: hire holds whatever their history with digital teams"
NEVER_LED = "never led product, design and engineering"
NOT_INTERVIEWED = "learner not interviewed"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _evaluate(tmp_path, name: str, *extra: str, code: int = 0, **changes):
    done = run_cli("evaluate", case_file(tmp_path, name, **changes), "--pack", str(words3_dir()),
                   *extra)
    assert done.returncode == code, done.stderr
    return done


def _said(tmp_path, name: str, *extra: str, **changes) -> str:
    return _flat(_evaluate(tmp_path, name, *extra, **changes).stdout)


# --- 3.1: each worse change alone would do: not "only if" -------------------------------------
def test_each_worse_change_is_said_as_one_that_would_do_alone(tmp_path):
    said = _said(tmp_path, READY)
    assert ("It would become Appoint with coaching if “Years managing digital products” were 2 or"
            " less (now 5).") in said
    assert ("It would become Appoint with coaching if “Have they led product, design and"
            " engineering together?” were no (now yes).") in said
    assert "Only if" not in said and "would it be" not in said


def test_older_records_keep_only_if():
    _, a = explained(READY, words2())
    words = [s.words for alt in a.alternatives for s in alt.nearest]
    assert ("Only if “Years managing digital products” were 2 or less (now 5) would it be Appoint"
            " with coaching") in words


# --- 3.2: an appointment standing on steps first is not called what coaching is ----------------
def test_an_appointment_on_steps_first_is_not_called_on_conditions(tmp_path):
    said = _said(tmp_path, CAPACITY)
    assert f"Recommendation: {STEPS_FIRST_TITLE} Risk of appointing" in said
    assert "on conditions" not in said


# --- 3.3: why the risk raised the outcome, without the pack, a scale or "failure modes" ---------
def test_the_risk_that_raises_the_outcome_is_said_in_plain_words(tmp_path):
    said = _said(tmp_path, ELEVEN)
    assert ("Note: Together the findings make the risk of appointing the candidate as proposed"
            " critical: too high for 'Appoint with coaching', so the advice is 'Hire an experienced"
            " Product Director'.") in said
    assert ("Appoint with coaching: - Together the findings make the risk of appointing the"
            " candidate as proposed critical, and that risk calls for 'Hire an experienced Product"
            " Director'.") in said
    for jargon in ("the pack", "at least", "failure modes"):
        assert jargon not in said


def test_older_records_keep_the_failure_modes_adding_up():
    _, a = explained(ELEVEN, words2())
    assert any("at critical risk the pack advises at least 'Hire an experienced Product Director'"
               in n for n in a.notes)


# --- 3.4: "Find out first": the note, the paragraph said once, decide's refusal and the record --
def test_find_out_first_says_nothing_is_decided_and_the_paragraph_once(tmp_path):
    out = _evaluate(tmp_path, DEPENDS, "--details").stdout
    said = _flat(out)
    assert ("Note: Nothing is decided until the answers not known are found out. If they turn out"
            " badly: Hire an experienced Product Director for this stream.") in said
    _, a = explained(DEPENDS)
    summary = a.unknowns.summary
    assert summary.startswith("It can be Appoint with coaching or Hire an experienced Product"
                              " Director, depending on “Years managing digital products” (")
    assert _flat(out).count(_flat(summary)) == 1  # it was printed three times with --details
    _, old = explained(DEPENDS, words2())
    assert old.unknowns.summary.startswith("It depends on “Years managing digital products”: if")
    assert len(summary) < len(old.unknowns.summary)
    assert old.notes[0].startswith("Hire an experienced Product Director for this stream.")


def _decide(tmp_path, db: str, decision: str, pack: str, *extra: str):
    return run_cli("decide", case_file(tmp_path, DEPENDS), "--decision", decision, "--pack", pack,
                   "--db", db, "--recorded-by", "Ann Lee", *extra)


def test_deciding_before_finding_out_is_refused_and_recorded_in_the_words_seen(tmp_path):
    db = f"sqlite:///{tmp_path / 'register.db'}"
    refused = _decide(tmp_path, db, "appoint", str(words3_dir()))
    assert refused.returncode == 2
    assert ("nothing was recommended ('Find out first. If the answers not known turn out badly:"
            " Hire an experienced Product Director'): the answers not known decide it, so the"
            " decision 'Appoint' needs a written justification") in _flat(refused.stderr)
    done = _decide(tmp_path, db, "hire_external", str(words3_dir()), "--justify",
                   "The stream cannot wait for the answers")
    assert done.returncode == 0, done.stderr
    assert ("This decision was taken before the answers not known were found out, though they"
            " decide the recommendation: “Years managing digital products”") in _flat(done.stderr)
    record = done.stdout.strip()
    pdf = tmp_path / "record.pdf"
    assert run_cli("report", record, "--db", db, "--out", str(pdf)).returncode == 0
    text = _flat(_pdf_text(pdf))
    assert ("Decision Hire an experienced Product Director, taken before the answers not known were"
            " found out, though they decide the recommendation: “Years managing digital products”"
            ) in text
    lead = "It can be Appoint with coaching or Hire an experienced Product Director, depending"
    assert text.count(lead) == 1  # its reasons point to it: the PDF printed it three times
    assert "could lead to it, but not safely: see “Answers not known” above" in text


def test_the_signed_pdf_says_the_new_headline_and_each_change_alone(tmp_path):
    db = f"sqlite:///{tmp_path / 'register.db'}"
    done = run_cli("decide", case_file(tmp_path, CAPACITY), "--decision", "appoint", "--pack",
                   str(words3_dir()), "--db", db, "--recorded-by", "Ann Lee")
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "record.pdf"
    assert run_cli("report", done.stdout.strip(), "--db", db, "--out", str(pdf)).returncode == 0
    text = _flat(_pdf_text(pdf))
    assert f"Recommendation {STEPS_FIRST_TITLE}" in text
    assert ("It would become Hire an experienced Product Director if “Years managing digital"
            " products” were 2 or less (now 5).") in text
    assert "Only if" not in text and "on conditions" not in text


def test_older_packs_keep_their_refusal(tmp_path):
    db = f"sqlite:///{tmp_path / 'register.db'}"
    refused = _decide(tmp_path, db, "appoint", str(words2_dir()))
    assert ("differs from the recommendation 'Hire an experienced Product Director': a written"
            in _flat(refused.stderr))


def _pdf_text(path) -> str:
    import pypdfium2
    doc = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


# --- 3.9: a question never put is not "not answered" -------------------------------------------
def test_a_question_never_asked_reads_not_asked(tmp_path):
    said = _said(tmp_path, NEVER_LED)
    assert ("It would become Hire an experienced Product Director if “Is there a CPO who can mentor"
            " the candidate?” were no (now yes) and “Can you bring in an outside coach?” were no"
            " (now not asked).") in said
    assert "not answered" not in said


# --- 3.10: an incomplete case: what is provisional says so; no plan; words only -----------------
def test_an_incomplete_case_says_what_is_provisional_and_holds_back_the_plan(tmp_path):
    done = _evaluate(tmp_path, ELEVEN, code=3, **{"org.external_hire": None})
    said = _flat(done.stdout)
    assert "Recommendation: none yet" in said
    assert ("Risk of appointing this candidate as proposed, so far: critical (provisional until"
            " the missing answers are given)") in said
    assert "Findings so far (provisional until the missing answers are given):" in said
    assert "Mitigation plan" not in said and "Before the appointment" not in said
    assert done.stderr.strip().splitlines()[-1] == (
        "To complete the case, answer: “Could you hire an experienced Product Director from"
        " outside?”.")
    assert "org.external_hire" not in done.stderr


def test_older_packs_keep_the_plan_of_an_incomplete_case(tmp_path):
    done = run_cli("evaluate", case_file(tmp_path, ELEVEN, **{"org.external_hire": None}), "--pack",
                   str(words2_dir()))
    assert done.returncode == 3 and "Mitigation plan:" in done.stdout


# --- 3.11: answers not known that cannot move the outcome: said as they are --------------------
def test_answers_that_hold_are_not_called_the_most_cautious(tmp_path):
    extra = {"org.peer_exposure": "not known"}
    said = _said(tmp_path, HOLDS, "--details", **extra)
    assert ("Every answer to the questions not known leads to the same outcome; for example, the"
            " engine evaluated the known answers with “Have they blamed digital teams for slow"
            " delivery before?” answered yes and “Can they spend time with experienced Product"
            " Directors elsewhere?” answered yes. No rule that decides the outcome reads “Are other"
            " leaders competing for this role?”.") in said
    assert "most cautious" not in said
    assert "- U1 Unverified: Have they blamed" in said and "- U2 Unverified: Can they spend" in said
    plain = _said(tmp_path, HOLDS, **extra)
    assert "The recommendation does not depend on them; find them out all the same" in plain
    assert "turning out badly" not in plain
    _, old = explained(HOLDS, words2(), **extra)
    assert [f.id for f in old.findings if f.id.startswith("U")] == ["U1", "U3"]  # as recorded


# --- 3.12: a route to an appointment keeps the steps before it ----------------------------------
@pytest.mark.parametrize("details", [False, True])
def test_a_route_to_appoint_keeps_the_steps_before_it(tmp_path, details):
    said = _said(tmp_path, NOT_INTERVIEWED, *(["--details"] if details else []))
    assert ("It would become Appoint if “Years managing digital products” is 3 or more (now 2; not in the"
            " organisation's hands); the steps before the appointment still come first") in said
    _, old = explained(NOT_INTERVIEWED, words2())
    assert not any("still come first" in s.words for alt in old.alternatives for s in alt.nearest)
    assert words3().settings.words_version == 3
