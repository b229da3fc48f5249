"""`pack test` and `pack lint` name the same problems of a pack that does not load, and
count them alike (a consultant saw 6 errors from lint and 5 from test on one broken pack:
test left out the rules that can never fire among the parts that load)."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadfit.errors import PackError
from leadfit.rules.model.library import default_pack, load_pack
from tests.helpers import run_cli

BASE = default_pack().label  # the bundled default, whatever its version


def _refused(folder: Path) -> bool:
    try:
        load_pack(folder)
    except PackError:
        return True
    return False


REFUSED = sorted(p for p in (Path(__file__).parent / "fixtures" / "packs").iterdir()
                 if p.is_dir() and _refused(p))

RULES = """rules:
  - id: contradiction
    summary: Fewer than three years and at least five years of digital products.
    when:
      all:
        - lt: {candidate.digital_years: 3}
        - ge: {candidate.digital_years: 5}
    then:
      - finding: {id: F1, severity: high}
  - id: typo
    summary: A typo.
    whn: {lt: {candidate.digital_years: 3}}
    then:
      - finding: {id: F1, severity: high}
"""


def _broken(tmp_path: Path) -> Path:
    """A bad parameter, a typo and a rule that can never fire: three problems, one run."""
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "pack.yaml").write_text(f'name: broken\nversion: "0.1"\nextends: {BASE}\n'
                                      "parameters:\n  p1_met_years: -4\n", encoding="utf-8")
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    return folder


def _lint_errors(folder: Path) -> tuple[int, list[str]]:
    done = run_cli("pack", "lint", str(folder))
    return done.returncode, [x.removeprefix("error: ") for x in done.stdout.splitlines() if x.startswith("error: ")]


def _test_errors(folder: Path) -> tuple[int, list[str], str]:
    done = run_cli("pack", "test", str(folder))
    return done.returncode, [x.removeprefix("  - ") for x in done.stderr.splitlines() if x.startswith("  - ")], done.stderr


def test_a_broken_pack_gets_the_same_errors_from_test_as_from_lint(tmp_path):
    folder = _broken(tmp_path)
    code, linted = _lint_errors(folder)
    assert code == 2 and len(linted) == 3
    assert any("can never fire" in x and "rules.yaml:2" in x for x in linted)
    code, tested, said = _test_errors(folder)
    assert code == 2 and tested == linted
    assert "3 errors; the pack does not load, so no scenario was run" in said


def test_the_fixtures_hold_packs_that_do_not_load():
    assert len(REFUSED) >= 8


@pytest.mark.parametrize("folder", REFUSED, ids=lambda p: p.name)
def test_every_fixture_pack_that_does_not_load_is_counted_alike(folder):
    code, linted = _lint_errors(folder)
    assert code == 2 and linted
    test_code, tested, said = _test_errors(folder)
    assert test_code == 2 and tested == linted
    assert f"{len(linted)} error" in said
