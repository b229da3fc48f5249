"""leadfit portfolio [--out FILE.pdf]: every stream's current lead, for the board."""

from __future__ import annotations

import sys
from pathlib import Path

from leadfit.cli.commands import HELP
from leadfit.cli.dbopt import add_db_option, open_db
from leadfit.cli.outputs import add_force_option, may_overwrite
from leadfit.decisions import service
from leadfit.decisions.portfolio import Portfolio
from leadfit.decisions.portfolio_facts import LEARNER, READINESS_IDS
from leadfit.reports import printing
from leadfit.words import (
    date_words,
    decision_lead_words,
    lead_kind_words,
    plural,
    still_to_hire,
)

MARK = {"met": "+", "partial": "~", "not_met": "-", "unknown": "?"}


def register(sub) -> None:
    p = sub.add_parser("portfolio", help=HELP["portfolio"])
    p.add_argument("--out", type=Path, metavar="FILE.pdf", help="also write the board's PDF page")
    add_force_option(p)
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    with open_db(args) as reg:
        board = service.portfolio(reg)
        if args.out:
            result = printing.portfolio_report(reg, args.out,
                                               overwrite=may_overwrite(args, args.out))
    print("\n".join(lines(board)))
    if args.out:
        print(f"wrote {result.path}")
        for item in result.unsupported:
            print(f"warning: the PDF font cannot draw {item}", file=sys.stderr)
    for note in (board.missing, board.summary):
        if note:
            print(f"warning: {note}", file=sys.stderr)
    for s in board.altered:  # each named, as show and verify name it
        print(f"warning: {s.problem}", file=sys.stderr)
    if board.altered:
        print(f"warning: {plural(len(board.altered), 'record')} altered outside LeadFit"
              " and not counted; run leadfit verify", file=sys.stderr)
    return 1 if board.altered or board.missing or board.summary else 0


def lines(board: Portfolio) -> list[str]:
    if not board.counted:
        return ["no stream has a signed decision that can be counted" if board.altered
                else "no stream has a signed decision yet"]
    led = board.experienced + board.learners
    out = [f"{plural(len(board.counted), 'stream')} with a signed lead: {board.experienced} of {led}"
           f" led by an experienced Product Director"
           f"{still_to_hire(board.to_be_hired, board.experienced)}, {board.learners} by"
           " executives learning the role", "",
           "readiness: + met, ~ partly met, - not met, ? unknown (in order: digital products,"
           " P&L, teams, iterative delivery, holding the line, full time)"]
    for s in board.counted:
        if s.to_hire:
            out.append(f"  {s.stream}: an experienced Product Director, to be hired  {s.ref}")
            continue
        marks = "".join(MARK.get(s.readiness.get(p, "unknown"), "?") for p in READINESS_IDS)
        review = date_words(s.next_review) if s.next_review else "no review set"
        mentor = (f"; mentor {s.mentor}" if s.mentor else "; no mentor named") \
            if s.kind == LEARNER else ""
        out.append(f"  {s.stream}: {s.lead}, {lead_kind_words(s.kind)} ({decision_lead_words(s.outcome)})"
                   f" [{marks}] risk {s.risk or 'not assessed'}; next review"
                   f" {review}{mentor}  {s.ref}")
    if board.learners:
        out += ["", "mentors:"] + [f"  {m}: {plural(n, 'executive')}" for m, n in board.mentors.items()]
        if board.unmentored:
            out.append(f"  no mentor named: {plural(board.unmentored, 'executive')}")
    return out
