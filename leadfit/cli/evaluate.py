"""leadfit evaluate CASE.yaml [--pack DIR] [--format json | --details]: the explained assessment,
in words for the executive; the codes (ids, rules, fingerprint) only when asked."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from leadfit.cli.render import render_assessment
from leadfit.forms.case import load_case_file
from leadfit.rules.runtime.explain import evaluate_explained
from leadfit.cli.commands import HELP
from leadfit.words import to_complete_words


def register(sub) -> None:
    p = sub.add_parser("evaluate", help=HELP["evaluate"],
                       description="Assess one case and explain the recommendation in words."
                                   " For the codes a consultant looks up (catalogue and rule"
                                   " ids, question ids, outcome keys, the pack's fingerprint),"
                                   " add --details; for every field, --format json.")
    p.add_argument("case", type=Path, help="case file (YAML with an 'answers' mapping)")
    p.add_argument("--pack", help="rule pack folder or bundled name (default: default)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (words, the default) or json (every field, machine-readable)")
    p.add_argument("--json", action="store_true", help="the same as --format json")
    p.add_argument("--details", action="store_true",
                   help="add the codes a consultant looks up: catalogue and rule ids, question"
                        " ids, outcome keys, the pack's fingerprint and the engine")
    p.add_argument("--db", metavar="URL",
                   help="read who leads the other streams from this register, as decide does"
                        " (without it: the form's answer)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from leadfit.rules.authoring.lint import load_or_name_every_problem  # a pack refused: as lint says
    pack = load_or_name_every_problem(args.pack)
    case = load_case_file(args.case, pack.questionnaire)
    reading, said = None, ""
    if args.db:  # only then the register's database layer is loaded
        from leadfit.decisions import service, streams_reading
        from leadfit.decisions.register import open_register
        with open_register(args.db, create=False, readonly=True) as reg:
            reading = service.other_streams(reg, case)
        case = streams_reading.applied(case, reading)
        said = streams_reading.words(reading, pack.questionnaire)
    assessment = evaluate_explained(case, pack)
    args.json = args.json or args.format == "json"
    if args.json and args.db:  # the reading beside the assessment, as the record keeps it
        data = json.loads(assessment.to_json())
        data["other_streams"] = reading.model_dump(mode="json") if reading else None
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.json:
        print(assessment.to_json())
    else:
        print(render_assessment(assessment, case, pack, details=args.details))
        if said:
            print(f"\nWho leads the other streams: {said}")
        if assessment.missing and not args.details and pack.settings.words_version >= 3:
            print(to_complete_words([m.title for m in assessment.missing]), file=sys.stderr)
        elif assessment.missing and not args.details:  # whoever completes the file needs the ids
            print("To complete the case file, answer: " + ", ".join(
                f"{m.question} ({m.title})" for m in assessment.missing), file=sys.stderr)
    return 0 if assessment.decided else 3
