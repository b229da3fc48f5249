"""pack new scaffolds a client pack that loads and passes at once; pack test on client packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadfit.rules.model.library import load_pack
from leadfit.rules.authoring.scenarios import run_all
from tests.helpers import run_cli


def _new(tmp_path: Path, *args: str):
    return run_cli("pack", "new", *args, "--dir", str(tmp_path))


def test_new_pack_loads_and_passes_pack_test(tmp_path):
    done = _new(tmp_path, "acme-bank", "--extends", "default")
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "acme-bank"
    assert sorted(p.name for p in folder.iterdir()) == ["pack.yaml", "rules.yaml", "scenarios.yaml"]
    assert 'extends: default@2.9' in (folder / "pack.yaml").read_text()
    tested = run_cli("pack", "test", str(folder))
    assert tested.returncode == 0 and " 0 failed" in tested.stdout, tested.stdout
    assert run_cli("pack", "lint", str(folder)).returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["acme-bank"]  # no temporary folder left


def test_new_pack_refuses_to_overwrite_and_bad_names(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    done = _new(tmp_path, "taken", "--extends", "default")
    assert done.returncode == 2 and "already exists" in done.stderr
    assert (tmp_path / "taken" / "notes.txt").read_text() == "mine"
    assert _new(tmp_path, "Bad Name", "--extends", "default").returncode == 2
    wrong = _new(tmp_path, "other", "--extends", "default@7.0")
    assert wrong.returncode == 2 and "default@2.9" in wrong.stderr
    assert not (tmp_path / "other").exists()


def _uncomment(path: Path) -> None:
    """Turn every commented example on, as a consultant would."""
    empty = {"disable: []", "override: {}", "wording: {}", "relevance: {}", "rules: []", "parameters: {}"}
    lines = [line.removeprefix("#   ")
             for line in path.read_text().splitlines() if line not in empty]
    path.write_text("\n".join(lines) + "\n")


def test_every_commented_example_is_valid_and_takes_effect(tmp_path):
    assert _new(tmp_path, "acme", "--extends", "default@2.9").returncode == 0
    folder = tmp_path / "acme"
    _uncomment(folder / "pack.yaml")
    _uncomment(folder / "rules.yaml")
    pack = load_pack(folder)
    ids = {r.id: r for r in pack.rules}
    assert "r3-rivals" not in ids and "p2-no-pnl" in ids
    assert pack.settings.parameters["p1_met_years"] == 5  # and every rule reading it moved:
    assert "5" in str(ids["p1-experienced"].condition) and "5" in str(ids["f11-critical-stream"].condition)
    assert ids["f6-no-craft"].layer == "acme@0.1"
    assert ids["p2-shared-pnl"].actions[1].value["severity"] == "high"
    assert ids["acme-no-mentor"].layer == "acme@0.1"
    assert pack.catalogue.title("P2") == "Budget accountability"
    assert pack.settings.outcome_requires["coach"] == ["M7", "M9", "M10"]
    assert pack.questionnaire.questions["stream.revenue_impact"].title.startswith("How many service users")


def test_the_threshold_example_moves_every_rule_that_shares_it(tmp_path):
    """Following the scaffold's comment leaves no answer with P1 unknown."""
    from leadfit.forms.case import build_case
    from leadfit.rules.runtime.assess import evaluate
    from leadfit.rules.authoring.lint import lint
    assert _new(tmp_path, "acme", "--extends", "default").returncode == 0
    folder = tmp_path / "acme"
    _uncomment(folder / "pack.yaml")
    pack = load_pack(folder)
    assert [str(i) for i in lint(pack) if "marked by no rule" in str(i) or "out of date" in str(i)] == []
    answers = dict(pack.scenarios[0].answers)
    for years, status in ((2, "partial"), (4, "partial"), (5, "met")):
        case = build_case(answers | {"candidate.digital_years": years}, pack.questionnaire)
        assert {r.id: r.status for r in evaluate(case, pack).readiness}["P1"] == status, years


def test_client_pack_test_runs_its_scenarios_and_the_base_ones_it_does_not_replace():
    from leadfit.rules.model.library import default_pack, resolve_pack
    bank = resolve_pack("bank")
    own = [s for s in bank.scenarios if s.layer == "bank@1.3"]
    replaced = {s.name for s in own}
    inherited = [s for s in bank.scenarios if s.layer == "default@2.9"]
    assert {s.name for s in inherited} == {s.name for s in default_pack().scenarios} - replaced
    assert "never owned a profit and loss" in replaced
    assert all(r.passed for r in run_all(bank))


@pytest.mark.parametrize("name", ["bank", "public-sector"])
def test_example_client_packs_pass_pack_test(name):
    done = run_cli("pack", "test", name)
    assert done.returncode == 0 and " 0 failed" in done.stdout, done.stdout


def test_a_failing_scenario_shows_case_expected_actual_and_ids(tmp_path):
    assert _new(tmp_path, "strict", "--extends", "default").returncode == 0
    folder = tmp_path / "strict"
    text = (folder / "scenarios.yaml").read_text().replace("outcome: coach", "outcome: appoint")
    (folder / "scenarios.yaml").write_text(text + "    excludes: [F1]\n")
    done = run_cli("pack", "test", str(folder))
    assert done.returncode == 1
    out = done.stdout
    assert "scenario 'example: the sample case'" in out and "scenarios.yaml:6" in out
    assert "outcome: expected Appoint, got Coach" in out
    assert "IDs raised that must not be: F1" in out and "IDs it raised: F1," in out


def test_dir_is_the_parent_folder_created_if_missing(tmp_path):
    parent = tmp_path / "clients" / "2026"
    done = run_cli("pack", "new", "acme", "--extends", "default", "--dir", str(parent))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in parent.iterdir()) == ["acme"]
    assert (parent / "acme" / "pack.yaml").is_file()
    again = run_cli("pack", "new", "acme", "--extends", "default", "--dir", str(parent))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_dir_help_says_it_creates_dir_slash_name():
    assert "creates DIR/NAME" in run_cli("pack", "new", "--help").stdout


def test_a_failed_scaffold_removes_the_folders_it_created(tmp_path):
    """A base found only by path cannot be named in extends: the check fails, nothing is left."""
    parent = tmp_path / "made" / "deeper"
    base = Path(__file__).parent / "fixtures" / "packs" / "lint_readiness_gap"
    done = run_cli("pack", "new", "acme", "--extends", str(base), "--dir", str(parent))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_dir_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "f").write_text("x")
    done = run_cli("pack", "new", "acme", "--extends", "default", "--dir", str(tmp_path / "f"))
    assert done.returncode == 2 and "is a file" in done.stderr


@pytest.mark.parametrize("typed, right", [
    (["packs", "acme"], "leadfit pack new acme --extends default --dir packs"),
    (["packs/acme", "--extends", "bank"], "leadfit pack new acme --extends bank --dir packs"),
    (["acme"], "leadfit pack new acme --extends default"),
])
def test_a_command_in_the_wrong_shape_names_the_right_one(tmp_path, typed, right):
    """Fresh-eyes: `leadfit pack new packs acme` gave no hint of the right form."""
    done = run_cli("pack", "new", *typed, cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"Type: {right} (the form: leadfit pack new NAME --extends BASE [--dir DIR])" in done.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written
    typed_right = run_cli(*right.split()[1:], cwd=tmp_path)
    assert typed_right.returncode == 0, typed_right.stderr
