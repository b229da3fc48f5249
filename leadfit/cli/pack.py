"""leadfit pack test|lint|fingerprint DIR: work on a rule pack."""

from __future__ import annotations

import sys
from importlib import import_module

from leadfit.words import counted
from leadfit.cli.commands import HELP

# Further verbs, one module each under leadfit/cli/ with register(verbs); each imports what
# it runs on when it runs (every verb is registered, so none loads another's implementation).
MORE_VERBS: tuple[str, ...] = ("pack_diff", "pack_new", "pack_docs")


def register(sub) -> None:
    p = sub.add_parser("pack", help=HELP["pack"])
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    for name, handler, help_text in (
            ("test", run_test, "run the pack's scenarios"),
            ("lint", run_lint, "check the pack for problems"),
            ("fingerprint", run_fingerprint, "print the pack's fingerprint")):
        v = verbs.add_parser(name, help=help_text)
        v.add_argument("pack", help="rule pack folder or bundled name")
        v.set_defaults(handler=handler)
    for name in MORE_VERBS:
        import_module(f"leadfit.cli.{name}").register(verbs)


def run_test(args) -> int:
    from leadfit.errors import PackError
    from leadfit.rules.authoring.lint import load_or_name_every_problem
    from leadfit.rules.authoring.scenarios import run_all
    try:
        pack = load_or_name_every_problem(args.pack)
    except PackError as exc:  # said as lint says it: the same problems, the same count
        print(f"leadfit pack test: cannot continue: {args.pack}: {counted(len(exc.problems), 'error')};"
              " the pack does not load, so no scenario was run:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return exc.exit_code
    results = run_all(pack)
    failed = [r for r in results if not r.passed]
    for r in failed:
        print(r.report())
    print(f"{pack.label}: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed or not results else 0


def run_lint(args) -> int:
    from leadfit.rules.authoring.lint import lint_target
    pack, items = lint_target(args.pack)  # a pack that does not load: its problems are errors
    for item in items:
        print(item)
    errors = sum(1 for i in items if i.level == "error")
    print(f"{pack.label if pack else args.pack}: {counted(errors, 'error')},"
          f" {counted(len(items) - errors, 'warning')}")
    if pack is None:
        return 2  # the pack does not load: invalid input, like every other command
    return 1 if errors else 0


def run_fingerprint(args) -> int:
    from leadfit.rules.authoring.lint import load_or_name_every_problem  # a pack refused: as lint says
    pack = load_or_name_every_problem(args.pack)
    print(f"{pack.fingerprint}  {pack.label}")
    return 0
