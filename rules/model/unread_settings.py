"""Check rules.yaml and scenarios.yaml when pack.yaml gives nothing to go on (F13).

A pack.yaml that does not parse, is not a mapping, or whose 'extends' is malformed or names
no pack hid every other file's problems: a typo in a question id or a catalogue ID came
only after pack.yaml was mended. Here the other files are checked against the base its
'extends:' line names as far as it reads (that one line parsed alone where the file does
not parse; a name without its version, or a near miss, takes that pack's own), or as a
pack standing alone where there is no 'extends:' line. pack.yaml's own problems are named
by the loader already; none is added here, and nothing here is ever used as a pack.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from leadfit.errors import PackError, Problem
from leadfit.rules.model import library
from leadfit.rules.model.layers import layer_on
from leadfit.rules.model.library import shape_problems
from leadfit.rules.model.pack import build_pack
from leadfit.rules.model.schema import PackSpec
from leadfit.yamlsafe import LocatedData, load_text


def checked_without_settings(folder: Path, located: dict[str, LocatedData],
                              chain: tuple[Path, ...]) -> list[Problem]:
    """pack.yaml gives nothing to go on (it does not parse, is not a mapping, its 'extends' is
    malformed): rules.yaml and scenarios.yaml are still checked in full (a typo in a question
    id, a catalogue ID, a scenario's answers), against the base its 'extends:' line names as
    far as it reads, or as a pack standing alone where it has none (F13: one broken pack.yaml
    hid every other file's problems). pack.yaml's own problems are named already."""
    if "rules.yaml" not in located and "scenarios.yaml" not in located:
        return []
    written, ref = _extends_as_written(folder, located.get("pack.yaml"))
    if written and ref is None:  # a base named that no pack answers to: shapes only
        return shape_problems(located)
    return _checked_against(folder, located, chain, ref)


def _checked_against(folder: Path, located: dict[str, LocatedData], chain: tuple[Path, ...],
                     ref: str | None) -> list[Problem]:
    """The problems of rules.yaml and scenarios.yaml on the base ``ref`` (None: standing
    alone), with pack.yaml's settings left aside (its own problems are named already)."""
    own = str(folder / "pack.yaml")
    stand_in = PackSpec.model_validate({"name": "unnamed", "version": "0", **({"extends": ref} if ref else {})})
    files = {**located, "pack.yaml": LocatedData({}, own)}
    problems: list[Problem] = []
    try:
        if ref is None:
            build_pack(folder, stand_in, files, problems)
        else:
            layer_on(library.find_base(ref, folder, files["pack.yaml"], chain + (folder.resolve(),)),
                     folder, stand_in, files, problems)
    except PackError as exc:
        problems = exc.problems
    return [p for p in problems if p.file != own]


def _extends_as_written(folder: Path, pack_file: LocatedData | None) -> tuple[bool, str | None]:
    """(whether pack.yaml has an 'extends:' line, the base it names as 'name@version'): the
    parsed value, or that one line parsed alone where the file does not parse; a malformed
    value is read for its name ('default 2.8', 'default'), and that pack's own version taken."""
    value = pack_file.data.get("extends") if pack_file is not None and isinstance(pack_file.data, dict) else None
    if value is None:
        value = _extends_line(folder / "pack.yaml")
    if value is None:
        return False, None
    text = str(value).strip()
    name = re.match(r"[a-z][a-z0-9-]{0,63}", text)
    if name is None:
        return True, None
    if re.fullmatch(r"[a-z][a-z0-9-]{0,63}@\d+(\.\d+){0,2}", text):
        return True, text
    return True, _declared_ref(name.group(0), folder)


def _declared_ref(name: str, folder: Path) -> str | None:
    """'name@version' of the first pack of that name a folder's pack could extend."""
    declared = next((d for c in library._candidates(name, folder) if (d := library._declared(c)) is not None and d[0] == name),
                    None)
    return f"{declared[0]}@{declared[1]}" if declared else None


def checked_against_the_likely_base(ref: str, folder: Path, located: dict[str, LocatedData],
                                    chain: tuple[Path, ...]) -> list[Problem]:
    """'extends' names no pack: the other files checked against the one it likely means
    ('defualt@2.2' -> default@2.2, else default's own version); their shapes only where no
    name is near."""
    name, version = ref.split("@", 1)
    close = difflib.get_close_matches(name, library._known(folder), n=1, cutoff=0.6)
    if not close:
        return shape_problems(located)
    exact = f"{close[0]}@{version}"
    guess = exact if library._base_folder(exact, folder, []) else _declared_ref(close[0], folder)
    return _checked_against(folder, located, chain, guess) if guess else shape_problems(located)


def _extends_line(path: Path) -> object | None:
    """The value of pack.yaml's top-level 'extends:' line, that line parsed on its own."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return None
    line = next((row for row in text.splitlines() if re.match(r"extends\s*:", row)), None)
    if line is None:
        return None
    try:
        data = load_text(line, str(path)).data
    except PackError:  # the line itself is broken ('extends: [default@2.8'): its words
        return line.split(":", 1)[1].strip(" \t[{'\"")
    return data.get("extends") if isinstance(data, dict) else None
