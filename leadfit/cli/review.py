"""leadfit review RECORD --verdict V: the fail-fast review of a coached appointment (M10)."""

from __future__ import annotations

import argparse
import sys

import yaml

from leadfit.cli.commands import HELP
from leadfit.cli.dbopt import add_db_option, open_db, recorder
from leadfit.cli.plan import roles_text
from leadfit.cli.register_cmd import day
from leadfit.decisions import review_service, service
from leadfit.decisions.review_words import change_lines, reasked_lines
from leadfit.errors import InputError, LeadFitError, Problem


def register(sub) -> None:
    p = sub.add_parser("review", help=HELP["review"])
    p.add_argument("record", help="the decision (or its latest review), e.g. LF-2026-0001")
    p.add_argument("--verdict", choices=("continue", "extend", "experienced-pd"),
                   help="continue; extend the coaching to --next-review; or bring in an"
                        " experienced Product Director (--experienced-pd NAME)")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the day the review is held (default today)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)  # tests, audits
    p.add_argument("--next-review", metavar="YYYY-MM-DD",
                   help="the next review (extend: required; continue: default the decisive review)")
    p.add_argument("--experienced-pd", default="", metavar="NAME",
                   help="who is brought in to lead and uplift the executive")
    p.add_argument("--answer", nargs=2, action="append", default=[], metavar=("QUESTION", "VALUE"),
                   help="an answer as it is now (only what can have changed; see --questions)")
    p.add_argument("--done", nargs=2, action="append", default=[], metavar=("ID", "DATE"),
                   help="a planned mitigation done, and when (steps not named: not done)")
    p.add_argument("--behaviours", default="", metavar="TEXT", help="what was observed")
    p.add_argument("--experience", default="", metavar="TEXT",
                   help="the candidate's experience since the decision")
    p.add_argument("--justify", default="", metavar="TEXT", help="why this verdict")
    p.add_argument("--recorded-by", default="", metavar="NAME",
                   help="your full name (asked at a terminal; required)")
    p.add_argument("--questions", action="store_true",
                   help="list what a review asks again, with the answers recorded; write nothing")
    p.add_argument("--pack", action="append", default=[], metavar="DIR",
                   help="a folder holding the record's own rule pack, if not bundled")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    if args.questions:
        with open_db(args) as reg:
            record = service.show(reg, args.record)
        print("\n".join(reasked_lines(record, service._questionnaire(record).questions)))
        return 0
    if not args.verdict:
        raise InputError([Problem("say the verdict: --verdict continue, extend or experienced-pd")])
    today = day(args.today)
    try:
        name = recorder(args)  # asked before anything is opened or written
    except InputError as exc:  # named with every other mistake, nothing written
        refused, name = exc.problems, ""
    else:
        refused = []
    answers = {qid: _value(text) for qid, text in args.answer}
    asked = dict(verdict=args.verdict.replace("-", "_"), held_on=args.on,
                 answers=answers, done=dict(args.done), next_review=args.next_review,
                 experienced_pd=args.experienced_pd, justification=args.justify,
                 behaviours=args.behaviours, experience=args.experience,
                 recorded_by=name, pack_dirs=args.pack, today=today)
    if refused:
        with open_db(args) as reg:
            try:
                review_service.preview_review(reg, args.record, **asked)
            except LeadFitError as exc:
                refused += exc.problems
        raise InputError(refused)
    with open_db(args, readonly=False) as reg:
        record = review_service.review(reg, args.record, **asked)
    print(record.record_id)
    print("\n".join(change_lines(record)))
    print(f"{record.ref}: awaiting sign-off; to sign: {roles_text(record.missing_roles())}",
          file=sys.stderr)
    return 0


def _value(text: str):
    """An answer typed on the command line read as a case file reads it (yes, 40, 2027-01-15)."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text
