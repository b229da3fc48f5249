"""The terminal's 'Why not' shows six reasons an outcome is not recommended and counts the
rest: cut silently, six read as all the reasons there were."""

from __future__ import annotations

import json

import yaml

from tests.helpers import EXAMPLE_CASE, run_cli

# a candidate with little of what the role asks: appointing outright has many reasons against
WEAK = {"candidate.digital_years": 0, "candidate.owns_pnl": "none",
        "candidate.mvp_delivery": "never", "candidate.holds_line": "weak",
        "candidate.blamed_digital": True, "candidate.motivation": "career",
        "candidate.prioritisation": "wants_everything", "org.sponsors_understand": False,
        "candidate.delivery_expectation": "everything_fast",
        "org.selection_basis": "availability"}


def _case(tmp_path, changes: dict):
    data = yaml.safe_load(EXAMPLE_CASE.read_text(encoding="utf-8"))
    data["answers"].update(changes)
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _appoint_block(out: str) -> list[str]:
    """The lines under 'Appoint:' in 'Why not', up to the next outcome."""
    lines = out[out.index("\nWhy not:"):].split("\n")
    block = []
    for line in lines[lines.index("  Appoint:") + 1:]:
        if not line.startswith("    "):
            return block
        block.append(line)
    return block


def test_why_not_says_how_many_more_reasons_there_are(tmp_path):
    case = _case(tmp_path, WEAK)
    reasons = json.loads(run_cli("evaluate", str(case), "--json").stdout)["why_not"]["appoint"]
    assert len(reasons) > 6  # the case is built to have more than the terminal shows
    result = run_cli("evaluate", str(case))
    assert result.returncode == 0, result.stderr
    block = _appoint_block(result.stdout)
    shown = [line for line in block if line.startswith("    - ")]
    assert len(shown) == 7
    assert shown[-1] == f"    - and {len(reasons) - 6} more reasons (--json lists all)"


def test_six_reasons_or_fewer_are_not_followed_by_a_count():
    out = run_cli("evaluate", str(EXAMPLE_CASE)).stdout
    assert "more reason" not in out
