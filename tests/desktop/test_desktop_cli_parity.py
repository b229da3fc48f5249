"""The window and the command line reach the same assessment on the same answers."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from leadfit.rules.model.assessment import Assessment
from leadfit.words import NOT_ANSWERED, readiness_words
from tests.desktop_support import example_answers, fill, open_window, settle
from tests.helpers import run_cli


def variants() -> dict[str, dict]:
    base = example_answers()
    gaps = {**base, "candidate.digital_years": 0, "candidate.mvp_delivery": "never"}
    no_plan = {**base, "candidate.former_role_share": 60, "candidate.reduce_former_role": False}
    # a new case starts with today's assessment date: the CLI is given it too
    incomplete = {k: v for k, v in base.items() if not k.startswith("org.")} | {
        "org.assessed_on": date.today().isoformat()}
    return {"example": base, "gaps": gaps, "no-plan": no_plan, "incomplete": incomplete}


@pytest.mark.parametrize("name", list(variants()))
def test_window_and_cli_agree(qtbot, user_files, tmp_path, name):
    answers = variants()[name]
    window = open_window(qtbot, user_files)
    fill(qtbot, window, answers)
    settle(qtbot, window)
    in_window = window.controller.assessment

    case_file = tmp_path / "case.yaml"
    case_file.write_text(yaml.safe_dump({"answers": answers}, sort_keys=False), encoding="utf-8")
    result = run_cli("evaluate", str(case_file), "--json")
    assert result.returncode == (0 if in_window.decided else 3), result.stderr
    from_cli = Assessment.model_validate_json(result.stdout)
    assert in_window == from_cli
    shown = window.panel.outcome.text()
    assert (in_window.outcome_title in shown) if in_window.decided else shown.startswith("Incomplete")
    text = run_cli("evaluate", str(case_file)).stdout  # readiness reads the same in both
    for item in in_window.readiness:  # an unanswered question's mark is 'not answered' in both
        tile = window.panel.readiness.tiles[item.id].text().split("\n", 1)[1]
        assert tile in (readiness_words(item.status), NOT_ANSWERED)
        assert f"  - {item.title}: {tile}\n" in text
