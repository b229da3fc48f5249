"""Lint: one bad fixture pack per problem kind, each named with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadfit.forms import conditions
from leadfit.forms.questionnaire import default_questionnaire
from leadfit.rules.model.library import default_pack, resolve_pack
from leadfit.rules.authoring.lint import lint_target
from leadfit.rules.model.pack import relevance_condition
from leadfit.rules.runtime.satisfy import Analysis
from tests.helpers import REPO, run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "packs"

KINDS = [
    # fixture, level, file, line, words the message must contain
    ("lint_unknown_key", "error", "rules.yaml", 3, ["unknown key 'sumary'", "did you mean 'summary'"]),
    ("lint_unknown_id", "error", "rules.yaml", 6, ["'F8x' is not a catalogue ID", "did you mean 'F8'"]),
    ("lint_never_fires", "error", "rules.yaml", 3,
     ["rule 'contradiction' can never fire", "“Years managing digital products” (whole number from 0 to 50)"]),
    ("lint_conflicting_recommendations", "error", "rules.yaml", 3,
     ["'rivals-appoint' (recommends Appoint) and 'rivals-hire' (recommends Hire",
      "match exactly the same answers", "always wins"]),
    ("lint_shadowed_recommendation", "warning", "rules.yaml", 3,
     ["rule 'veteran-appoint' recommends Appoint", "'experienced-coach' (recommends Coach)",
      "never decides the outcome"]),
    ("lint_uncited_id", "warning", "pack.yaml", 5, ["catalogue ID F12 (Career vehicle) is cited by no rule",
                                                    "'disable' removes 'f12-career-step', which cited it"]),
    ("lint_uncited_id_own_rules", "warning", "pack.yaml", 3, ["catalogue ID F12 (Career vehicle) is cited by no rule"]),
    ("lint_readiness_gap", "error", "pack.yaml", 7,
     ["P1 Digital product experience is marked by no rule when Years managing digital products is 3 to 4"]),
    ("lint_unreached_outcome", "warning", "scenarios.yaml", 2,
     ["no scenario reaches the outcome 'hire_external'"]),
]


@pytest.mark.parametrize("fixture,level,file,line,words", KINDS, ids=[f"{k[0]}-{n}" for n, k in enumerate(KINDS)])
def test_lint_finds_each_problem_kind_with_file_and_line(fixture, level, file, line, words):
    folder = FIXTURES / fixture
    _, items = lint_target(folder)
    where = f"{folder / file}:{line}:"
    hits = [str(i) for i in items if i.level == level and where in str(i)
            and all(w in str(i) for w in words)]
    assert hits, "\n".join(str(i) for i in items)


@pytest.mark.parametrize("fixture,level", sorted({(k[0], k[1]) for k in KINDS}))
def test_lint_exit_code_is_non_zero_only_for_errors(fixture, level):
    done = run_cli("pack", "lint", str(FIXTURES / fixture))
    loads = lint_target(FIXTURES / fixture)[0] is not None
    # 2: the pack does not load (invalid input, as for every command); 1: it loads, lint found errors
    expected = 0 if level != "error" else (1 if loads else 2)
    assert done.returncode == expected, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["default", "bank", "public-sector"])
def test_shipped_packs_lint_without_errors(name):
    pack, items = lint_target(name)
    assert pack is not None and [str(i) for i in items if i.level == "error"] == []


Q = default_questionnaire()


def _never(raw) -> bool:
    return Analysis(Q).witness(conditions.parse(raw, Q.questions)) is None


@pytest.mark.parametrize("raw", [
    {"all": [{"lt": {"candidate.digital_years": 3}}, {"ge": {"candidate.digital_years": 5}}]},
    {"all": [{"eq": {"candidate.owns_pnl": "full"}}, {"eq": {"candidate.owns_pnl": "none"}}]},
    {"ge": {"candidate.digital_years": 51}},                       # above the question's max
    {"lt": {"candidate.digital_years": 0}},                        # below its min
    {"gt": {"stream.digital_revenue_share": 100}},                 # a percent tops out at 100
    {"not_in": {"candidate.holds_line": ["weak", "some", "strong"]}},  # no option left
    {"all": [{"eq": {"candidate.rivals": True}}, {"ne": {"candidate.rivals": True}}]},
    {"all": [{"gt": {"candidate.digital_years": 2}}, {"lt": {"candidate.digital_years": 3}}]},
    # only asked when some time stays in the former role:
    {"all": [{"eq": {"candidate.reduce_former_role": True}}, {"eq": {"candidate.former_role_share": 0}}]},
])
def test_contradictions_never_fire(raw):
    assert _never(raw)


@pytest.mark.parametrize("raw", [
    {"all": [{"ge": {"candidate.digital_years": 3}}, {"le": {"candidate.digital_years": 3}}]},
    {"any": [{"all": [{"lt": {"candidate.digital_years": 3}}, {"ge": {"candidate.digital_years": 5}}]},
             {"eq": {"candidate.owns_pnl": "full"}}]},
    {"all": [{"gt": {"stream.digital_revenue_share": 99}}, {"lt": {"stream.digital_revenue_share": 100}}]},
    {"all": [{"eq": {"candidate.reduce_former_role": True}}, {"eq": {"candidate.former_role_share": 5}}]},
    {"all": [{"ne": {"candidate.name": "A"}}, {"not_in": {"candidate.name": ["B", "C"]}}]},
])
def test_satisfiable_conditions_have_a_witness(raw):
    assert not _never(raw)


def test_a_question_the_pack_never_asks_makes_its_rules_never_fire():
    q = Q.with_relevance({"candidate.owns_pnl": relevance_condition("candidate.owns_pnl", "never",
                                                                     Q.questions)})
    cond = conditions.parse({"eq": {"candidate.owns_pnl": "full"}}, Q.questions)
    assert Analysis(q).witness(cond) is None
    assert Analysis(Q).witness(cond) == {"candidate.owns_pnl": "full"}


def test_public_sector_rewords_p2_as_budget_accountability_rather_than_dropping_it():
    pack = resolve_pack("public-sector")
    assert any("candidate.owns_pnl" in conditions.questions_in(r.condition) for r in pack.rules)
    question = pack.questionnaire.questions["candidate.owns_pnl"]
    assert question.ask_if is None and "service budget" in question.title
    assert "profit" not in " ".join(question.options.values()).lower()
    assert pack.catalogue.title("P2") == "Budget and outcome accountability"
    revenue = pack.questionnaire.questions["stream.revenue_impact"]
    assert "service users" in revenue.title and "revenue" not in " ".join(revenue.options.values()).lower()


@pytest.mark.parametrize("raw,never", [
    ({"all": [{"lt": {"derived.review_in_days": -5}}, {"ne": {"derived.review_in_days": -6}}]}, False),
    ({"all": [{"lt": {"derived.review_in_days": -5}}, {"gt": {"derived.review_in_days": -6}}]}, True),
    ({"all": [{"gt": {"derived.review_in_days": 3}}, {"not_in": {"derived.review_in_days": [4, 5, 6]}}]},
     False),
    ({"all": [{"ge": {"candidate.digital_years": 50}}, {"ne": {"candidate.digital_years": 50}}]}, True),
])
def test_whole_number_limits_from_either_end(raw, never):
    assert _never(raw) is never


@pytest.mark.parametrize("errors,warnings,words", [
    (0, 1, "0 errors, 1 warning\n"), (1, 0, "1 error, 0 warnings\n")])
def test_lint_totals_are_grammatical(tmp_path, errors, warnings, words):
    fixture = "lint_uncited_id" if warnings else "lint_unknown_id"
    done = run_cli("pack", "lint", str(FIXTURES / fixture))
    assert done.stdout.endswith(words), done.stdout


def test_summary_numbers_in_digits_and_words():
    from leadfit.rules.authoring.lint import numbers_in
    assert numbers_in("Three or more years; under 50% of their time, none at all") == [("Three", 3), ("50", 50)]


def test_a_summary_changed_with_its_condition_is_not_flagged(tmp_path):
    import shutil
    folder = tmp_path / "gap"
    shutil.copytree(FIXTURES / "lint_readiness_gap", folder)
    text = (folder / "pack.yaml").read_text()
    (folder / "pack.yaml").write_text(text + "    summary: Five or more years running digital products.\n")
    _, items = lint_target(folder)
    assert not [i for i in items if "out of date" in str(i)], [str(i) for i in items]


def test_a_summary_that_states_the_old_number_is_out_of_date(tmp_path):
    """Default 2.0's summaries name no numbers (thresholds are parameters); a base that does is checked."""
    import shutil
    base = tmp_path / "corp"
    shutil.copytree(REPO / "rules" / "packs" / "default", base)
    rules = (base / "rules.yaml").read_text().replace(
        "summary: Enough years running digital products.", "summary: Three or more years running digital products.")
    (base / "rules.yaml").write_text(rules)
    (base / "pack.yaml").write_text((base / "pack.yaml").read_text().replace("name: default", "name: corp", 1))
    client = tmp_path / "client"
    client.mkdir()
    (client / "pack.yaml").write_text(f'name: client\nversion: "1.0"\nextends: corp@{default_pack().version}\noverride:\n'
                                      "  p1-experienced:\n    when: {ge: {candidate.digital_years: 5}}\n")
    _, items = lint_target(client)
    text = "\n".join(str(i) for i in items)
    assert "client/pack.yaml:5: rule 'p1-experienced': summary may be out of date: it says 'Three'" in text
    assert "is now 'Years managing digital products is at least 5'" in text


def test_every_fault_inside_one_rule_is_reported_in_one_run():
    """A consultant fixing a rule one error per run wastes a run per fault: all four are named."""
    folder = FIXTURES / "lint_faults_in_one_rule"
    done = run_cli("pack", "lint", str(folder))
    rules = folder / "rules.yaml"
    assert done.returncode == 2
    for line, words in ((6, "unknown question id 'candidate.digital_yeers'"),
                        (7, "got 'fully' (did you mean 'full'?)"),
                        (9, "'candidate.led_multidisciplinary' is a yes/no question"),
                        (10, "got 'sometime'")):
        said = [x for x in done.stdout.splitlines() if f"{rules}:{line}: rule 'three-faults': " in x]
        assert said and words in said[0], done.stdout
    assert "4 errors" in done.stdout + done.stderr
