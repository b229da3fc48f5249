"""leadfit submit RECORD: a draft (decide --draft) goes for sign-off, once its plan is agreed."""

from __future__ import annotations

from leadfit.cli.commands import HELP
from leadfit.cli.dbopt import add_db_option, open_db
from leadfit.cli.plan import roles_text


def register(sub) -> None:
    p = sub.add_parser("submit", help=HELP["submit"])
    p.add_argument("record", help="the draft's record ID, e.g. LF-2026-0001")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from leadfit.decisions import service
    with open_db(args, readonly=False) as reg:
        record = service.submit(reg, args.record)
    print(f"{record.ref}: awaiting sign-off; to sign: {roles_text(record.missing_roles())}")
    return 0
