"""Lay the ``leadfit`` package out as one folder of symlinks, for static tools.

pyproject maps ``leadfit.forms`` to forms/, ``leadfit.rules`` to rules/ and so on;
the editable install resolves that with an import hook, which mypy and
import-linter cannot follow. They read this tree instead (under build/, never
committed):  python tests/tools/package_tree.py build/tree
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def build(out: Path) -> Path:
    mapping = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
    root = out / "leadfit"
    root.mkdir(parents=True, exist_ok=True)
    for old in root.iterdir():
        if old.is_symlink():
            old.unlink()
    for entry in sorted((REPO / mapping["leadfit"]).iterdir()):
        if entry.name != "__pycache__":
            (root / entry.name).symlink_to(entry)
    for package, folder in mapping.items():
        if package.count(".") == 1:  # leadfit.forms -> forms/
            link = root / package.split(".")[1]
            if not link.exists():
                link.symlink_to(REPO / folder)
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]).resolve()))
