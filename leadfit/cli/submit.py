"""leadfit submit RECORD: a draft (decide --draft) goes for sign-off, once its plan is agreed."""

from __future__ import annotations

from leadfit.cli.commands import HELP
from leadfit.cli.dbopt import add_db_option, open_db
from leadfit.cli.plan import add_plan_option, plan_of, roles_text
from leadfit.errors import InputError, Problem


def register(sub) -> None:
    p = sub.add_parser("submit", help=HELP["submit"])
    p.add_argument("record", help="the draft's record ID, e.g. LF-2026-0001")
    add_plan_option(p, "(the steps given before are kept)")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from leadfit.decisions import service
    refused: list[Problem] = []
    plan = plan_of(args, refused)
    if refused:
        raise InputError(refused)
    with open_db(args, readonly=False) as reg:
        record = service.submit(reg, args.record, plan=plan, plan_later=args.plan_later)
    print(f"{record.ref}: awaiting sign-off; to sign: {roles_text(record.missing_roles())}")
    return 0
