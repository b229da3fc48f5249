"""leadfit correct RECORD --reason TEXT [...]: a new version that supersedes the record."""

from __future__ import annotations

from pathlib import Path

from leadfit.cli.dbopt import add_db_option, open_db, recorder
from leadfit.cli.plan import add_plan_option, plan_of, roles_text
from leadfit.decisions import service
from leadfit.decisions.making import dropped
from leadfit.forms.case import load_case_file
from leadfit.cli.commands import HELP
from leadfit.errors import InputError, Problem


def register(sub) -> None:
    p = sub.add_parser("correct", help=HELP["correct"])
    p.add_argument("record", help="record ID, e.g. LF-2026-0001")
    p.add_argument("--reason", required=True, help="why the correction is made")
    p.add_argument("--case", type=Path, help="corrected case file (default: the stored answers)")
    p.add_argument("--pack", help="rule pack to re-evaluate with (default: the record's own)")
    p.add_argument("--decision", help="appoint, coach or hire_external")
    p.add_argument("--justify", metavar="TEXT")
    p.add_argument("--conditions", metavar="TEXT")
    p.add_argument("--review-date", metavar="YYYY-MM-DD")
    p.add_argument("--rename", action="store_true",
                   help="the corrected case spells the candidate's or stream's name differently"
                        " on purpose (a misspelling put right); otherwise another name is refused")
    p.add_argument("--recorded-by", default="", metavar="NAME",
                   help="your full name (asked at a terminal; required)")
    add_plan_option(p, "(others keep the corrected record's plan)")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from leadfit.rules.authoring.lint import load_or_name_every_problem  # a pack refused: as lint says
    pack = load_or_name_every_problem(args.pack) if args.pack else None
    if args.case and pack is None:  # read it with the record's own pack's questions (F36)
        with open_db(args) as reg:
            pack = service.record_pack_of(reg, args.record)
    case = load_case_file(args.case, pack.questionnaire) if args.case else None
    refused: list[Problem] = []
    plan = plan_of(args, refused)
    try:
        name = recorder(args)  # asked before anything is opened or written
    except InputError as exc:  # named with every other mistake (F19), nothing written
        refused, name = refused + exc.problems, ""
    with open_db(args, readonly=False) as reg:
        record = service.correct(reg, args.record, reason=args.reason, case=case, pack=pack,
                                 decision=args.decision, justification=args.justify,
                                 conditions=args.conditions, review_date=args.review_date,
                                 plan=plan or None, plan_later=args.plan_later,
                                 recorded_by=name, rename=args.rename, refused=refused)
        old = service.show(reg, record.supersedes)
    for note in dropped(old.decision, record.decision):
        print(note)
    print(f"{record.ref} supersedes {record.supersedes}; to sign: "
          + roles_text(record.missing_roles()))
    return 0
