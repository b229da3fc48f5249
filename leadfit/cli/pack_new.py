"""leadfit pack new NAME --extends BASE [--dir DIR]: scaffold DIR/NAME, a client pack.

A command written in another shape (`pack new packs acme`, `pack new packs/acme`, no
--extends) is refused with the right form, filled in with what was typed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from leadfit.errors import InputError, Problem
from leadfit.rules.model.library import bundled_pack_names

FORM = "leadfit pack new NAME --extends BASE [--dir DIR]"


def register(verbs) -> None:
    v = verbs.add_parser("new", help="create a client pack folder DIR/NAME that extends another pack",
                         usage=FORM,
                         description="Creates the folder DIR/NAME (DIR: --dir, default the current"
                         " folder) holding a client pack; refuses if DIR/NAME exists.",
                         epilog="Example: leadfit pack new acme --extends default --dir packs"
                         " (creates packs/acme).")
    v.add_argument("name", help="the new pack's name (lower-case letters, digits, '-')")
    v.add_argument("more", nargs="*", help=argparse.SUPPRESS)  # a second name: refused with the form
    v.add_argument("--extends", metavar="BASE",
                   help="the bundled pack it extends: a name (default) or name@version (required)")
    v.add_argument("--dir", type=Path, default=None, metavar="DIR",
                   help="the parent folder: creates DIR/NAME; DIR itself is created if missing"
                   " (default: the current folder)")
    v.set_defaults(handler=run)


def run(args) -> int:
    from leadfit.rules.authoring.scaffold import scaffold  # when run: every pack verb is registered
    _check_shape(args)
    parent = args.dir if args.dir is not None else Path(".")
    folder = scaffold(args.name, args.extends, parent)
    print(f"created {folder} (extends {args.extends}); it loads and passes its scenarios.")
    print(f"next: edit {folder / 'pack.yaml'}, then: leadfit pack test {folder}"
          f" && leadfit pack diff {args.extends.split('@')[0]} {folder}")
    return 0


def _check_shape(args) -> None:
    """The command as it should have been typed, when it was not."""
    name, parent = args.name, args.dir
    if args.more and len(args.more) == 1 and parent is None:  # `pack new packs acme`
        parent, name = Path(args.name), args.more[0]
    elif args.more:
        raise InputError([Problem(f"pack new takes one name, got {len([args.name, *args.more])}"
                                  f" ({', '.join([args.name, *args.more])}) (the form: {FORM})")])
    if "/" in name.strip("/") and parent is None:  # `pack new packs/acme`: the folder goes in --dir
        head, _, name = name.strip("/").rpartition("/")
        parent = Path(head)
    name = name.strip("/")
    if (name, parent) == (args.name, args.dir) and args.extends:
        return
    right = f"leadfit pack new {name} --extends {args.extends or 'default'}" + (
        f" --dir {parent}" if parent is not None else "")
    said = "the folder to create it in goes after --dir" if (name, parent) != (args.name, args.dir) \
        else ("--extends BASE is required: the pack it builds on, one of "
              + ", ".join(bundled_pack_names()) + " (or name@version)")
    from leadfit.rules.authoring.scaffold import NAME
    typed = f". Type: {right}" if NAME.match(name) else ""
    raise InputError([Problem(f"{said}{typed} (the form: {FORM})")])
