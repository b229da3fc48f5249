"""leadfit pack new NAME --extends BASE [--dir DIR]: scaffold DIR/NAME, a client pack."""

from __future__ import annotations

from pathlib import Path

from leadfit.rules.authoring.scaffold import scaffold


def register(verbs) -> None:
    v = verbs.add_parser("new", help="create a client pack folder DIR/NAME that extends another pack",
                         description="Creates the folder DIR/NAME (DIR: --dir, default the current"
                         " folder) holding a client pack; refuses if DIR/NAME exists.")
    v.add_argument("name", help="the new pack's name (lower-case letters, digits, '-')")
    v.add_argument("--extends", required=True, metavar="BASE",
                   help="the bundled pack it extends: a name (default) or name@version")
    v.add_argument("--dir", type=Path, default=Path("."), metavar="DIR",
                   help="the parent folder: creates DIR/NAME; DIR itself is created if missing"
                   " (default: the current folder)")
    v.set_defaults(handler=run)


def run(args) -> int:
    folder = scaffold(args.name, args.extends, args.dir)
    print(f"created {folder} (extends {args.extends}); it loads and passes its scenarios.")
    print(f"next: edit {folder / 'pack.yaml'}, then: leadfit pack test {folder}"
          f" && leadfit pack diff {args.extends.split('@')[0]} {folder}")
    return 0
