"""Only Python 3.11 and 3.12 run LeadFit; set-up on anything else says why and what to use."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from leadfit import python_support
from tests.helpers import REPO
from tests.test_install import _source_copy

FIND_PYTHON = REPO / "packaging" / "find-python.sh"
TOOLS = ("bash", "env", "dirname", "ls", "sort", "cat", "make", "rm", "sh")


# The tests give each command a temporary HOME; pyenv's versions stay where they are.
PYENV_ROOT = Path(os.environ.get("PYENV_ROOT") or Path(pwd.getpwuid(os.getuid()).pw_dir) / ".pyenv")


def _python(version: str) -> Path | None:
    """An installed interpreter of ``version`` that actually runs (a pyenv shim for an
    unselected version does not)."""
    pyenv = sorted(map(str, PYENV_ROOT.glob(f"versions/{version}*/bin/python{version}")))
    found = [shutil.which(f"python{version}"), *pyenv]
    for path in filter(None, found):
        if subprocess.run([path, "-c", "pass"], capture_output=True, check=False).returncode == 0:
            return Path(path)
    return None


PY313 = _python("3.13")
needs_313 = pytest.mark.skipif(PY313 is None, reason="no Python 3.13 on this machine to refuse")


def _bare_path(tmp_path: Path, python3: Path | None) -> str:
    """A PATH with the shell tools make needs and no Python but ``python3`` (if given)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    if python3:
        (bin_dir / "python3").symlink_to(python3)
    return str(bin_dir)


def _run(cmd: list[str], tmp_path: Path, **extra: str) -> subprocess.CompletedProcess:
    env = {"PATH": extra.pop("PATH", os.environ["PATH"]), "HOME": str(tmp_path),
           "PYENV_ROOT": str(PYENV_ROOT), **extra}
    return subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_this_interpreter_is_a_supported_one():
    assert python_support.is_supported(), sys.version
    assert python_support.SUPPORTED == ((3, 11), (3, 12))
    pyproject = (REPO / "pyproject.toml").read_text()
    assert 'requires-python = ">=3.11,<3.13"' in pyproject  # the same range, said twice


def test_the_refusal_says_why_and_what_to_use():
    text = python_support.refusal((3, 13))
    assert "this is Python 3.13" in text and "PyEval_CallObject" in text and "durable-rules 2.0.28" in text
    assert "Install Python 3.12 or 3.11" in text and "needs no Python" in text
    assert "PyEval_CallObject" not in python_support.refusal((3, 10))


@needs_313
def test_without_a_supported_python_make_says_which_to_install(tmp_path):
    venv = tmp_path / "venv"
    result = _run(["make", "test", f"VENV={venv}"], tmp_path, PATH=_bare_path(tmp_path, PY313),
                  PYENV_ROOT=str(tmp_path / "no-pyenv"))
    assert result.returncode != 0
    assert "No Python 3.11 or 3.12 that LeadFit can use was found" in result.stderr
    assert "found python3 is Python 3.13" in result.stderr
    assert "PyEval_CallObject" in result.stderr
    assert "sudo apt install python3.12-venv" in result.stderr
    assert not venv.exists()


def test_with_no_python_at_all_make_run_says_which_to_install(tmp_path):
    venv = tmp_path / "venv"
    result = _run(["make", "run", f"VENV={venv}"], tmp_path, PATH=_bare_path(tmp_path, None),
                  PYENV_ROOT=str(tmp_path / "no-pyenv"))
    assert result.returncode != 0
    assert "Install Python 3.12 (or 3.11) with its venv module" in result.stderr
    assert not venv.exists()


@needs_313
def test_make_refuses_a_python_313_it_is_pointed_at(tmp_path):
    venv = tmp_path / "venv"
    result = _run(["make", "run", f"PY={PY313}", f"VENV={venv}"], tmp_path)
    assert result.returncode != 0
    assert "LeadFit needs Python 3.11 or 3.12; this is Python 3.13" in result.stderr
    assert "PyEval_CallObject" in result.stderr
    assert not venv.exists()


@pytest.mark.parametrize("version", ["3.11", "3.12"])
def test_the_finder_picks_the_version_asked_for(tmp_path, version):
    if _python(version) is None:
        pytest.skip(f"no Python {version} here")  # CI has both; a developer may not
    result = _run([str(FIND_PYTHON)], tmp_path, PYTHON_VERSION=version)
    assert result.returncode == 0, result.stderr
    version_of = "import sys; print('%d.%d' % sys.version_info[:2])"
    picked = subprocess.run([result.stdout.strip(), "-c", version_of],
                            capture_output=True, text=True, check=True).stdout.strip()
    assert picked == version
    assert f"Using Python {version}." in result.stderr


@needs_313
def test_pip_install_on_313_stops_with_the_reason(tmp_path):
    """From source (what `pip install .` and make do): our words, before anything is built."""
    source = _source_copy(tmp_path / "src")
    venv = tmp_path / "venv313"
    subprocess.run([str(PY313), "-m", "venv", str(venv)], check=True)
    result = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", str(source)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode != 0
    assert "LeadFit needs Python 3.11 or 3.12; this is Python 3.13" in result.stdout + result.stderr
    assert "PyEval_CallObject" in result.stdout + result.stderr
    installed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "list"],
                               capture_output=True, text=True, check=True)
    assert "leadfit" not in installed.stdout.lower()
