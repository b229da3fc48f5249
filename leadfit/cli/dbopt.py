"""The --db option shared by the register commands."""

from __future__ import annotations

from leadfit.decisions.register import Register, open_register


def add_db_option(parser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="register database: SQLAlchemy URL or SQLite file"
                             " (default: $LEADFIT_DB, else the user data folder)")


def open_db(args, *, create: bool = False, readonly: bool = True) -> Register:
    """Only ``leadfit decide`` creates a register; every other command needs one
    that exists (a mistyped --db must not become a new, empty register). Reading
    commands open it read-only; writers pass ``readonly=False``."""
    return open_register(getattr(args, "db", None), create=create, readonly=readonly)
