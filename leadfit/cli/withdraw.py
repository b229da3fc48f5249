"""leadfit withdraw RECORD --reason TEXT --name N: withdraw a record awaiting sign-off."""

from __future__ import annotations

from leadfit.cli.dbopt import add_db_option, open_db
from leadfit.decisions import service
from leadfit.cli.commands import HELP


def register(sub) -> None:
    p = sub.add_parser("withdraw", help=HELP["withdraw"])
    p.add_argument("record", help="record ID, e.g. LF-2026-0001")
    p.add_argument("--reason", required=True, help="why it is withdrawn")
    p.add_argument("--name", required=True, help="your full name")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    with open_db(args, readonly=False) as reg:
        record = service.withdraw(reg, args.record, reason=args.reason, name=args.name)
    print(f"{record.ref}: withdrawn by {record.withdrawn_by}; it stays in the register")
    return 0
