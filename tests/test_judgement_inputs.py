"""Judgement settings refused by name, and what the previous questionnaire wrote still loads."""

from __future__ import annotations

import shutil

import pytest
import yaml

from leadfit.decisions import service
from leadfit.reports import printing
from leadfit.decisions.register import open_register
from leadfit.forms.case import load_case_file
from leadfit.forms.questionnaire import default_questionnaire, questionnaire_version
from leadfit.rules.model.library import bundled_pack_names, default_pack, resolve_pack
from leadfit.rules.model.pack import load_pack
from tests.helpers import REPO, run_cli

V1 = REPO / "tests" / "fixtures" / "v1"
OLD_DEFAULT_FINGERPRINT = "b791f863f3bfeb49badfe9961e39735c88b6097c18e9fc7efa2530b354f60538"  # main before 2.0


def _client(tmp_path, extra: str = "", rules: str | None = None, name: str = "acme"):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "pack.yaml").write_text(f'name: {name}\nversion: "0.1"\nextends: default@2.9\n' + extra)
    if rules is not None:
        (folder / "rules.yaml").write_text(rules)
    return folder


BAD = {
    "unknown parameter": ("", "rules:\n  - id: acme-x\n    summary: x\n    when: {ge: {candidate.digital_years:"
                          " {param: p1_met_yeers}}}\n    then:\n      - mitigation: M5\n",
                          "rules.yaml:4: rule 'acme-x': unknown parameter 'p1_met_yeers' (did you mean"
                          " 'p1_met_years'?)"),
    "unknown outcome in risk_outcomes": ("risk_outcomes:\n  critical: hire\n", None,
                                         "pack.yaml:5: risk_outcomes.critical: 'hire' is not allowed"
                                         " (did you mean 'hire_external'?);"
                                         " expected 'appoint', 'coach' or 'hire_external'"),
    "question type changed": ("questions:\n  candidate.digital_years:\n    title: Years\n    type: text\n", None,
                              "pack.yaml:5: questions.candidate.digital_years: a pack may change a question's"
                              " title, help and option labels, not its type ('candidate.digital_years' is an"
                              " integer question; got type 'text')"),
    "question option invented": ("questions:\n  candidate.owns_pnl:\n    options: {some: Some}\n", None,
                                 "pack.yaml:5: questions.candidate.owns_pnl.options: 'some' is not an option"),
    "parameter in an override": ("override:\n  p1-experienced:\n    when: {ge: {candidate.digital_years:"
                                 " {param: nope}}}\n", None,
                                 "pack.yaml:6: override.p1-experienced.when: unknown parameter 'nope'"),
    "misspelt client parameter": ("parameters:\n  p1_met_yeers: 5\n", None,
                                  "pack.yaml:5: parameters.p1_met_yeers: default@2.9 has no parameter"
                                  " 'p1_met_yeers' (did you mean 'p1_met_years'?)"),
    "bad client parameter value": ("parameters:\n  p1_met_years: 3\n  p1_partial_years: yes\n", None,
                                   "pack.yaml:6: parameters.p1_partial_years: 'candidate.digital_years' is"
                                   " an integer question, so its value must be a whole number; got true"),
    "unknown mitigation in a hiring plan": ("outcome_allows:\n  hire_external: [M1, M77]\n", None,
                                            "pack.yaml:5: outcome_allows.hire_external: 'M77' is not a"
                                            " mitigation"),
    "lever_values names no lever": ("lever_values:\n  org.extrnal_hire: [possible]\n", None,
                                    "pack.yaml:5: lever_values.org.extrnal_hire: not a question the"
                                    " organisation can change (did you mean 'org.external_hire'?)"),
    "lever_values answer invented": ("lever_values:\n  org.external_hire: [possibly]\n", None,
                                     "pack.yaml:5: lever_values.org.external_hire: 'possibly' is not an"
                                     " answer of 'org.external_hire' (did you mean 'possible'?); allowed:"
                                     " possible, budget_limited, not_possible"),
    "lever_values on a yes/no as text": ("lever_values:\n  org.cpo_available: [yes please]\n", None,
                                         "pack.yaml:5: lever_values.org.cpo_available: 'yes please' is not"
                                         " an answer of 'org.cpo_available'"),
    "headline for an unknown step": ("titles_if_unavailable:\n  coach:\n    M17: Appoint without it\n", None,
                                     "pack.yaml:6: titles_if_unavailable.coach: 'M17' is not a mitigation"),
    "unknowns_risk misspelt": ("unknowns_risk: sometimes\n", None, "pack.yaml:4: unknowns_risk: 'sometimes' is not"
                               " allowed; expected 'known', 'allowed_for' or 'worst_allowed_for'"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_judgement_settings_are_named_with_file_and_line_and_exit_2(tmp_path, case):
    extra, rules, message = BAD[case]
    folder = _client(tmp_path, extra, rules)
    for command in (["pack", "test", str(folder)],
                    ["evaluate", str(REPO / "forms/examples/example-case.yaml"), "--pack", str(folder)]):
        done = run_cli(*command)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert message in done.stderr.replace("\n    ", " "), done.stderr
        assert "Traceback" not in done.stderr


def test_a_client_parameter_moves_every_rule_that_refers_to_it(tmp_path):
    pack = load_pack(_client(tmp_path, "parameters:\n  p1_met_years: 5\n"))
    moved = [r.id for r in pack.rules if r.condition != default_pack().rule(r.id).condition]
    assert {"ready-to-appoint", "p1-experienced", "p1-some-experience", "f10-uneven-streams",
            "f11-critical-stream", "no-one-to-coach", "capable-capacity-gap"} <= set(moved)
    assert all(r.layer == "default@2.9" for r in pack.rules if r.id in moved)  # the base's rules, moved
    case = load_case_file(REPO / "forms/examples/example-case.yaml", pack.questionnaire)
    answers = dict(case.answers, **{"candidate.digital_years": 4})
    from leadfit.forms.case import build_case
    from leadfit.rules.runtime.assess import evaluate
    a = evaluate(build_case(answers, pack.questionnaire), pack)
    assert {r.id: r.status for r in a.readiness}["P1"] == "partial"
    assert pack.fingerprint != default_pack().fingerprint


def test_the_archived_pack_is_the_old_default_and_is_not_offered_for_new_cases():
    assert "default-1.0" not in bundled_pack_names() and resolve_pack("default").label == "default@2.9"
    old = load_pack(REPO / "rules" / "archive" / "default-1.0")
    assert (old.label, old.fingerprint, old.questionnaire.version) == ("default@1.0", OLD_DEFAULT_FINGERPRINT, 1)


def test_a_client_written_for_the_old_default_still_loads_on_it(tmp_path):
    folder = tmp_path / "old-client"
    folder.mkdir()
    (folder / "pack.yaml").write_text('name: old-client\nversion: "0.1"\nextends: default@1.0\n'
                                      "override:\n  f5-impatient:\n    severity: high\n")
    pack = load_pack(folder)
    assert pack.layers == ("default@1.0", "old-client@0.1") and pack.questionnaire.version == 1


def test_a_case_file_of_the_previous_questionnaire_loads_migrated():
    case = load_case_file(V1 / "example-case-v1.yaml", default_questionnaire())
    assert "candidate.expected_months" not in case.answers
    assert case.answers["candidate.delivery_expectation"] == "everything_later"  # 9 months: all of it, later
    old = load_case_file(V1 / "example-case-v1.yaml", questionnaire_version(1))
    assert old.answers["candidate.expected_months"] == 9  # under its own questionnaire, as written


@pytest.mark.parametrize("months,expectation", [(1, "everything_fast"), (5, "everything_fast"),
                                                (6, "everything_later"), (36, "everything_later")])
def test_the_months_answer_keeps_the_old_impatience_line(tmp_path, months, expectation):
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"answers": {"candidate.expected_months": months}}))
    case = load_case_file(path, default_questionnaire())  # incomplete, the migrated answer kept
    assert case.answers == {"candidate.delivery_expectation": expectation}
    from leadfit.forms.migrate import migrate_answers
    assert migrate_answers({"candidate.expected_months": months}, 1) == {
        "candidate.delivery_expectation": expectation}


def test_a_case_file_names_a_version_it_cannot_read(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("questionnaire: 7\nanswers: {}\n")
    done = run_cli("evaluate", str(path))
    assert done.returncode == 2 and "questionnaire: must be one of the versions 1, 2, 3, 4, got 7" in done.stderr


def test_a_register_written_before_2_0_verifies_shows_reports_and_replays(tmp_path, monkeypatch):
    """The register was made by the code of main before this change (leadfit decide + sign)."""
    monkeypatch.setenv("LEADFIT_DATA_DIR", str(tmp_path / "data"))
    db = tmp_path / "register.sqlite3"
    shutil.copy(V1 / "register-v1.sqlite3", db)
    reg = open_register(f"sqlite:///{db}")
    record = service.show(reg, "LF-2026-0001")
    assert record.pack.fingerprint == OLD_DEFAULT_FINGERPRINT
    assert "candidate.expected_months" in record.answers
    result = service.replay(reg, "LF-2026-0001")
    assert result.identical and result.pack_label == "default@1.0", result.differences
    assert service.verify(reg).ok
    done = printing.report(reg, "LF-2026-0001", tmp_path / "old.pdf")
    assert done.path is not None and (tmp_path / "old.pdf").stat().st_size > 1000
    cli = run_cli("replay", "LF-2026-0001", "--db", str(db), env={"LEADFIT_DATA_DIR": str(tmp_path / "data")})
    assert cli.returncode == 0 and "identical assessment under default@1.0" in cli.stdout


def test_lint_warns_of_a_parameter_no_rule_refers_to(tmp_path):
    """A pack's own threshold nothing reads is a warning (a client's misspelt one is an error)."""
    from leadfit.rules.authoring.lint import lint
    folder = tmp_path / "standalone"
    shutil.copytree(REPO / "rules/packs/default", folder)
    text = (folder / "pack.yaml").read_text()
    (folder / "pack.yaml").write_text(text.replace("parameters:\n", "parameters:\n  spare_years: 5\n", 1))
    items = [str(i) for i in lint(load_pack(folder))]
    assert any("parameter 'spare_years' is referred to by no rule" in i for i in items), items
    assert not any("parameter" in str(i) for i in lint(default_pack()))


def test_a_bad_client_parameter_is_blamed_on_its_own_line_once_not_on_the_base_rules(tmp_path):
    """The consultant wrote pack.yaml line 6; the base's rules.yaml is not theirs to fix."""
    folder = _client(tmp_path, "parameters:\n  p1_met_years: 3\n  p1_partial_years: yes\n")
    done = run_cli("pack", "lint", str(folder))
    errors = [line for line in done.stdout.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"{folder / 'pack.yaml'}:6: parameters.p1_partial_years" in errors[0]
    assert errors[0].endswith("; 5 base rules compare with it, among them 'p1-some-experience' and"
                              " 'p1-no-experience'"), errors[0]
    assert "rules/packs/default/rules.yaml" not in done.stdout


def test_a_bad_parameter_read_by_many_rules_counts_them_instead_of_listing_them(tmp_path):
    """Fresh-eyes: p1_met_years: lots printed 24 rule ids after it."""
    folder = _client(tmp_path, "parameters:\n  p1_met_years: lots\n")
    errors = [x for x in run_cli("pack", "lint", str(folder)).stdout.splitlines() if x.startswith("error:")]
    assert len(errors) == 1, errors
    assert errors[0].endswith("got 'lots'; 23 base rules compare with it, among them 'ready-to-appoint'"
                              " and 'p1-experienced'"), errors[0]
