"""Shared by decide and correct: the --plan option, and roles in words."""

from __future__ import annotations

from leadfit.errors import Problem
from leadfit.words import role_words


def add_plan_option(parser, more: str = "") -> None:
    parser.add_argument(
        "--plan", nargs=3, action="append", default=[], metavar=("STEP", "WHO", "BY"),
        help="a required step (its name, any case, or its id) with its owner and due date (not"
             " before the assessment date), e.g. Induction 'Sam Lee' 2027-01-15 or M5 'Sam Lee'"
             " 2027-01-15; a coach decision goes to sign-off only when each"
             " required step is given this way or deferred with --plan-later " + more)
    parser.add_argument(
        "--plan-later", nargs="?", const=True, default=None, metavar="YYYY-MM-DD",
        help="defer every required step not given with --plan: the record and the PDF say,"
             " for each, that its owner and due date are to be agreed by this date (no"
             " later than the fail-fast review; without a date: the fail-fast review date)")


def plan_of(args, problems: list[Problem] | None = None) -> dict[str, tuple[str, str]]:
    """The --plan steps; an owner typed empty is named in ``problems`` (a step nobody owns
    is left out of --plan, to be agreed)."""
    for mid, who, _by in args.plan:
        if problems is not None and not who.strip():
            problems.append(Problem(f"the owner of plan step {mid} is empty: name who will do it,"
                                    f" or leave {mid} out of --plan and defer it (--plan-later)"))
    return {mid: (who, by) for mid, who, by in args.plan}


def roles_text(roles) -> str:
    return ", ".join(role_words(r) for r in roles) or "nobody"
