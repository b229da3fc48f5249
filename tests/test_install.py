"""A normal (non-editable) install imports and carries its data files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.helpers import EXAMPLE_CASE, REPO


def _source_copy(dest):
    """The tracked files only: building in the checkout would leave build/ behind."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, target)
    return dest


def test_built_wheel_installs_and_evaluates(tmp_path):
    wheels = tmp_path / "wheels"
    source = _source_copy(tmp_path / "src")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(wheels), str(source)], check=True, capture_output=True, timeout=300)
    target = tmp_path / "site"
    wheel = next(wheels.glob("leadfit-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    code = ("import leadfit.forms, leadfit.rules.model.library as lib, sys\n"
            "assert leadfit.forms.__file__.startswith(sys.argv[1]), leadfit.forms.__file__\n"
            "print(lib.default_pack().label, lib.bundled_pack_names())\n"
            "from importlib import resources as r, import_module\n"
            "for pkg, name in [('leadfit.assets', 'fonts/DejaVuSans.ttf'), ('leadfit.assets', 'fonts/LICENSE-DejaVu.txt'),\n"
            "                  ('leadfit.assets', 'icons/leadfit.png'), ('leadfit.pdf', 'styles.yaml'),\n"
            "                  ('leadfit.desktop', 'leadfit.qss')]:\n"
            "    assert r.files(pkg).joinpath(name).is_file(), (pkg, name)\n"
            "import_module('leadfit.decisions.migrations.m002_summary_columns')\n"
            "from leadfit.forms.questionnaire import questionnaire_version\n"
            "print('archived', [lib.load_pack(f).label for f in lib.archived_pack_folders()],"
            " questionnaire_version(1).version)\n"
            "from leadfit.cli.main import main\n"
            "raise SystemExit(main(['evaluate', sys.argv[2]]))\n")
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONSAFEPATH": "1"}
    result = subprocess.run([sys.executable, "-c", code, str(target), str(EXAMPLE_CASE)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "default@2.9" in result.stdout
    bundled = sorted(d.name for d in (REPO / "rules" / "packs").iterdir() if (d / "pack.yaml").is_file())
    assert str(bundled) in result.stdout  # every bundled pack travels with the wheel
    assert "Recommendation: Appoint with coaching\n" in result.stdout
    archived = sorted(f"{d.name.rsplit('-', 1)[0]}@{d.name.rsplit('-', 1)[1]}"
                      for d in (REPO / "rules" / "archive").iterdir() if (d / "pack.yaml").is_file())
    assert f"archived {archived} 1" in result.stdout  # old records replay from an installed copy
