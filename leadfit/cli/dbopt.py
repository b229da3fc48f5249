"""The --db option shared by the register commands."""

from __future__ import annotations

from leadfit.decisions.register import Register, open_register


def add_db_option(parser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="register database: SQLAlchemy URL or SQLite file"
                             " (default: $LEADFIT_DB, else the user data folder)")


def open_db(args) -> Register:
    return open_register(getattr(args, "db", None))
