"""Paths and helpers shared by tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PACK = REPO / "rules" / "packs" / "default"
EXAMPLE_CASE = REPO / "forms" / "examples" / "example-case.yaml"


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None):
    """Run the real ``leadfit`` command in a fresh process."""
    return subprocess.run([sys.executable, "-m", "leadfit", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, env={**os.environ, **(env or {})}, timeout=120, check=False)
