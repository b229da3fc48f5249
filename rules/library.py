"""Where packs come from: the bundled ones, or a folder the user names."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from leadfit.errors import PackError, Problem
from leadfit.rules.pack import Pack, load_pack


def bundled_packs_dir() -> Path:
    return Path(str(resources.files("leadfit.rules").joinpath("packs")))


def archived_packs_dir() -> Path:
    """Earlier versions of bundled packs: found by fingerprint (replay) or by ``extends:
    name@version``, never offered for new cases (docs/judgement.md)."""
    return Path(str(resources.files("leadfit.rules").joinpath("archive")))


def archived_pack_folders() -> list[Path]:
    folder = archived_packs_dir()
    return sorted(p for p in folder.iterdir() if (p / "pack.yaml").is_file()) if folder.is_dir() else []


def bundled_pack_names() -> list[str]:
    return sorted(p.name for p in bundled_packs_dir().iterdir() if (p / "pack.yaml").is_file())


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


@lru_cache(maxsize=1)
def default_pack() -> Pack:
    return load_pack(bundled_packs_dir() / "default")
