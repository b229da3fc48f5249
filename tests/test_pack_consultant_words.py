"""What a consultant tailoring a client pack reads when the pack is wrong: every command
says every problem, each at a line of the consultant's own files, in words."""

from __future__ import annotations

import pytest

from tests.helpers import EXAMPLE_CASE, run_cli

BASE = 'name: client\nversion: "1.0"\nextends: default@2.8\n'


def client_pack(tmp_path, pack: str = BASE, rules: str | None = None, scenarios: str | None = None):
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "pack.yaml").write_text(pack, encoding="utf-8")
    for name, text in (("rules.yaml", rules), ("scenarios.yaml", scenarios)):
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


NEVER_FIRES = """rules:
  - id: client-impossible
    summary: Ten years or more, and fewer than five.
    when: {all: [{ge: {candidate.digital_years: 10}}, {lt: {candidate.digital_years: 5}}]}
    then:
      - recommend: coach
"""


@pytest.mark.parametrize("command", [
    ["pack", "lint", "{pack}"],
    ["pack", "test", "{pack}"],
    ["evaluate", str(EXAMPLE_CASE), "--pack", "{pack}"],
    ["pack", "docs", "{pack}", "--out", "{tmp}/docs.pdf"],
    ["pack", "diff", "default", "{pack}"],
    ["pack", "diff", "{pack}", "default"],
], ids=["lint", "test", "evaluate", "docs", "diff-new", "diff-old"])
def test_a_refused_pack_names_its_rule_that_can_never_fire_in_every_command(tmp_path, command):
    """evaluate, pack docs and pack diff named only the misspelt disable: the rule that can
    never fire came only after that was mended, though `pack lint` said both at once."""
    folder = client_pack(tmp_path, BASE + "disable: [p3-nevr-led]\n", NEVER_FIRES)
    done = run_cli(*[c.format(pack=folder, tmp=tmp_path) for c in command])
    said = done.stdout + done.stderr
    assert done.returncode == 2, said
    assert f"{folder / 'pack.yaml'}:4: disable: rule 'p3-nevr-led' is not in default@2.8" in said
    assert f"{folder / 'rules.yaml'}:2: rule 'client-impossible' can never fire" in said, said
    assert not (tmp_path / "docs.pdf").exists()
