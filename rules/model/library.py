"""The one pack loader, and where packs come from: the bundled ones, or a folder.

``load_pack`` reads a folder's files once, decides from the parsed pack.yaml
(never from its raw text: where it does not parse, its 'extends:' line is read only to
check the other files, rules/model/unread_settings.py) whether the pack extends another,
loads the base by name and version (the bundled packs, then a sibling folder whose
pack.yaml declares that name; never by a path, so a pack reads nothing
outside its own folder), and returns a ``Pack`` that keeps its base and its
located sources. Every front-end changes packs through ``rules.runtime.switching.switch_pack``
(it evaluates the pack once before it becomes active).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from leadfit.errors import LeadFitError, PackError, Problem
from leadfit.paths import package_folder
from leadfit.suggest import did_you_mean
from leadfit.yamlsafe import LocatedData, load_file

if TYPE_CHECKING:  # the pack's models load with the first pack, not with this module
    from leadfit.forms.questionnaire import Questionnaire
    from leadfit.rules.model.pack import Pack

MAX_DEPTH = 8  # packs extending packs; deeper is refused as a likely loop


def bundled_packs_dir() -> Path:
    return package_folder("leadfit.rules") / "packs"


def archived_packs_dir() -> Path:
    """Earlier versions of bundled packs: found by fingerprint (replay) or by ``extends:
    name@version``, never offered for new cases (docs/judgement.md)."""
    return package_folder("leadfit.rules") / "archive"


def archived_pack_folders() -> list[Path]:
    folder = archived_packs_dir()
    return sorted(p for p in folder.iterdir() if (p / "pack.yaml").is_file()) if folder.is_dir() else []


def bundled_pack_names() -> list[str]:
    return sorted(p.name for p in bundled_packs_dir().iterdir() if (p / "pack.yaml").is_file())


def load_pack(folder: Path | str) -> Pack:
    """Load and check the pack in ``folder``; raise PackError listing every problem, in the
    order of its files and lines. A pack loaded before from the same files by the same code
    comes back compiled (rules/model/compiled.py), without being parsed or checked again."""
    from leadfit.rules.model import compiled
    folder = Path(folder)
    texts = compiled.pack_texts(folder)
    where = compiled.keyed(folder, texts) if texts is not None else None
    found = compiled.lookup(folder, texts, where) if texts is not None else None
    if found is not None:
        return found
    try:
        pack = _load(folder, ())
    except PackError as exc:
        ordered = PackError(in_file_order(exc.problems, folder))
        ordered.salvaged = exc.salvaged
        raise ordered from None
    if texts is not None and compiled.pack_texts(folder) == texts and (  # unchanged while loading
            compiled.keyed(folder, texts) == where):                     # its base too
        compiled.store(folder, texts, pack, where)
    return pack


def in_file_order(problems: list[Problem], folder: Path) -> list[Problem]:
    """pack.yaml, rules.yaml, scenarios.yaml, each by line; the problems of a base pack
    (other files) stay right after the line of this folder that names them."""
    from leadfit.rules.model.pack import PACK_FILES
    own = {str(folder / name): rank for rank, name in enumerate(PACK_FILES)}
    groups: list[tuple[tuple, list[Problem]]] = []
    for p in problems:
        if p.file in own or not groups:
            groups.append(((own.get(p.file or "", -1), p.line or 0), [p]))
        else:
            groups[-1][1].append(p)
    return [p for _, group in sorted(groups, key=lambda g: g[0]) for p in group]


def _load(folder: Path, chain: tuple[Path, ...]) -> Pack:
    """Every problem of the pack in one run: a file that does not parse, a setting that
    fails, a base that cannot be found, and whatever the later checks find in the rest."""
    from leadfit.rules.model.layers import layer_on
    from leadfit.rules.model.pack import build_pack
    from leadfit.rules.model.salvage import pack_settings
    check_folder(folder)
    problems: list[Problem] = []
    located = _read_files(folder, problems)
    settings = None
    if "pack.yaml" in located:
        settings, located["pack.yaml"] = pack_settings(located["pack.yaml"], problems)
    if settings is None or (located["pack.yaml"].dropped_under(("extends",)) and not settings.extends):
        from leadfit.rules.model.unread_settings import checked_without_settings
        raise PackError(problems + checked_without_settings(folder, located, chain))
    if not settings.extends:
        return build_pack(folder, settings, located, problems)
    try:
        base = find_base(settings.extends, folder, located["pack.yaml"], chain + (folder.resolve(),))
    except PackError as exc:  # still name what is wrong in this folder's other files
        from leadfit.rules.model.unread_settings import checked_against_the_likely_base
        rest = checked_against_the_likely_base(settings.extends, folder, located, chain)
        raise PackError(problems + exc.problems + rest) from None
    return layer_on(base, folder, settings, located, problems)


def _read_files(folder: Path, problems: list[Problem]) -> dict[str, LocatedData]:
    """This folder's pack files that parse; each one that does not is a problem."""
    from leadfit.rules.model.pack import PACK_FILES
    located = {}
    for name in PACK_FILES:
        if (folder / name).exists():
            try:
                located[name] = load_file(folder / name, str(folder / name), inside=folder, cached=True)
            except PackError as exc:
                problems += exc.problems
    return located


def shape_problems(located: dict[str, LocatedData]) -> list[Problem]:
    """Schema problems of rules.yaml and scenarios.yaml, when nothing can be checked against
    a base (pack.yaml does not say which, or it cannot be loaded)."""
    from leadfit.rules.model.salvage import rule_drafts, scenario_specs
    problems: list[Problem] = []
    if located.get("rules.yaml") is not None and located["rules.yaml"].data is not None:
        rule_drafts(located["rules.yaml"], problems)
    if located.get("scenarios.yaml") is not None and located["scenarios.yaml"].data is not None:
        scenario_specs(located["scenarios.yaml"], problems)
    return problems


def check_folder(folder: Path) -> None:
    from leadfit.rules.model.pack import PACK_FILES
    if not folder.is_dir():
        raise PackError([Problem("not a rule pack folder (no such folder)", str(folder))])
    if not (folder / "pack.yaml").is_file():
        raise PackError([Problem("a rule pack folder needs pack.yaml", str(folder))])
    root = folder.resolve()
    for name in PACK_FILES:
        path = folder / name
        if path.exists() and not path.resolve().is_relative_to(root):
            raise PackError([Problem("points outside the pack folder; a pack may only use its own files",
                                     str(path))])


def find_base(ref: str, folder: Path, pack_file: LocatedData, chain: tuple[Path, ...] = ()) -> Pack:
    """The pack named ``name@version``: bundled first, then a sibling folder."""
    where = (pack_file.file, pack_file.line_of(("extends",)))
    found: list[str] = []
    candidate = _base_folder(ref, folder, found)
    if candidate is not None:
        return _load_base(candidate, ref, where, chain)
    name = ref.split("@", 1)[0]
    hint = ("; found " + ", ".join(found)) if found else (
        "; no bundled pack or sibling folder has that name" + did_you_mean(name, _known(folder)))
    raise PackError([Problem(f"extends '{ref}': no such pack{hint}", *where)])


def _base_folder(ref: str, folder: Path, found: list[str]) -> Path | None:
    """The folder of the pack ``name@version`` that ``folder``'s pack extends, or None
    (the other versions of that name are added to ``found``)."""
    name, version = ref.split("@", 1)
    for candidate in _candidates(name, folder):
        declared = _declared(candidate)
        if declared is None or declared[0] != name:
            continue
        if declared[1] != version:
            found.append(f"{name}@{declared[1]} in {candidate}")
            continue
        return candidate
    return None


def _candidates(name: str, folder: Path) -> list[Path]:
    sibling = folder.parent / name
    # a sibling must be a real folder: a symlink named like a base could point anywhere
    paths = [bundled_packs_dir() / name] + ([] if sibling.is_symlink() else [sibling])
    paths += archived_pack_folders()  # earlier versions of the bundled packs
    me = folder.resolve()
    return [p for p in paths if p.is_dir() and p.resolve() != me]


def _declared(candidate: Path) -> tuple[str, str] | None:
    """(name, version) that a folder's pack.yaml declares, without loading it all."""
    try:
        data = load_file(candidate / "pack.yaml", cached=True).data
    except PackError:
        return None
    if not isinstance(data, dict):
        return None
    return str(data.get("name")), str(data.get("version"))


def _known(folder: Path) -> list[str]:
    siblings = [p.name for p in folder.parent.iterdir() if (p / "pack.yaml").is_file()]
    return bundled_pack_names() + siblings


def _load_base(candidate: Path, ref: str, where: tuple, chain: tuple[Path, ...]) -> Pack:
    if candidate.resolve() in chain or len(chain) >= MAX_DEPTH:
        raise PackError([Problem(f"extends '{ref}' makes a loop of packs extending each other", *where)])
    from leadfit.rules.model import compiled
    texts = compiled.pack_texts(candidate)
    found = compiled.lookup(candidate, texts) if texts is not None else None
    if found is not None:  # a base that extends nothing, compiled before: read back, not parsed
        return found
    try:
        pack = _load(candidate, chain)
    except PackError as exc:
        raise PackError([Problem(f"extends '{ref}': the base pack cannot be loaded:", *where)]
                        + exc.problems) from None
    if texts is not None and compiled.pack_texts(candidate) == texts:  # unchanged while loading
        compiled.store(candidate, texts, pack)
    return pack


def resolve_pack(name_or_dir: str | Path | None) -> Pack:
    """A pack by folder path, or by bundled name; the default pack if None."""
    if name_or_dir is None:
        return default_pack()
    path = Path(name_or_dir)
    if path.is_dir():
        return load_pack(path)
    if str(name_or_dir) in bundled_pack_names():
        return load_pack(bundled_packs_dir() / str(name_or_dir))
    raise PackError([Problem(
        f"no rule pack folder or bundled pack named '{name_or_dir}'; bundled packs: "
        + ", ".join(bundled_pack_names()), str(name_or_dir))])


@lru_cache(maxsize=16)
def bundled_pack(name: str) -> Pack:
    """A bundled pack by name, loaded once per process: the installation does not change
    while it runs, and printing a record's rationale reloaded its pack's YAML each time."""
    if name not in bundled_pack_names():
        raise PackError([Problem(f"no bundled pack named '{name}'", name)])
    return load_pack(bundled_packs_dir() / name)


@lru_cache(maxsize=1)
def default_pack() -> Pack:
    return load_pack(bundled_packs_dir() / "default")


@lru_cache(maxsize=16)
def bundled_questionnaire(name: str) -> Questionnaire:
    """The questionnaire in a bundled pack's words (titles, help, option labels): what a
    record's answers are printed with. Read from the pack.yaml of the pack and of each pack
    it extends, without building their rules and scenarios (issue 15: `leadfit report`
    loaded the whole pack for it). Anything this reading does not expect loads the pack
    whole; tests/test_pack_words.py holds it equal to the loaded pack's for every pack."""
    if name not in bundled_pack_names():
        raise PackError([Problem(f"no bundled pack named '{name}'", name)])
    worded = _questionnaire_from_settings(bundled_packs_dir() / name)
    return worded if worded is not None else bundled_pack(name).questionnaire


def _questionnaire_from_settings(folder: Path) -> Questionnaire | None:
    from leadfit.forms.questionnaire import default_questionnaire, questionnaire_version
    chain: list[dict] = []                    # pack.yaml settings, the pack's own first
    for _ in range(MAX_DEPTH):
        try:
            data = load_file(folder / "pack.yaml", cached=True).data
        except PackError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("questions", {}), dict):
            return None
        chain.append(data)
        if data.get("extends") is None:
            break
        base = _base_folder(str(data["extends"]), folder, []) if "@" in str(data["extends"]) else None
        if base is None:
            return None
        folder = base
    else:
        return None
    version = chain[-1].get("questionnaire")   # only a base pack may name one
    if any("questionnaire" in data for data in chain[:-1]) or (
            version is not None and type(version) is not int):
        return None
    try:
        questionnaire = default_questionnaire() if version is None else questionnaire_version(version)
    except LeadFitError:
        return None
    for data in reversed(chain):              # the base's words first, as layering applies them
        words = data.get("questions") or {}
        if not all(isinstance(w, dict) and isinstance(w.get("options") or {}, dict)
                   for w in words.values()):
            return None
        questionnaire = questionnaire.with_words(words)
    return questionnaire
