"""Paths and helpers shared by tests."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PACK = REPO / "rules" / "packs" / "default"
EXAMPLE_CASE = REPO / "forms" / "examples" / "example-case.yaml"


def pack_named(name: str):
    """A bundled pack by name, or an archived version as ``archive/<folder>``
    (``archive/default-2.3``): the packs the property tests draw from."""
    from leadfit.rules.model.library import archived_packs_dir, load_pack, resolve_pack
    if name.startswith("archive/"):
        return load_pack(archived_packs_dir() / name.removeprefix("archive/"))
    return resolve_pack(name)


@contextlib.contextmanager
def mounted(folder: Path, size: str):
    """A real small file system (tmpfs) at ``folder``: the real kernel's errors (full
    disk, read-only media), not a simulation. Needs root, as CI and these machines run."""
    import pytest
    if os.geteuid() != 0:
        pytest.skip("mounting a test file system needs root (CI and these machines run as root)")
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", folder], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", folder], check=False)


def run_cli_process(*args: str, cwd: Path | None = None, env: dict | None = None):
    """Run the real ``leadfit`` command in a fresh process: for tests of that boundary."""
    return subprocess.run([sys.executable, "-m", "leadfit", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, env={**os.environ, **(env or {})}, timeout=120, check=False)


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None):
    """The ``leadfit`` command as typed, run in this process through ``main(argv)``.

    The same parser, handlers and exit codes as a fresh process, without paying
    an interpreter start per call. An uncaught exception becomes a traceback
    on stderr and exit 1, as the process would show it.
    """
    from leadfit.cli.main import main
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.update(env or {})
    os.chdir(cwd or REPO)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exc:  # argparse: usage errors (2) and --help/--version (0)
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except Exception:  # noqa: BLE001 - shown as the process would show it
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["leadfit", *args], code, out.getvalue(), err.getvalue())
