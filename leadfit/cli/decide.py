"""leadfit decide CASE.yaml --decision X: assess the case and record the human decision."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from leadfit.cli.dbopt import add_db_option, open_db_to_decide, recorder
from leadfit.cli.plan import add_plan_option, plan_of, roles_text
from leadfit.decisions import service, streams_reading
from leadfit.decisions.free_text import all_gone_by
from leadfit.decisions.making import left_out
from leadfit.decisions.signing import recorder_is_candidate
from leadfit.cli.register_cmd import day
from leadfit.errors import InputError, Problem
from leadfit.forms.case import load_case_file
from leadfit.words import decided_early_words, status_words
from leadfit.cli.commands import HELP


def register(sub) -> None:
    p = sub.add_parser("decide", help=HELP["decide"])
    p.add_argument("case", type=Path, help="case file (YAML with an 'answers' mapping)")
    p.add_argument("--decision", required=True, help="appoint, coach or hire_external")
    p.add_argument("--justify", default="", metavar="TEXT",
                   help="why, when the decision differs from the recommendation")
    p.add_argument("--conditions", default="", metavar="TEXT", help="conditions (required for coach)")
    p.add_argument("--review-date", metavar="YYYY-MM-DD",
                   help="fail-fast review date (default: the case's org.review_date)")
    p.add_argument("--considered", nargs="+", type=Path, default=[], metavar="CASE",
                   help="case files of the other candidates compared for this stream (named in"
                        " the record with their recommendation and risk)")
    p.add_argument("--decisive-review-date", metavar="YYYY-MM-DD",
                   help="the decisive review of a coached appointment (default: 90 days after"
                        " the first review)")
    add_plan_option(p)
    p.add_argument("--pack", help="rule pack folder or bundled name (default: default)")
    p.add_argument("--draft", action="store_true", help="keep it as a draft (not yet for sign-off)")
    p.add_argument("--recorded-by", default="", metavar="NAME",
                   help="your full name (asked at a terminal; required)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)  # tests, audits
    p.add_argument("--again", action="store_true",
                   help="record a second, separate decision even if this one is already recorded"
                        " (without it a retry returns the existing record)")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from leadfit.rules.authoring.lint import load_or_name_every_problem  # a pack refused: as lint says
    pack = load_or_name_every_problem(args.pack)
    case = load_case_file(args.case, pack.questionnaire)
    refused: list[Problem] = []
    plan = plan_of(args, refused)
    refused += _plan_gone_by(args, case)
    considered = _considered(args, case, pack) if args.considered else None
    try:
        name = recorder(args)  # asked before anything is opened or written
    except InputError as exc:
        refused, name = refused + exc.problems, ""
    decision = dict(decision=args.decision, justification=args.justify,
                    conditions=args.conditions, review_date=args.review_date, plan=plan,
                    recorded_by=name, plan_later=args.plan_later or False, considered=considered,
                    decisive_review_date=args.decisive_review_date)
    with open_db_to_decide(args) as reg:
        if refused:  # nothing is written; every other mistake is named with these
            raise InputError(refused + service.decision_problems(reg, case, pack,
                                                                 draft=args.draft, **decision))
        earlier = service.already_recorded(reg, case)
        record, existed = service.decide_once(reg, case, pack, draft=args.draft,
                                              again=args.again, **decision)
    if earlier and not existed:
        print(f"warning: this candidate and stream were already recorded as {', '.join(earlier)};"
              " correct that record instead if this repeats it", file=sys.stderr)
    print(record.record_id)
    warning = recorder_is_candidate(record.recorded_by, record.candidate)
    if warning and not existed:
        print(warning, file=sys.stderr)
    early = decided_early_words(record.assessment)
    if early and not existed:  # words 3 (reader 3.4): the screen said "Find out first"
        print(f"This decision was {early}; the record says so.", file=sys.stderr)
    for note in ([] if existed else left_out(record)):
        print(note, file=sys.stderr)
    print(f"Who leads the other streams: {streams_reading.words(record.other_streams, pack.questionnaire)}",
          file=sys.stderr)
    if existed:
        print(f"{record.record_id} already records this decision on this case (recorded"
              f" {record.created_at}); nothing new was written. To record a second one, add"
              " --again", file=sys.stderr)
        return 0
    print(f"{record.ref}: {status_words(record.status)}; to sign: "
          + roles_text(record.missing_roles()), file=sys.stderr)
    return 0


def _plan_gone_by(args, case) -> list[Problem]:
    """F35: the plan's dates as typed (each step's due date, the date the rest is agreed by,
    or the review it defaults to), refused when all of them are before today."""
    if args.decision != "coach" or not (args.plan or args.plan_later):
        return []
    dates = [by for _step, _who, by in args.plan]
    if args.plan_later is True:
        dates.append(args.review_date or case.answers.get("org.review_date"))
    elif args.plan_later:
        dates.append(args.plan_later)
    return all_gone_by([d for d in dates if d], day(args.today), "this plan")


def _considered(args, case, pack):
    from leadfit.cli.compare import load_cases
    from leadfit.decisions.comparison import considered_with
    others = load_cases(args.considered, pack, counting=False)
    return considered_with((str(args.case), case), others, pack)
