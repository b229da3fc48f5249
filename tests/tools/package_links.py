"""Link the top-level package folders into ``leadfit/``, so static tools see one tree.

pyproject maps ``leadfit.forms`` to forms/, ``leadfit.rules`` to rules/ and so on
(the design card fixes the top level). Python follows that map through the
editable install's import hook; import-linter and mypy read the file tree, where
``leadfit/`` alone holds only the kernel, the CLI and presentation. With
``leadfit/forms -> ../forms`` and the rest beside it (made by ``make``, ignored by
git, so never in a wheel, the bundle or a Windows checkout), a bare
``.venv/bin/lint-imports`` or ``.venv/bin/mypy`` at the repository root reads
the whole package:  python tests/tools/package_links.py
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def link_folders(repo: Path = REPO) -> list[Path]:
    """The links made or already right; a real file or folder in the way is refused."""
    mapping = tomllib.loads((repo / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
    home = repo / mapping["leadfit"]
    links = []
    for package, folder in sorted(mapping.items()):
        if package.count(".") != 1:  # leadfit itself, or a deeper mapping (none today)
            continue
        link, target = home / package.split(".")[1], Path("..") / folder
        if link.is_symlink() and Path(link.readlink()) == target:
            links.append(link)
            continue
        if link.is_symlink():
            link.unlink()  # pointed elsewhere: remade below
        elif link.exists():
            raise SystemExit(f"{link} is a real file or folder, not a link to {folder}/: move it aside")
        link.symlink_to(target, target_is_directory=True)
        links.append(link)
    return links


if __name__ == "__main__":
    try:
        made = link_folders()
    except OSError as error:  # Windows without the right to make links
        sys.exit(f"Could not link the package folders into leadfit/ ({error}); "
                 "lint-imports and mypy need them (docs/layers.md).")
    print(" ".join(str(p.relative_to(REPO)) for p in made))
