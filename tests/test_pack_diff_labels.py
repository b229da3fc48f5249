"""pack diff says where a change comes from and what differs, in words a consultant reads:
a base rule moved by the client's parameter is not labelled 'default@2.1 -> default@2.1',
two packs of one name and version are told apart, and a long condition shows its changes."""

from __future__ import annotations

import shutil

from leadfit.rules.model.library import resolve_pack
from tests.helpers import DEFAULT_PACK, run_cli

DEFAULT = resolve_pack("default").label  # today's default, e.g. default@2.9


def _client(tmp_path, params: str):
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "pack.yaml").write_text(f'name: client\nversion: "1.0"\nextends: {DEFAULT}\n'
                                      f"parameters:\n{params}")
    return folder


def test_a_base_rule_moved_by_the_clients_parameter_says_so(tmp_path):
    out = run_cli("pack", "diff", "default", str(_client(tmp_path, "  p1_met_years: 5\n"))).stdout
    assert (f"  ~ p1-some-experience (when)  [{DEFAULT} rule, moved by client@1.0's p1_met_years"
            " (3 -> 5)]") in out, out
    assert f"[{DEFAULT} -> {DEFAULT}]" not in out


def test_a_long_condition_shows_only_where_it_differs(tmp_path):
    out = run_cli("pack", "diff", "default", str(_client(tmp_path, "  p1_met_years: 5\n"))).stdout
    block = out[out.index("~ ready-to-appoint"):].splitlines()[1]
    assert block.strip() == ("when, where it differs: '...Years managing digital products is at least 3'"
                             " -> '...Years managing digital products is at least 5'"), block
    assert len(block) < 200


def test_two_packs_of_the_same_name_and_version_are_told_apart(tmp_path):
    folder = tmp_path / "default"
    shutil.copytree(DEFAULT_PACK, folder)
    rules = folder / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "summary: Enough years running digital products.", "summary: Years enough.", 1),
        encoding="utf-8")
    out = run_cli("pack", "diff", "default", str(folder)).stdout
    first = out.splitlines()[0]
    assert first.startswith(f"Pack {DEFAULT} (") and f", from {folder}" in first, first
    assert f", from {DEFAULT_PACK}" in first or "packs/default" in first, first
    assert "changed under the same name and version" in out, out
