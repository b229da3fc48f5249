"""leadfit evaluate CASE.yaml [--pack DIR] [--json]: the explained assessment."""

from __future__ import annotations

from pathlib import Path

from leadfit.cli.render import render_assessment
from leadfit.forms.case import load_case_file
from leadfit.rules.runtime.explain import evaluate_explained
from leadfit.rules.model.library import resolve_pack


def register(sub) -> None:
    p = sub.add_parser("evaluate", help="assess one case and explain the recommendation")
    p.add_argument("case", type=Path, help="case file (YAML with an 'answers' mapping)")
    p.add_argument("--pack", help="rule pack folder or bundled name (default: default)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args) -> int:
    pack = resolve_pack(args.pack)
    case = load_case_file(args.case, pack.questionnaire)
    assessment = evaluate_explained(case, pack)
    print(assessment.to_json() if args.json else render_assessment(assessment, case))
    return 0 if assessment.decided else 3
