"""What a consultant tailoring a client pack reads when the pack is wrong: every command
says every problem, each at a line of the consultant's own files, in words."""

from __future__ import annotations

import pytest

from tests.helpers import EXAMPLE_CASE, run_cli

BASE = 'name: client\nversion: "1.0"\nextends: default@2.9\n'


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


# Every command that loads a pack a consultant names (test_pack_errors_one_run reads it too)
PACK_COMMANDS = [
    ["pack", "lint", "{pack}"],
    ["pack", "test", "{pack}"],
    ["evaluate", str(EXAMPLE_CASE), "--pack", "{pack}"],
    ["pack", "docs", "{pack}", "--out", "{tmp}/docs.pdf"],
    ["pack", "diff", "default", "{pack}"],
    ["pack", "diff", "{pack}", "default"],
    ["pack", "fingerprint", "{pack}"],
    ["compare", str(EXAMPLE_CASE), str(EXAMPLE_CASE), "--pack", "{pack}"],
    ["questions", "--pack", "{pack}"],
    ["decide", str(EXAMPLE_CASE), "--decision", "appoint", "--recorded-by", "Ann Lee",
     "--pack", "{pack}", "--db", "{tmp}/register.db"],
    ["correct", "LF-2026-0001", "--reason", "typo", "--recorded-by", "Ann Lee",
     "--pack", "{pack}", "--db", "{tmp}/register.db"],
]
PACK_COMMAND_IDS = ["lint", "test", "evaluate", "docs", "diff-new", "diff-old", "fingerprint", "compare",
                    "questions", "decide", "correct"]


@pytest.mark.parametrize("command", PACK_COMMANDS, ids=PACK_COMMAND_IDS)
def test_a_refused_pack_names_its_rule_that_can_never_fire_in_every_command(tmp_path, command):
    """evaluate, pack docs, pack diff, pack fingerprint, compare, questions, decide and correct
    named only the misspelt disable: the rule that can never fire came only after that was
    mended, though `pack lint` said both at once. Nothing is written (no PDF, no register)."""
    folder = client_pack(tmp_path, BASE + "disable: [p3-nevr-led]\n", NEVER_FIRES)
    done = run_cli(*[c.format(pack=folder, tmp=tmp_path) for c in command])
    said = done.stdout + done.stderr
    assert done.returncode == 2, said
    assert f"{folder / 'pack.yaml'}:4: disable: rule 'p3-nevr-led' is not in default@2.9" in said
    assert f"{folder / 'rules.yaml'}:2: rule 'client-impossible' can never fire" in said, said
    assert not (tmp_path / "docs.pdf").exists() and not (tmp_path / "register.db").exists()


def _rule(rule_id: str, outcome: str, when: str = "{eq: {candidate.led_multidisciplinary: false}}") -> str:
    return (f"rules:\n  - id: {rule_id}\n    summary: Has never led the disciplines together.\n"
            f"    when: {when}\n    then:\n      - recommend: {outcome}\n")


def _lint_rows(folder) -> list[str]:
    done = run_cli("pack", "lint", str(folder))
    assert "Traceback" not in done.stderr
    return [row for row in done.stdout.splitlines() if row.startswith(("error: ", "warning: "))]


def test_a_client_rule_that_overrules_a_base_rule_is_said_at_the_client_rule(tmp_path):
    """F44: it was said at leadfit/rules/packs/default/rules.yaml:90, a file the consultant must
    not edit, with "merge the two rules", which a client pack cannot do with a base rule."""
    folder = client_pack(tmp_path, rules=_rule("client-never-led", "hire_external"))
    rows = [r for r in _lint_rows(folder) if "p3-never-led" in r]
    assert len(rows) == 1, rows
    assert rows[0].startswith(f"error: {folder / 'rules.yaml'}:2: rule 'client-never-led' (recommends"
                              " Hire) and default@2.9's rule 'p3-never-led' (recommends Coach) match"
                              " exactly the same answers"), rows
    assert "'override: {p3-never-led: ...}'" in rows[0] and "'disable: [p3-never-led]'" in rows[0]
    assert "Make this rule's conditions differ" in rows[0]
    assert "packs/default" not in rows[0] and "Merge" not in rows[0]


def test_a_client_rule_a_base_rule_overrules_is_said_at_the_client_rule(tmp_path):
    folder = client_pack(tmp_path, rules=_rule("client-never-led", "appoint"))
    rows = [r for r in _lint_rows(folder) if "client-never-led" in r]
    assert len(rows) == 1 and rows[0].startswith(
        f"error: {folder / 'rules.yaml'}:2: rule 'client-never-led' (recommends Appoint) and"
        " default@2.9's rule 'p3-never-led' (recommends Coach)"), rows
    assert "the stronger, Coach, always wins, so 'client-never-led' is never followed" in rows[0]
    assert "'override: {p3-never-led: ...}'" in rows[0]


def test_a_base_rule_a_client_rule_leaves_undecided_is_said_at_the_client_rule(tmp_path):
    """Whenever the base's 'p3-never-led' (Coach) matches, the client's broader rule (Hire)
    matches too: the warning was at the base's line, advising to narrow the base's 'when'."""
    broader = "{any: [{eq: {candidate.led_multidisciplinary: false}}, {eq: {candidate.owns_pnl: none}}]}"
    folder = client_pack(tmp_path, rules=_rule("client-hires", "hire_external", broader))
    rows = [r for r in _lint_rows(folder) if "'p3-never-led' recommends" in r]
    assert rows and all(r.startswith(f"warning: {folder / 'rules.yaml'}:2: default@2.9's rule") for r in rows), rows
    assert "because of this pack's rule 'client-hires'" in rows[0]
    assert "'disable: [p3-never-led]'" in rows[0] and "packs/default" not in rows[0]


OVERRIDE_HIRES = BASE + """override:
  p3-never-led:
    then:
      - readiness: {P3: not_met}
      - finding: {id: F3, severity: high}
      - recommend: hire_external
"""


def test_pack_test_says_a_failing_outcome_in_words(tmp_path):
    """It printed "expected appoint, got coach": the pack's keys, not what the outcome is."""
    scenario = ("scenarios:\n  - name: never led, appointed\n    like: ready candidate is appointed\n"
                "    answers: {candidate.led_multidisciplinary: false}\n    expect: {outcome: appoint}\n")
    folder = client_pack(tmp_path, scenarios=scenario)
    done = run_cli("pack", "test", str(folder))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "scenario 'never led, appointed'" in done.stdout
    assert "  outcome: expected Appoint, got Coach\n" in done.stdout
    assert not any(code in done.stdout for code in ("expected appoint", "got coach", "hire_external"))


def test_pack_diff_says_a_changed_recommendation_in_words(tmp_path):
    """Its rule details printed "recommend coach  ->  ... recommend hire_external"."""
    folder = client_pack(tmp_path, OVERRIDE_HIRES)
    done = run_cli("pack", "diff", "default", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    assert ("      then: readiness P3 not met; finding F3 (high); mitigation M5; mitigation M6;"
            " recommend Coach  ->  readiness P3 not met; finding F3 (high); recommend Hire\n") in done.stdout
    assert "hire_external" not in done.stdout and "recommend coach" not in done.stdout


def test_pack_diff_over_the_clients_cases_headlines_them_not_the_generated_ones(tmp_path):
    """F11: with --cases DIR the totals summed the client's case files with the hundreds of
    cases generated at a moved threshold ("130 of 442 cases change outcome"), so the
    consultant could not say how many of the client's own cases change."""
    folder = client_pack(tmp_path, BASE + "parameters: {p1_met_years: 5}\n",
                         _rule("client-never-led", "hire_external"))
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "one.yaml").write_text(EXAMPLE_CASE.read_text(encoding="utf-8"), encoding="utf-8")
    done = run_cli("pack", "diff", "default", str(folder), "--cases", str(cases))
    assert done.returncode == 0, done.stdout + done.stderr
    totals = done.stdout.rstrip("\n").splitlines()[-4:]
    assert totals[:3] == ["1 of 1 case changes outcome: 1 Coach -> Hire", "0 of 1 case changes risk",
                          "1 of 1 case changes IDs"], totals
    made = int(totals[3].split()[2])
    assert made > 100 and totals[3].startswith(f"Of the {made} generated cases: ")
    assert "change outcome (" in totals[3] and "Appoint -> Coach" in totals[3]


def test_a_blank_question_title_or_label_is_refused_at_its_line(tmp_path):
    """F28: 'title: ""' was accepted, and the form then asked a question with no words.
    A wrong help beside it no longer hides it (the entry is checked key by key)."""
    pack = BASE + """questions:
  candidate.digital_years:
    title: ""
  candidate.owns_pnl:
    title: "   "
    help: 3
    options: {none: "", partial: Partly, full: Fully}
wording:
  M7: {title: " "}
"""
    folder = client_pack(tmp_path, pack)
    done = run_cli("pack", "lint", str(folder))
    assert done.returncode == 2, done.stdout
    at = f"error: {folder / 'pack.yaml'}"
    for line, words in ((6, "questions.candidate.digital_years.title: it is blank; write the question"
                            " as the form asks it, or leave 'title' out to keep the questionnaire's own"),
                        (8, "questions.candidate.owns_pnl.title: it is blank"),
                        (10, "questions.candidate.owns_pnl.options.none: it is blank; write the label"
                             " the form shows for 'none'"),
                        (12, "wording.M7.title: it is blank")):
        assert f"{at}:{line}: {words}" in done.stdout, done.stdout
    assert f"{at}:9: questions.candidate.owns_pnl.help:" in done.stdout


SCHEMA_LIBRARY = ("input should", "should match pattern", "value error", "after validation",
                  "instance of", "is required at", "valid dictionary", "^[a-z]", "then.0", "then.1")


def test_schema_problems_say_what_is_allowed_never_the_schema_librarys_words(tmp_path):
    """F12: "input should be a valid list", "string should match pattern '^[a-z][a-z0-9-]{1,63}$'",
    "list should have at least 1 item after validation, not 0", "value error, ...", places
    counted from 0 ("then.1" for the second action): pydantic's."""
    pack = BASE.replace('"1.0"', "1.0") + "disable: p3-never-led\nsignoff_roles: []\n"
    rules = ("rules:\n  - id: Client_Rule\n    summary: 5\n    when: []\n    then: []\n"
             "  - id: client-b\n    summary: ok\n    when: {eq: {candidate.led_multidisciplinary: false}}\n"
             "    then:\n      - recommend: coach\n        mitigation: M5\n      - 7\n")
    scenarios = "scenarios:\n  - name: b\n    expect: {includes: F3}\n"
    folder = client_pack(tmp_path, pack, rules, scenarios)
    done = run_cli("pack", "lint", str(folder))
    assert done.returncode == 2
    said = done.stdout
    assert not [w for w in SCHEMA_LIBRARY if w in said], said
    p, r, s = (f"error: {folder / name}" for name in ("pack.yaml", "rules.yaml", "scenarios.yaml"))
    for row in (
            f"{p}:2: version: must be text; got 1.0, which YAML reads as a number or yes/no: put it in quotes",
            f"{p}:4: disable: must be a list: one '- item' per line, or [a, b]; got 'p3-never-led'",
            f"{p}:5: signoff_roles must name at least one role",
            f"{r}:2: rule 'Client_Rule': id: must be lower-case letters, digits and '-', starting with a"
            " letter, 2 to 64 characters (e.g. client-never-led); got 'Client_Rule'",
            f"{r}:4: rule 'Client_Rule': when: must be a mapping: one 'key: value' per line, or {{key: value}}; got a list",
            f"{r}:5: rule 'Client_Rule': then: must have at least 1 item; got none",
            f"{r}:10: rule 'client-b': then, item 1: an action is exactly one of: finding, mitigation,",
            f"{r}:12: rule 'client-b': then, item 2: must be a mapping",
            f"{s}:3: scenario 'b': expect: 'outcome' is required",
            f"{s}:3: scenario 'b': expect.includes: must be a list"):
        assert row in said, f"{row}\n---\n{said}"


RULE_TYPOS = """rules:
  - id: client-a
    summary: A typo in a question and in a catalogue ID.
    when: {eq: {candidate.led_multidisciplinry: false}}
    then:
      - finding: {id: F99, severity: high}
      - recommend: coach
"""
SCENARIO_TYPOS = """scenarios:
  - name: s
    like: ready candidate is appointed
    answers: {candidate.digital_yeras: 3}
    expect: {outcome: coach, includes: [F77]}
"""


@pytest.mark.parametrize("pack_yaml,at", [
    ('name: client\nversion: "1.0"\nextends: default@2.9\ndisable: [p3-never-led\n', ":4: YAML syntax error"),
    ('name: client\nversion: "1.0"\nextends: [default@2.9\n', ":3: YAML syntax error"),
    ('name: client\nversion: "1.0"\nextends: default 2.8\n', ":3: extends: must be a pack's name and version"),
    ('name: client\nversion: "1.0"\nextends: default\n', ":3: extends: must be a pack's name and version"),
    ('name: client\nversion: "1.0"\nextends: defualt@2.8\n', ":3: extends 'defualt@2.8': no such pack"),
], ids=["syntax-after-extends", "syntax-in-extends", "extends-malformed", "extends-without-version",
        "extends-misspelt"])
def test_a_broken_pack_yaml_hides_nothing_in_the_other_files(tmp_path, pack_yaml, at):
    """F13: a broken pack.yaml gave its one problem; the typos in rules.yaml and
    scenarios.yaml came only once it was mended. They are checked against the base its
    'extends:' line names, as far as it reads."""
    folder = client_pack(tmp_path, pack_yaml, RULE_TYPOS, SCENARIO_TYPOS)
    done = run_cli("pack", "lint", str(folder))
    assert done.returncode == 2
    rows = done.stdout.splitlines()
    assert rows[0].startswith(f"error: {folder / 'pack.yaml'}{at}"), rows
    r, s = (f"error: {folder / name}" for name in ("rules.yaml", "scenarios.yaml"))
    assert rows[1:-1] == [
        f"{r}:4: rule 'client-a': unknown question id 'candidate.led_multidisciplinry' (did you mean"
        " 'candidate.led_multidisciplinary'?)",
        f"{r}:6: rule 'client-a': 'F99' is not a catalogue ID a finding can cite (did you mean 'F9'?);"
        " allowed: F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, P1, P2, P3, P4, P5, P6, M1, M2, M3,"
        " M4, M5, M6, M7, M8, M9, M10",
        f"{s}:4: scenario 's': unknown question 'candidate.digital_yeras' (did you mean 'candidate.digital_years'?)",
        f"{s}:5: scenario 's': expect.includes: 'F77' is not a catalogue ID (did you mean 'F7'?); allowed:"
        " the P, R, F and M IDs, and U1, U2... (an answer not known)"], rows  # 'like' found in the base
    assert rows[-1].endswith(": 5 errors, 0 warnings")


def test_a_pack_yaml_that_is_no_mapping_still_has_the_other_files_checked(tmp_path):
    folder = client_pack(tmp_path, "- name: client\n", RULE_TYPOS)
    done = run_cli("pack", "lint", str(folder))
    assert f"{folder / 'pack.yaml'}:1: top level: must be a mapping" in done.stdout
    assert f"{folder / 'rules.yaml'}:4: rule 'client-a': unknown question id" in done.stdout
    assert f"{folder / 'rules.yaml'}:6: rule 'client-a': 'F99' is not a catalogue ID" in done.stdout
