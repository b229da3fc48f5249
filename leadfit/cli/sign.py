"""leadfit sign RECORD --name N --role R: add one sign-off."""

from __future__ import annotations

from leadfit.cli.dbopt import add_db_option, open_db
from leadfit.cli.plan import roles_text
from leadfit.decisions import service
from leadfit.words import status_words
from leadfit.cli.commands import HELP


def register(sub) -> None:
    p = sub.add_parser("sign", help=HELP["sign"])
    p.add_argument("record", help="record ID, e.g. LF-2026-0001")
    p.add_argument("--name", required=True, help="the signer's full name")
    p.add_argument("--role", required=True,
                   help="the role signing, as people say it (e.g. HR, Decision maker); each role needs a different person")
    p.add_argument("--statement", default="", help="what the signer states")
    p.add_argument("--dissent", default="", metavar="REASONS",
                   help="sign, recording dissent and the reasons")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    with open_db(args, readonly=False) as reg:
        record = service.sign(reg, args.record, name=args.name, role=role_id(args.role),
                              statement=args.statement, dissent=args.dissent)
    missing = record.missing_roles()
    print(f"{record.ref}: {status_words(record.status)}"
          + (f"; still to sign: {roles_text(missing)}" if missing else ""))
    return 0


def role_id(typed: str) -> str:
    """'HR' or 'Decision maker' as typed names the role hr or decision_maker (roles are ids)."""
    return "_".join(typed.strip().lower().replace("-", " ").split())
