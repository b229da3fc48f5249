"""Client packs extend a base by name@version: overrides, layers, and every error named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from leadfit.errors import PackError
from leadfit.forms.case import load_case_file
from leadfit.rules.runtime.assess import evaluate
from leadfit.rules.runtime.switching import switch_pack
from leadfit.rules.model.library import default_pack, load_pack, resolve_pack
from leadfit.rules.authoring.lint import lint_target
from tests.helpers import DEFAULT_PACK, EXAMPLE_CASE

FIXTURES = Path(__file__).parent / "fixtures" / "packs"


def _client(tmp_path: Path, pack_yaml: str, rules_yaml: str | None = None, name="acme-bank") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    if rules_yaml is not None:
        (folder / "rules.yaml").write_text(rules_yaml, encoding="utf-8")
    return folder


HEAD = 'name: acme-bank\nversion: "0.3"\nextends: default@2.9\n'


def test_resolved_pack_names_its_layers_and_each_rule_keeps_its_layer(tmp_path):
    folder = _client(tmp_path, HEAD + "override:\n  f6-no-craft:\n    severity: medium\n")
    pack = load_pack(folder)
    assert pack.layers == ("default@2.9", "acme-bank@0.3")
    assert pack.rule("f6-no-craft").layer == "acme-bank@0.3"
    assert pack.rule("p1-experienced").layer == "default@2.9"
    case = load_case_file(EXAMPLE_CASE, pack.questionnaire)
    result = evaluate(case, pack)
    f6 = next(f for f in result.findings if f.id == "F6")
    assert (f6.severity, f6.layer) == ("medium", "acme-bank@0.3")
    assert {m.id: m.layers for m in result.mitigations}["M8"] == ["default@2.9"]
    assert result.pack.layers == ["default@2.9", "acme-bank@0.3"]
    assert result.pack.fingerprint == pack.fingerprint != default_pack().fingerprint


def test_threshold_override_changes_what_counts_as_p1(tmp_path):
    folder = _client(tmp_path, HEAD + "override:\n  p1-experienced:\n"
                     "    when: {ge: {candidate.digital_years: 5}}\n")
    pack = load_pack(folder)
    answers = yaml.safe_load(EXAMPLE_CASE.read_text())["answers"] | {"candidate.digital_years": 4}
    from leadfit.forms.case import build_case
    case = build_case(answers, pack.questionnaire)
    p1 = {r.id: r.status for r in evaluate(case, pack).readiness}["P1"]
    assert p1 == "unknown"  # 4 years: met by default, not by this client
    assert {r.id: r.status for r in evaluate(case, default_pack()).readiness}["P1"] == "met"


def test_disable_wording_relevance_and_added_rules_apply(tmp_path):
    folder = _client(tmp_path, HEAD + "disable: [f6-no-craft]\n"
                     "wording:\n  F1: {title: Slow start}\n"
                     "relevance:\n  candidate.craft_background: never\n",
                     "rules:\n  - id: acme-rivals\n    summary: Rivals.\n"
                     "    when: {eq: {candidate.rivals: true}}\n    then:\n      - signal: R3\n")
    pack = load_pack(folder)
    assert "f6-no-craft" not in {r.id for r in pack.rules}
    assert pack.rule("acme-rivals").layer == "acme-bank@0.3"
    assert pack.catalogue.title("F1") == "Slow start"
    case = load_case_file(EXAMPLE_CASE, pack.questionnaire)
    result = evaluate(case, pack)
    assert not any(m.question == "candidate.craft_background" for m in result.missing)
    assert "acme-rivals" in result.rules_fired
    assert next(f for f in result.findings if f.id == "F1").title == "Slow start"


def test_extending_never_edits_the_base_files(tmp_path):
    before = {p.name: p.read_bytes() for p in DEFAULT_PACK.iterdir()}
    load_pack(_client(tmp_path, HEAD + "disable: [f6-no-craft]\n"))
    assert {p.name: p.read_bytes() for p in DEFAULT_PACK.iterdir()} == before


ERRORS = [
    # fixture, file, line, words
    ("override_unknown_rule", "pack.yaml", 5, ["override.p1-experinced", "did you mean 'p1-experienced'"]),
    ("disable_unknown_rule", "pack.yaml", 6, ["'f7-wants-everythng'", "did you mean 'f7-wants-everything'"]),
    ("severity_without_finding", "pack.yaml", 6, ["override.r3-rivals.severity", "raises no finding"]),
    ("extends_missing", "pack.yaml", 3, ["'defualt@1.0'", "did you mean 'default'"]),
    ("extends_wrong_version", "pack.yaml", 3, ["'default@9.9'", "found default@2.9"]),
    ("added_rule_clashes", "rules.yaml", 2, ["'p1-experienced' is already in default@2.9", "override"]),
]


@pytest.mark.parametrize("fixture,file,line,words", ERRORS, ids=[e[0] for e in ERRORS])
def test_extend_and_override_errors_name_file_line_and_fix(fixture, file, line, words):
    folder = FIXTURES / fixture
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    text = str(caught.value)
    assert f"{folder / file}:{line}:" in text
    for word in words:
        assert word in text


def test_malformed_client_pack_is_refused_with_every_problem_named():
    folder = FIXTURES / "malformed_client"
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    text = str(caught.value)
    expected = [
        ("pack.yaml:5:", "'p2-no-pnll'"), ("pack.yaml:8:", "'candidate.digital_yeras'"),
        ("pack.yaml:11:", "'P55'"), ("pack.yaml:12:", "'gone-rule'"), ("pack.yaml:15:", "'F99'"),
        ("pack.yaml:17:", "'candidate.owns_pnll'"), ("rules.yaml:4:", "'fully'"),
        ("scenarios.yaml:4:", "'expekt'"),
    ]
    for where, word in expected:
        assert any(where in line and word in line for line in text.splitlines()), (where, word)


def test_switching_to_a_malformed_pack_keeps_the_previous_one():
    current = resolve_pack("bank")
    active, problems = switch_pack(current, FIXTURES / "malformed_client")
    assert active is current and len(problems) >= 8
    active, problems = switch_pack(current, "public-sector")
    assert active.label == "public-sector@1.10" and problems == []


def _sibling_base(tmp_path: Path) -> Path:
    """A copy of the default pack named corp@1.0, next to the client packs."""
    base = tmp_path / "corp"
    shutil.copytree(DEFAULT_PACK, base)
    text = (base / "pack.yaml").read_text().replace("name: default", "name: corp", 1)
    (base / "pack.yaml").write_text(text)
    return base


def test_base_update_that_breaks_a_client_is_reported_with_rule_and_key(tmp_path):
    base = _sibling_base(tmp_path)
    corp = f"corp@{default_pack().version}"
    client = _client(tmp_path, f'name: client\nversion: "1.0"\nextends: {corp}\n'
                     "override:\n  f6-no-craft:\n    severity: high\n"
                     "  f7-wants-everything:\n    summary: Wants it all.\n", name="client")
    assert load_pack(client).layers == (corp, "client@1.0")
    rules = yaml.safe_load((base / "rules.yaml").read_text())
    for rule in rules["rules"]:
        if rule["id"] == "f6-no-craft":  # the base update drops f6's finding ...
            rule["then"] = [{"mitigation": "M6"}]
    rules["rules"] = [r for r in rules["rules"] if r["id"] != "f7-wants-everything"]  # ... and f7
    (base / "rules.yaml").write_text(yaml.safe_dump(rules, sort_keys=False))
    pack, items = lint_target(client)
    text = "\n".join(str(i) for i in items)
    assert pack is None and all(i.level == "error" for i in items)
    assert f"client/pack.yaml:6: override.f6-no-craft.severity: rule 'f6-no-craft' in {corp}" in text
    assert f"client/pack.yaml:7: override.f7-wants-everything: rule 'f7-wants-everything' is not in {corp}" in text


def test_a_pack_cannot_reach_a_base_by_path_or_loop(tmp_path):
    looped = _client(tmp_path, 'name: loop-a\nversion: "1.0"\nextends: loop-b@1.0\n', name="loop-a")
    _client(tmp_path, 'name: loop-b\nversion: "1.0"\nextends: loop-a@1.0\n', name="loop-b")
    with pytest.raises(PackError, match="loop"):
        load_pack(looped)
    by_path = _client(tmp_path, 'name: sneaky\nversion: "1.0"\nextends: ../default@2.9\n', name="sneaky")
    with pytest.raises(PackError, match="extends"):
        load_pack(by_path)


def test_a_misspelt_key_in_a_client_pack_yaml_is_named(tmp_path):
    folder = _client(tmp_path, HEAD + "overides:\n  f6-no-craft: {severity: high}\n")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert f"{folder / 'pack.yaml'}:4: unknown key 'overides' (did you mean 'override'?)" in str(caught.value)


def test_relevance_always_and_never(tmp_path):
    folder = _client(tmp_path, HEAD + "relevance:\n  org.coach_available: always\n"
                     "  candidate.rivals: never\n")
    pack = load_pack(folder)
    assert pack.questionnaire.questions["org.coach_available"].ask_if is None
    case = load_case_file(EXAMPLE_CASE, pack.questionnaire)
    result = evaluate(case, pack)
    assert "R3" not in {s.id for s in result.signals}  # rivals: yes, but never asked here
    assert any(m.question == "org.coach_available" for m in result.missing)  # now always asked


def test_a_commented_out_extends_is_a_comment_not_a_base(tmp_path):
    """'# extends:' once made a pack without rules.yaml lint clean, then fail with an empty message."""
    folder = _client(tmp_path, 'name: acme-bank\nversion: "0.3"\n# extends: default@1.0\n')
    with pytest.raises(PackError) as raised:
        load_pack(folder)
    message = str(raised.value.problems[0])
    assert "needs rules.yaml" in message and "extends:" in message and str(folder) in message
    pack, items = lint_target(folder)
    assert pack is None and [i.level for i in items] == ["error"]
    assert "needs rules.yaml" in str(items[0])


def test_a_resolved_pack_keeps_its_base_and_its_own_located_files(tmp_path):
    folder = _client(tmp_path, HEAD + "disable: [f6-no-craft]\n")
    pack = load_pack(folder)
    assert pack.base is not None and pack.base.label == "default@2.9" and pack.base.base is None
    assert set(pack.sources) == {"pack.yaml"}
    assert pack.sources["pack.yaml"].line_of(("disable", 0)) == 4
    assert set(default_pack().sources) == {"pack.yaml", "rules.yaml", "scenarios.yaml"}


def test_lint_reads_no_pack_file_again(tmp_path, monkeypatch):
    """Lint works from what loading located: it neither re-reads pack.yaml nor re-resolves the base."""
    from leadfit.rules.authoring import lint
    folder = _client(tmp_path, HEAD + "disable: [f6-no-craft]\n")
    pack = load_pack(folder)
    reads = []
    read_text = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: reads.append(self) or read_text(self, *a, **k))
    items = lint.lint(pack)
    assert reads == []
    assert any("'disable' removes 'f6-no-craft'" in str(i) for i in items)
