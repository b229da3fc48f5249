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
    assert "Recommendation: Appoint with coaching\n" in late
    assert "M10 Fail fast: The first review is too far away to fail fast." in late
    assert "Days from the assessment to the first review = 577" in late
    assert "The first review is too far away" not in early
    assert late != early


def test_a_late_first_review_weighs_in_the_risk(tmp_path):
    late = json.loads(_evaluate(_case_file(tmp_path, LATE), "--json"))
    early = json.loads(_evaluate(_case_file(tmp_path, "a learner with two years"), "--json"))
    assert [f["severity"] for f in late["findings"] if f["id"] == "M10"] == ["low"]
    assert late["risk"]["score"] == early["risk"]["score"] + 1
    assert late["outcome"] == "coach"


def test_decide_puts_the_late_review_finding_on_the_record(tmp_path):
    db = tmp_path / "reg.db"
    made = run_cli("decide", _case_file(tmp_path, LATE), "--decision", "coach", "--plan-later",
                   "--conditions", "Bring the first review forward to within four months", "--db", db)
    assert made.returncode == 0, made.stderr
    record_id = made.stdout.split()[0]
    stored = run_cli("register", "show", record_id, "--json", "--db", db)
    assert stored.returncode == 0, stored.stderr
    findings = json.loads(stored.stdout)["assessment"]["findings"]
    assert {"id": "M10", "severity": "low"}.items() <= next(f for f in findings if f["id"] == "M10").items()
    shown = run_cli("register", "show", record_id, "--db", db)
    assert "review date:     2028-06-01" in shown.stdout and "M10 Fail fast (low)" in shown.stdout


def test_ready_on_paper_but_chosen_on_seniority_is_not_low_risk(tmp_path):
    name = "ready on paper, chosen on seniority, never interviewed as an outsider"
    data = json.loads(_evaluate(_case_file(tmp_path, name), "--json"))
    assert data["outcome"] == "appoint"
    assert {p["id"] for p in data["preconditions"]} >= {"M3", "M4"}
    assert data["risk"]["level"] == "medium" and data["risk"]["score"] == 6
    text = _evaluate(_case_file(tmp_path, name))
    assert "Risk of appointing this candidate as proposed: medium (score 6)" in text
    assert "M3 Interview as external" in text and "M4 Select on aptitude" in text
