"""The --db option shared by the register commands."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from leadfit.errors import InputError, Problem

if TYPE_CHECKING:  # SQLAlchemy is imported by the commands that open a Register
    from leadfit.decisions.register import Register


def add_db_option(parser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="register database: SQLAlchemy URL or SQLite file"
                             " (default: $LEADFIT_DB, else the user data folder)")


def open_db(args, *, create: bool = False, readonly: bool = True) -> Register:
    """Only ``leadfit decide`` creates a register; every other command needs one
    that exists (a mistyped --db must not become a new, empty register). Reading
    commands open it read-only; writers pass ``readonly=False``."""
    from leadfit.decisions.register import open_register
    return open_register(getattr(args, "db", None), create=create, readonly=readonly)


def open_db_to_decide(args):
    """The register ``leadfit decide`` writes into, made if there is none; a decide that
    fails leaves no new, empty register file behind."""
    from leadfit.decisions.register import opened_for_a_first_record
    return opened_for_a_first_record(getattr(args, "db", None))


NAME_NEEDED = "say who is recording this: give your full name (--recorded-by NAME)"


def recorder(args) -> str:
    """Who records a decision or a correction, as the person types it: --recorded-by, or
    asked at a terminal. Never the computer's account alone (it is kept beside the name);
    without a name nothing is recorded."""
    name = " ".join((args.recorded_by or "").split())
    if not name and sys.stdin and sys.stdin.isatty():
        try:
            name = " ".join(input("Your full name (kept on the record as who recorded it): ")
                            .split())
        except EOFError:
            name = ""
    if not name:
        raise InputError([Problem(NAME_NEEDED)])
    return name
