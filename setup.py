"""Refuse to build on a Python LeadFit cannot run on, in plain words (pyproject.toml holds
everything else). pip reads requires-python only after the build has started, and
then says just "requires a different Python"; this says why and what to use."""

import runpy
import sys
from pathlib import Path

from setuptools import setup

support = runpy.run_path(str(Path(__file__).resolve().parent / "leadfit" / "python_support.py"))
if not support["is_supported"]():
    sys.exit("\n" + support["refusal"]() + "\n")

setup()
