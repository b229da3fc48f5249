"""Lint names thresholds out of their order or below their floor (the consultants' misses):
near_dedicated_share below dedicated_share, a latest review before the first, a deadline of
0 days; each at the line that sets it, with what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from leadfit.rules.authoring.lint import lint_target
from leadfit.rules.model.library import default_pack
from tests.helpers import run_cli


BASE = default_pack().label  # the bundled default, whatever its version
P = default_pack().settings.parameters  # and its thresholds


def _client(folder: Path, parameters: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"  {k}: {v}\n" for k, v in parameters.items())
    (folder / "pack.yaml").write_text(f'name: acme\nversion: "0.1"\nextends: {BASE}\n'
                                      f"# the client's thresholds\nparameters:\n{lines}", encoding="utf-8")
    return folder


CASES = [  # parameters set, the one at fault, its line, words the error must hold
    ({"near_dedicated_share": 5}, "near_dedicated_share", 6,
     ["5 is below dedicated_share (10)", "allowed: 10 or more"]),
    ({"review_latest_days": 60}, "review_latest_days", 6,
     [f"60 is below review_horizon_days ({P['review_horizon_days']})",
      f"allowed: {P['review_horizon_days']} or more"]),
    ({"reduction_horizon_days": 0}, "reduction_horizon_days", 6,
     ["0 days leaves no time", "allowed: a whole number of days, 1 or more"]),
    ({"dedicated_share": 30}, "dedicated_share", 6,  # the base's near share (20) is now below it
     ["30 is above near_dedicated_share (20, from the base pack)", "allowed: 20 or less"]),
    ({"part_time_share": 40, "dedicated_share": 45, "near_dedicated_share": 50}, "part_time_share", 6,
     ["40 is below dedicated_share (45)", "allowed: 45 or more"]),
]


@pytest.mark.parametrize("parameters, name, line, words", CASES, ids=lambda c: str(c)[:40])
def test_a_threshold_out_of_order_is_a_lint_error_at_its_line(tmp_path, parameters, name, line, words):
    folder = _client(tmp_path / "acme", parameters)
    done = run_cli("pack", "lint", str(folder))
    assert done.returncode == 1, done.stdout + done.stderr
    said = [x for x in done.stdout.splitlines() if f"parameters.{name}:" in x]
    assert len(said) == 1, done.stdout
    assert said[0].startswith(f"error: {folder / 'pack.yaml'}:{line}: parameters.{name}: ")
    for word in words:
        assert word in said[0]


def test_thresholds_in_order_lint_clean_and_a_base_is_checked_on_its_own_values(tmp_path):
    assert run_cli("pack", "lint", str(_client(tmp_path / "ok", {"near_dedicated_share": 10,
                                                                  "review_latest_days": P["review_horizon_days"] + 1,
                                                                  "reduction_horizon_days": 1}))).returncode == 0
    pack = default_pack()
    assert not [i for i in lint_target(pack.folder)[1] if "parameters." in str(i)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dedicated=st.integers(0, 100), near=st.integers(0, 100))
def test_lint_refuses_exactly_a_near_share_below_the_dedicated_share(tmp_path_factory, dedicated, near):
    folder = _client(tmp_path_factory.mktemp("p") / "acme",
                     {"dedicated_share": dedicated, "near_dedicated_share": near, "part_time_share": 100})
    _, items = lint_target(folder)
    out_of_order = [i for i in items if "parameters.near_dedicated_share:" in str(i)]
    assert bool(out_of_order) == (near < dedicated), [str(i) for i in items]
    assert all(i.level == "error" for i in out_of_order)
