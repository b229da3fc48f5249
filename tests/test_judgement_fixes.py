"""The domain reader's cases: a late first review is on the record, a skipped selection weighs.

Each reads what a person sees from ``leadfit evaluate`` (and the register for ``decide``)
on a default scenario written from the article (rules/packs/default/scenarios.yaml).
"""

from __future__ import annotations

import json

import yaml

from leadfit.rules.model.library import default_pack
from tests.helpers import run_cli


def _case_file(tmp_path, name: str, **changes):
    scenario = next(s for s in default_pack().scenarios if s.name == name)
    answers = {**scenario.answers, **changes}
    path = tmp_path / f"{abs(hash(name))}.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}), encoding="utf-8")
    return path


def _evaluate(path, *extra):
    done = run_cli("evaluate", path, *extra)
    assert done.returncode == 0, done.stderr
    return done.stdout


LATE = "coached with the first review eighteen months out"


def test_a_late_first_review_is_a_finding_an_early_one_is_not(tmp_path):
    late = _evaluate(_case_file(tmp_path, LATE))
    early = _evaluate(_case_file(tmp_path, "a learner with two years"))
    # 2.8: a review past the first year comes before the appointment, and the headline says so
    assert "Recommendation: Appoint with coaching once the steps before the appointment are done\n" in late
    # 2.5: eighteen months out falls past the first 6 to 12 months: medium, and brought forward
    # before the appointment (tests/test_judgement_round3.py)
    assert "Fail-fast checkpoint (medium): The first review falls after the first 6" \
        " to 12 months" in " ".join(late.split())
    assert "because Days from the assessment to the first review: 577" in late
    assert "The first review is too far away" not in early
    assert late != early


def test_a_late_first_review_weighs_in_the_risk(tmp_path):
    late = json.loads(_evaluate(_case_file(tmp_path, LATE), "--json"))
    early = json.loads(_evaluate(_case_file(tmp_path, "a learner with two years"), "--json"))
    assert [f["severity"] for f in late["findings"] if f["id"] == "M10"] == ["medium"]  # 2.5
    assert late["risk"]["score"] == early["risk"]["score"] + 3
    assert late["outcome"] == "coach"


def test_decide_puts_the_late_review_finding_on_the_record(tmp_path):
    db = tmp_path / "reg.db"
    made = run_cli("decide", "--recorded-by", "Robin Hale", _case_file(tmp_path, LATE), "--decision", "coach", "--plan-later",
                   "--conditions", "Bring the first review forward to within four months", "--db", db)
    assert made.returncode == 0, made.stderr
    record_id = made.stdout.split()[0]
    stored = run_cli("register", "show", record_id, "--json", "--db", db)
    assert stored.returncode == 0, stored.stderr
    findings = json.loads(stored.stdout)["assessment"]["findings"]
    assert {"id": "M10", "severity": "medium"}.items() <= next(f for f in findings if f["id"] == "M10").items()
    shown = run_cli("register", "show", record_id, "--db", db)
    assert "review date:     1 June 2028" in shown.stdout and "Fail-fast checkpoint (medium) [M10]" in shown.stdout


def test_ready_on_paper_but_chosen_on_seniority_is_not_low_risk(tmp_path):
    name = "ready on paper, chosen on seniority, never interviewed as an outsider"
    data = json.loads(_evaluate(_case_file(tmp_path, name), "--json"))
    assert data["outcome"] == "appoint"
    assert {p["id"] for p in data["preconditions"]} >= {"M3", "M4"}
    assert data["risk"]["level"] == "medium" and data["risk"]["score"] == 6
    text = _evaluate(_case_file(tmp_path, name))
    assert "Risk of appointing this candidate as proposed: medium\n" in text
    assert "- Interview as external: " in text and "- Select on aptitude: " in text


# --- Default 2.3: the second reader's c02, c07/c08, c10, c14 and c15 -------------------------
MARGINAL = "marginal candidate, good selection and full support"


def _json(tmp_path, name: str, **changes) -> dict:
    return json.loads(_evaluate(_case_file(tmp_path, name, **changes), "--json"))


def test_two_years_of_digital_products_weigh_once_not_three_times(tmp_path):
    """F1 carries the learning curve; F10 beside experienced leads and F11's forecast dip are
    on the record, lightly, so the marginal, well-supported candidate is coached (c07)."""
    marginal = _json(tmp_path, MARGINAL)
    severity = {f["id"]: f["severity"] for f in marginal["findings"]}
    assert (severity["F1"], severity["F10"], severity["F11"]) == ("high", "low", "low")
    assert marginal["outcome"] == "coach" and marginal["risk"]["level"] == "high"


def test_a_poor_selection_adds_to_the_risk_of_the_same_candidate(tmp_path):
    """c08: the same candidate, chosen on seniority and never interviewed, scores more than c07
    (2.4: and is still coached, the selection first: tests/test_judgement_selection.py)."""
    good = _json(tmp_path, MARGINAL)
    poor = _json(tmp_path, "marginal candidate chosen on seniority, never interviewed as an outsider")
    assert poor["risk"]["score"] == good["risk"]["score"] + 6   # M3 and M4, medium each
    assert poor["outcome"] == "coach" and poor["risk"]["level"] == "critical"


def test_a_portfolio_of_executives_is_no_milder_than_experienced_leads(tmp_path):
    """c14: "you will not get consistent levels of experience and delivery across your value streams"."""
    beside_experienced = _json(tmp_path, MARGINAL)
    beside_executives = _json(tmp_path, "marginal candidate where every other stream is led by an executive")
    assert beside_executives["risk"]["score"] > beside_experienced["risk"]["score"]
    assert "F10" in {f["id"] for f in beside_executives["findings"]}
    first = _json(tmp_path, MARGINAL, **{"stream.other_stream_leads": "none_yet"})
    assert "F10" not in {f["id"] for f in first["findings"]}


def test_a_plan_that_lightens_the_role_in_time_is_not_a_title_without_the_job(tmp_path):
    """c02 against c03: 60% kept with a plan to 10% in time is a dual role (F2) while it lasts;
    60% with no plan is also F9 and carries the 'hire if not lightened' note (2.6: the time kept
    weighs once, F9 critical, so medium, not high; tests/test_judgement_leftovers.py)."""
    plan = _evaluate(_case_file(tmp_path, "capable, keeps sixty percent with a plan down to a tenth"))
    none = _evaluate(_case_file(tmp_path, "capable, keeps sixty percent with no plan"))
    assert "Title without the job" not in plan and "do not go ahead" not in plan
    assert "Title without the job (critical)" in none and "do not go ahead" in none
    assert "Risk of appointing this candidate as proposed: low\n" in plan  # 2.7: F2 medium
    assert "Risk of appointing this candidate as proposed: medium\n" in none


def test_the_headline_never_promises_coaching_that_cannot_happen(tmp_path):
    """c10: no CPO, no outside coach, hiring not possible: the fallback is not called coaching."""
    said = _evaluate(_case_file(tmp_path, "nobody to coach and no one can be hired"))
    assert ("Recommendation: Hiring is advised but not possible here; fallback: Appoint on conditions,"
            " without coaching, at higher risk\n") in said  # 2.6: the headline says hiring was advised
    assert "The fallback is 'Appoint on conditions, without coaching'" in " ".join(said.split())  # 2.6
    coached = _evaluate(_case_file(tmp_path, "a learner with two years"))
    assert "Recommendation: Appoint with coaching\n" in coached


def test_a_cautious_hire_on_unknown_experience_shows_the_risk_it_allows_for(tmp_path):
    """c15: hire is the most cautious outcome the unknowns allow; the risk beside it is that
    case's (critical), and the note gives what the known answers alone score."""
    name = "not known: the candidate's experience decides between coaching and hiring"
    said = _evaluate(_case_file(tmp_path, name))
    assert "Recommendation: Find out first. If the answers not known turn out badly: Hire an experienced Product Director\n" in said
    assert "Risk of appointing this candidate as proposed: critical" in said
    flat = " ".join(said.split())  # words 7 (tests/test_words_v7.py): "On what is known alone"
    assert "Counting only what is known, it is medium" in flat or "On what is known alone it is medium" in flat
    assert "out before deciding" in flat


def test_a_reason_given_is_a_reason(tmp_path):
    """gaps-too-wide on a stream that matters names the stream, not the trade-offs stated."""
    said = _evaluate(_case_file(tmp_path, "nobody to coach and no one can be hired"))
    f3 = said.split("Roles not understood (critical)")[1].split("\n  - ")[0]
    assert "because How much revenue depends on this stream: " in f3
    assert "trade-offs" not in f3


def test_the_signed_rationale_calls_the_decision_what_the_recommendation_is_called(tmp_path):
    """c10 on paper: the recommendation and an as-recommended decision both read 'Appoint on
    conditions, without coaching', never 'Appoint with coaching'."""
    from pypdf import PdfReader
    db, out = tmp_path / "reg.db", tmp_path / "c10.pdf"
    made = run_cli("decide", "--recorded-by", "Robin Hale", _case_file(tmp_path, "nobody to coach and no one can be hired"),
                   "--decision", "coach", "--plan-later", "--conditions",
                   "An interim Product Director from a partner for six months", "--db", db)
    assert made.returncode == 0, made.stderr
    printed = run_cli("report", made.stdout.split()[0], "--db", db, "--out", out)
    assert printed.returncode == 0, printed.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Appoint on conditions, without coaching (as recommended)" in text
    assert "Appoint with coaching" not in text
