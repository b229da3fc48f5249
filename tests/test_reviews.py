"""Fail-fast reviews (issue 12, M10): a coached appointment decided, signed, reviewed
(continue), reviewed again (bring in an experienced PD), each its own signed record,
linked, listed and verified; due and overdue across a date boundary (the refusals:
test_review_refusals.py)."""

from __future__ import annotations

from datetime import date

from leadfit.decisions import review_service, service
from tests.decisions_support import (
    case_with,
    counts,
    decide_coach,
    review_continue,
    sign_all,
)


def _lifecycle(reg):
    decision = sign_all(reg, decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")}).ref)
    first = sign_all(reg, review_continue(reg, decision.record_id,
                                          done={"M5": "2027-01-10"}).ref)
    second = review_service.review(reg, first.record_id, verdict="experienced_pd",
                            held_on="2027-05-02", experienced_pd="Robin Vale",
                            today=date(2027, 5, 2),
                            answers={"candidate.blamed_digital": True,
                                     "candidate.prioritisation": "wants_everything"},
                            behaviours="Blames the squads for slow delivery",
                            justification="Not adjusting by the decisive review")
    return decision, first, sign_all(reg, second.ref)


def test_decided_signed_reviewed_and_reviewed_again_each_record_signed_and_linked(reg):
    decision, first, second = _lifecycle(reg)
    assert [r.status for r in (decision, first, second)] == ["signed"] * 3
    assert (first.review.of, first.review.decision) == (decision.ref, decision.ref)
    assert (second.review.of, second.review.decision) == (first.ref, decision.ref)
    assert [r.ref for r in review_service.reviews_of(reg, decision.record_id)] == [first.ref, second.ref]
    listed = {r.ref: r for r in service.list_records(reg)}
    assert set(listed) == {decision.ref, first.ref, second.ref}
    assert (listed[second.ref].outcome, second.review.verdict) == ("hire_external",
                                                                   "experienced_pd")
    assert service.verify(reg).ok
    assert review_service.due_reviews(reg, date(2030, 1, 1)) == []   # the chain ended with the PD


def test_a_review_shows_what_changed_since_the_decision_finding_by_finding(reg):
    decision, first, second = _lifecycle(reg)
    changes = {f.id: f.change for f in second.review.findings}
    before = {f.id for f in decision.assessment.findings}
    after = {f.id for f in second.assessment.findings}
    assert {i for i, c in changes.items() if c == "new"} == after - before
    assert {i for i, c in changes.items() if c == "gone"} == before - after
    assert "F7" in after - before and "F8" in after - before   # wants everything, blames
    # since the decision, not since the last review: the load changed at the first one
    assert [(a.question, a.before, a.after) for a in second.review.answers] == [
        ("candidate.former_role_share", "40", "15"),
        ("candidate.prioritisation", "Trades one thing for another", "Wants everything now"),
        ("candidate.blamed_digital", "no", "yes")]
    steps = {m.id: m.done_on for m in first.review.mitigations}
    assert steps["M5"] == "2027-01-10" and steps["M6"] is None
    assert first.review.criteria == decision.decision.review_criteria
    assert first.pack.fingerprint == decision.pack.fingerprint   # the record's own pack


def test_a_coached_decision_records_its_review_criteria_and_dates(reg):
    record = decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")})
    d = record.decision
    assert (d.review_date, d.decisive_review_date) == ("2027-02-01", "2027-05-02")
    assert any("Still no prioritised backlog" in c for c in d.review_criteria)
    # the plan brings the former role down by 1 April, after the first review (1 February):
    # a sign at that review is that it is not coming down, not that it is not down yet (reader 6)
    assert "Former role not yet coming down towards 10% of their time (agreed for 1 April 2027," \
        " after the review)" in d.review_criteria
    assert "Induction not done by 15 January 2027" in d.review_criteria
    due_before = decide_coach(reg, case_with(candidate__reduced_by="2027-01-20"))
    assert "Former role not down to 10% of their time by 20 January 2027" in \
        due_before.decision.review_criteria


def test_due_and_overdue_across_the_date_boundary(reg, cli):
    decision = sign_all(reg, decide_coach(reg).ref)   # first review 1 February 2027
    assert review_service.due_reviews(reg, date(2027, 1, 1)) == []          # 31 days ahead
    soon = review_service.due_reviews(reg, date(2027, 1, 2))                # 30 days ahead
    assert [(r.ref, r.overdue, r.kind) for r in soon] == [(decision.ref, False, "first")]
    assert not review_service.due_reviews(reg, date(2027, 2, 1))[0].overdue  # due today
    assert review_service.due_reviews(reg, date(2027, 2, 2))[0].overdue      # a day late
    assert [review_service.due_counts(reg, date(2027, m, d)) for m, d in ((1, 1), (1, 2), (2, 1),
                                                                    (2, 2))] == [
        (0, 0), (0, 1), (0, 1), (1, 0)]
    first = sign_all(reg, review_continue(reg, decision.record_id).ref)
    later = review_service.due_reviews(reg, date(2027, 5, 3))
    assert [(r.ref, r.due, r.overdue, r.kind, r.decision_id) for r in later] == [
        (first.ref, "2027-05-02", True, "decisive", decision.record_id)]


def test_a_review_awaiting_signoff_leaves_the_review_due_until_it_is_signed(reg):
    decision = sign_all(reg, decide_coach(reg).ref)   # first review 1 February 2027
    late = date(2027, 2, 2)
    first = review_continue(reg, decision.record_id)   # recorded, awaiting sign-off
    assert first.status == "awaiting_signoff"
    [due] = review_service.due_reviews(reg, late)
    assert (due.ref, due.overdue, due.kind, due.awaiting) == (decision.ref, True, "first",
                                                              first.ref)
    assert review_service.due_counts(reg, late) == (1, 0)
    service.withdraw(reg, first.ref, reason="Held with the wrong mentor", name="Harper Hr")
    [due] = review_service.due_reviews(reg, late)      # withdrawn: due, nothing awaiting
    assert (due.ref, due.awaiting) == (decision.ref, "")
    second = sign_all(reg, review_continue(reg, decision.record_id).ref)
    assert review_service.due_reviews(reg, late) == []   # signed: the first review is done
    assert review_service.due_counts(reg, late) == (0, 0)
    [due] = review_service.due_reviews(reg, date(2027, 5, 3))   # the decisive one is next
    assert (due.ref, due.kind, due.due, due.overdue, due.awaiting) == (
        second.ref, "decisive", "2027-05-02", True, "")


def test_a_correction_awaiting_signoff_keeps_a_signed_review_due(reg):
    """The signed review stands until its correction is signed (the clock injected)."""
    decision = sign_all(reg, decide_coach(reg).ref)
    first = sign_all(reg, review_continue(reg, decision.record_id).ref)
    late = date(2027, 5, 3)                               # the decisive review was 2 May
    fixed = service.correct(reg, first.ref, reason="The justification was misattributed",
                            justification="Trades one thing for another in every planning")
    assert fixed.status == "awaiting_signoff" and fixed.version == 2
    [due] = review_service.due_reviews(reg, late)
    assert (due.ref, due.kind, due.due, due.overdue) == (first.ref, "decisive", "2027-05-02", True)
    assert review_service.due_counts(reg, late) == (1, 0)
    assert review_service.due_reviews(reg, date(2027, 4, 1)) == []   # 31 days ahead
    signed = sign_all(reg, fixed.ref)                     # now the correction stands
    [due] = review_service.due_reviews(reg, late)
    assert (due.ref, due.overdue) == (signed.ref, True)
    assert review_service.due_counts(reg, late) == (1, 0)


def test_register_list_due_says_a_review_awaits_signoff_and_stays_overdue(tmp_path, cli):
    from leadfit.decisions.register import open_register
    db = tmp_path / "r.sqlite3"
    with open_register(db) as reg:
        decision = sign_all(reg, decide_coach(reg).ref)
    done = cli("review", "--recorded-by", "Robin Hale", decision.record_id, "--verdict", "continue", "--on", "2027-02-01", "--today", "2027-02-01",
               "--behaviours", "Trades one thing for another", "--db", db)
    assert done.returncode == 0, done.stderr
    result = cli("register", "list", "--due", "--today", "2027-02-02", "--db", db)
    lines = result.stdout.splitlines()
    assert lines[0].startswith(decision.ref) and "OVERDUE since 1 February 2027" in lines[0]
    assert lines[0].endswith(f"; review recorded ({decision.record_id[:-4]}0002@1),"
                             " awaiting sign-off")
    assert lines[-1] == "1 review is overdue, 0 due within 30 days"


def test_register_list_and_the_csv_say_a_review_is_a_review(tmp_path, cli):
    """A review is its own record with the coaching outcome: the list and the CSV must not
    make it look like a second coaching decision in the same stream."""
    import csv
    from leadfit.decisions.register import open_register
    db = tmp_path / "r.sqlite3"
    with open_register(db) as reg:
        decision = sign_all(reg, decide_coach(reg).ref)
        review = review_continue(reg, decision.ref)
    listed = cli("register", "list", "--db", db)
    assert listed.returncode == 0, listed.stderr
    [first, second] = listed.stdout.splitlines()[:2]
    assert first.startswith(review.ref) and f"Review of {decision.record_id}: " in first
    assert second.startswith(decision.ref) and "Review of" not in second
    out = tmp_path / "register.csv"
    assert cli("register", "export", "--csv", out, "--db", db).returncode == 0
    with out.open(encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh))
        fh.seek(0)
        rows = {r["ref"]: r for r in csv.DictReader(fh)}
    assert header[-3:] == ["intact", "review_of", "kind_in_words"]   # old positions stay
    assert rows[review.ref]["review_of"] == decision.record_id
    assert rows[review.ref]["kind_in_words"] == f"fail-fast review of {decision.record_id}"
    assert (rows[decision.ref]["review_of"], rows[decision.ref]["kind_in_words"]) == (
        "", "decision")


def test_register_list_due_says_how_many_are_overdue(tmp_path, cli):
    from leadfit.decisions.register import open_register
    db = tmp_path / "r.sqlite3"
    with open_register(db) as reg:
        a = sign_all(reg, decide_coach(reg).ref)
        b = sign_all(reg, decide_coach(reg, again=True, review_date="2027-01-10").ref)
        decide_coach(reg, again=True)                       # not signed: no review yet
    result = cli("register", "list", "--due", "--today", "2027-02-02", "--db", db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(b.ref) and "OVERDUE since 10 January 2027" in lines[0]
    assert lines[1].startswith(a.ref) and "OVERDUE since 1 February 2027" in lines[1]
    assert lines[-1] == "2 reviews are overdue, 0 due within 30 days"
    assert cli("register", "list", "--due", "--today", "2026-12-01", "--db", db).stdout \
        .strip() == "no reviews due"


def _pdf_text(reg, ref) -> str:
    import io

    from pypdf import PdfReader

    from tests.decisions_support import squash
    from leadfit.reports import printing
    pdf = printing.render_pdf(reg, ref).pdf
    return squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def test_each_record_of_the_lifecycle_is_in_its_pdf(reg):
    decision, first, second = _lifecycle(reg)
    text = _pdf_text(reg, decision.ref)
    assert "Fail-fast reviews agreed First review: 1 February 2027 Decisive review: 2 May 2027" \
        in text
    assert "Induction not done by 15 January 2027" in text
    text = _pdf_text(reg, first.ref)
    assert text.startswith("CONFIDENTIAL") or "Fail-fast review: Home buying journey" in text
    assert "Review held 1 February 2027: continue the appointment as agreed; next review" \
        " 2 May 2027" in text
    assert f"Reviews {decision.ref} (held 1 February 2027)" in text
    assert "Share of their time kept in the former role 40 15" in text
    text = _pdf_text(reg, second.ref)
    assert "bring in an experienced Product Director to lead the stream and uplift the" \
        " executive (Robin Vale); no further review" in text
    assert f"{first.ref}, which follows the appointment decision {decision.ref}" in text
    # words only (executives read no codes); the article's references in Appendix B
    assert "Us and them newly raised (high)" in text
    assert "Induction done on 10 January 2027" in text  # carried from the first review
    assert "Us and them F8" in text.split("Appendix B: audit details")[1]
    assert "hire_external" not in text and "experienced_pd" not in text


def test_decide_takes_a_decisive_review_date_and_refuses_one_before_the_first(tmp_path, cli):
    from leadfit.decisions.register import open_register
    from tests.helpers import EXAMPLE_CASE
    db = tmp_path / "r.sqlite3"
    base = ("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach", "--conditions", "Weekly coaching",
            "--plan-later", "--db", db)
    bad = cli(*base, "--decisive-review-date", "2027-01-15")
    assert bad.returncode == 2
    assert "the decisive review date (2027-01-15) must come after the first review" \
        " (2027-02-01)" in bad.stderr
    good = cli(*base, "--decisive-review-date", "2027-06-30")
    assert good.returncode == 0, good.stderr
    with open_register(db, create=False) as reg:
        [row] = service.list_records(reg)
        assert service.show(reg, row.ref).decision.decisive_review_date == "2027-06-30"


def test_holding_the_review_is_the_fail_fast_step_done(reg):
    decision = sign_all(reg, decide_coach(reg).ref)
    first = review_continue(reg, decision.ref)
    steps = {m.id: m.done_on for m in first.review.mitigations}
    assert steps["M10"] == "2027-02-01" and steps["M5"] is None


def test_register_show_of_a_decision_names_its_reviews(tmp_path, cli):
    from leadfit.decisions.register import open_register
    db = tmp_path / "r.sqlite3"
    with open_register(db) as reg:
        decision = sign_all(reg, decide_coach(reg).ref)
        first = sign_all(reg, review_continue(reg, decision.ref).ref)
    shown = cli("register", "show", decision.record_id, "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert f"reviewed:        {first.ref} held 1 February 2027: continue the appointment as" \
        " agreed (signed)" in shown.stdout
    review = cli("register", "show", first.record_id, "--db", db).stdout
    assert f"Review of {decision.ref} (the appointment decision {decision.ref})" in review


def test_review_questions_lists_only_what_can_have_changed_with_the_recorded_answers(tmp_path,
                                                                                   cli):
    from leadfit.decisions.register import open_register
    db = tmp_path / "r.sqlite3"
    with open_register(db) as reg:
        decision = sign_all(reg, decide_coach(reg, plan={"M5": ("Sam Lee", "2027-01-15")}).ref)
        before = counts(reg)
    shown = cli("review", decision.record_id, "--questions", "--db", db)
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "Share of their time kept in the former role (candidate.former_role_share): 40" in out
    assert "candidate.owns_pnl" not in out and "stream.revenue_impact" not in out
    assert "M5 Induction: due 15 January 2027" in out
    with open_register(db) as reg:
        assert counts(reg) == before
