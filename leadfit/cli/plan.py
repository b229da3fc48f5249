"""Shared by decide and correct: the --plan option, and roles in words."""

from __future__ import annotations

from leadfit.errors import Problem
from leadfit.words import role_words


def add_plan_option(parser, more: str = "") -> None:
    parser.add_argument(
        "--plan", nargs=3, action="append", default=[], metavar=("ID", "WHO", "BY"),
        help="owner and due date (not before org.assessed_on) of a required mitigation, e.g."
             " M5 'Sam Lee' 2027-01-15; mitigations not named are 'to be agreed' " + more)
    parser.add_argument(
        "--plan-later", action="store_true", default=None,
        help="send a coach decision to sign-off with every plan step still to be agreed")


def plan_of(args, problems: list[Problem] | None = None) -> dict[str, tuple[str, str]]:
    """The --plan steps; an owner typed empty is named in ``problems`` (a step nobody owns
    is left out of --plan, to be agreed)."""
    for mid, who, _by in args.plan:
        if problems is not None and not who.strip():
            problems.append(Problem(f"the owner of plan step {mid} is empty: name who will do it,"
                                    f" or leave {mid} out of --plan to agree it later"))
    return {mid: (who, by) for mid, who, by in args.plan}


def roles_text(roles) -> str:
    return ", ".join(role_words(r) for r in roles) or "nobody"
