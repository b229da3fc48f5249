"""Scaffold a client pack folder that extends another pack by name and version.

The new folder loads and passes `pack test` at once: it is written to a
temporary folder beside the destination, loaded and tested there, and only
then renamed into place. An existing folder is never touched.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml

from leadfit.errors import InputError, LeadFitError, Problem
from leadfit.files import FileWriteError, why_not_written
from leadfit.forms.case import load_case_file
from leadfit.forms.questionnaire import default_questionnaire
from leadfit.rules.model.library import load_pack, resolve_pack
from leadfit.rules.model.pack import Pack

NAME = re.compile(r"^[a-z][a-z0-9-]{0,63}$")

PACK_YAML = """\
# {name}: a client pack. It extends {base} by name and version and changes
# only what is written here; the base pack's files are never edited.
# `leadfit pack test DIR` runs scenarios.yaml and every scenario of the base
# whose name is not reused there (a scenario with the same name replaces it).
# `leadfit pack lint DIR` checks it; `leadfit pack diff {base_name} DIR` shows
# what it changes for real cases.
name: {name}
version: "0.1"
title: {name}
description: ""
extends: {base}

# Remove base rules by id. The rules marking one readiness ID (p2-owns-pnl,
# p2-shared-pnl, p2-no-pnl for P2) go together, as public-sector does: drop
# one alone and its answers leave P2 unknown (a lint error).
#   disable: [r3-rivals]
disable: []

# Thresholds are the base's named parameters (listed in its pack.yaml). Set one
# here and every rule that refers to it moves with it, on both sides of the line
# (P1 met and P1 partly met, the F10 and F11 rules...), so no answer falls between:
#   parameters:
#     p1_met_years: 5                  # P1 met needs five years here, not three
parameters: {{}}

# Change base rules by id: summary, when, then (the actions), or severity (of
# every finding the rule raises). A rule's when may use the parameters too:
# {{ge: {{candidate.digital_years: {{param: p1_met_years}}}}}}.
#   override:
#     p2-shared-pnl:
#       severity: high
#     f6-no-craft:
#       summary: No background in technology or design; the teams will notice.
#       then:
#         - finding: {{id: F6, severity: medium}}
#         - mitigation: M6
override: {{}}

# Reword catalogue entries (P, R, F and M IDs, and the outcomes):
#   wording:
#     P2: {{title: "Budget accountability", meaning: "Answers for a budget and its results."}}
wording: {{}}

# When a question is asked: a condition, "never" (e.g. a P&L question for a
# public body) or "always":
#   relevance:
#     candidate.reduce_former_role: {{gt: {{candidate.former_role_share: 10}}}}  # P6 rules read it above 10% only
relevance: {{}}

# Settings named here replace the base's; outcome_requires, outcome_notes and
# outcome_allows are merged per outcome:
#   outcome_requires:
#     coach: [M7, M9, M10]             # every coached appointment gets mentoring too
# A question's words (title, help, option labels; never its id, type or options):
#   questions:
#     stream.revenue_impact: {{title: "How many service users depend on this stream?"}}
"""

RULES_YAML = """\
# Rules {name} adds to {base}: same form as the base's rules.yaml. Ids must
# differ from the base's; to change a base rule use 'override' in pack.yaml.
#   rules:
#     - id: {name}-no-mentor
#       summary: Nobody can mentor the candidate.
#       when:
#         all:
#           - eq: {{org.cpo_available: false}}
#           - lt: {{candidate.digital_years: {{param: p1_met_years}}}}
#       then:
#         - finding: {{id: F1, severity: high}}
#         - recommend: hire_external
rules: []
"""

SCENARIOS_HEAD = """\
# Scenarios of {name}: a whole case, and the outcome and IDs it must give.
# The example below is forms/examples/example-case.yaml with what {base}
# gives it today; change the expectations to what this client's rules should
# give. Base scenarios run too, unless a scenario here has the same name.
"""


def scaffold(name: str, extends: str, parent: Path) -> Path:
    """Create ``parent/name`` extending ``extends`` (name or name@version).

    ``parent`` is the folder the pack goes in, created (parents too) if
    missing; on failure the folders it created are removed again.
    """
    if not NAME.match(name):
        raise InputError([Problem("a pack name is lower-case letters, digits and '-', starting"
                                  f" with a letter (at most 64); got '{name}'")])
    dest = parent / name
    if dest.exists():
        raise InputError([Problem("already exists; a new pack never overwrites a folder", str(dest))])
    if parent.exists() and not parent.is_dir():
        raise InputError([Problem("is a file, not a folder to create the pack in", str(parent))])
    base = _base(extends)
    created = _make_parents(parent)
    try:
        with tempfile.TemporaryDirectory(prefix=f".{name}-", dir=parent) as tmp:
            folder = Path(tmp) / name
            folder.mkdir()
            _write(folder, name, base)
            _check(folder)
            folder.rename(dest)
    except BaseException as exc:
        for made in created:  # deepest first; only the empty folders we made
            made.rmdir()
        if isinstance(exc, OSError):    # a full disk was a traceback (the temp folder goes)
            raise FileWriteError([Problem(f"could not be written ({why_not_written(exc)});"
                                          " nothing was left behind", str(dest))]) from None
        raise
    return dest


def _make_parents(parent: Path) -> list[Path]:
    """mkdir -p, returning the folders it made, deepest first."""
    missing = [p for p in (parent, *parent.parents) if not p.exists()]
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError([Problem(f"cannot create the folder: {exc.strerror}", str(parent))]) from None
    return missing


def _base(extends: str) -> Pack:
    base_name, _, version = extends.partition("@")
    try:
        base = resolve_pack(base_name)
    except LeadFitError as exc:
        raise InputError(exc.problems) from None
    if version and version != base.version:
        raise InputError([Problem(f"--extends {extends}: the available {base_name} is {base.label}")])
    return base


def _write(folder: Path, name: str, base: Pack) -> None:
    words = {"name": name, "base": base.label, "base_name": base.name}
    (folder / "pack.yaml").write_text(PACK_YAML.format(**words), encoding="utf-8")
    (folder / "rules.yaml").write_text(RULES_YAML.format(**words), encoding="utf-8")
    scenario = _example_scenario(base)
    body = yaml.safe_dump({"scenarios": [scenario]}, sort_keys=False, allow_unicode=True)
    (folder / "scenarios.yaml").write_text(SCENARIOS_HEAD.format(**words) + body, encoding="utf-8")


def _example_scenario(base: Pack) -> dict:
    from importlib import resources

    from leadfit.rules.runtime.assess import evaluate
    ref = resources.files("leadfit.forms").joinpath("examples/example-case.yaml")
    with resources.as_file(ref) as path:
        case = load_case_file(Path(path), default_questionnaire())
    result = evaluate(case, base)
    findings = sorted({f.id for f in result.findings})
    return {"name": "example: the sample case", "answers": dict(case.answers),
            "expect": {"outcome": result.outcome, "includes": findings}}


def _check(folder: Path) -> None:
    from leadfit.rules.authoring.scenarios import run_all
    pack = load_pack(folder)
    failed = [r.report() for r in run_all(pack) if not r.passed]
    if failed:  # the base's own scenarios fail: say so rather than scaffold a failing pack
        raise InputError([Problem("the new pack would not pass 'pack test':\n" + "\n".join(failed))])

