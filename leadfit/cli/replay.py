"""leadfit replay RECORD [--pack NAME|DIR]: re-evaluate under the record's own pack."""

from __future__ import annotations

from leadfit.cli.dbopt import add_db_option, open_db
from leadfit.decisions import service
from leadfit.cli.commands import HELP


def register(sub) -> None:
    p = sub.add_parser("replay", help=HELP["replay"])
    p.add_argument("record", help="record ID, e.g. LF-2026-0001 (or LF-2026-0001@1)")
    p.add_argument("--pack", action="append", default=[], metavar="NAME|DIR",
                   help="the record's pack: a bundled name or a folder (repeat to offer several);"
                        " a pack with another fingerprint or another name is refused, never"
                        " used instead")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    with open_db(args) as reg:
        result = service.replay(reg, args.record, args.pack)
    for note in result.notes:
        print(f"note: {note}")
    if result.identical:
        print(f"{args.record}: identical assessment under {result.pack_label}")
        return 0
    print(f"{args.record}: the assessment DIFFERS under {result.pack_label} in: "
          + ", ".join(result.differences))
    return 1
