"""The flat reader makes of each scalar it reads itself (leadfit/yamlflat.py _plain) exactly
what PyYAML's strict loader makes of it, value and type; and a case file written as LeadFit
writes it is read by `leadfit evaluate` without importing PyYAML at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from leadfit import yamlflat, yamlparse
from tests.test_yaml_flat import KEYS, OTHER, PLAIN

EXAMPLE = Path(__file__).resolve().parent.parent / "forms" / "examples" / "example-case.yaml"
SETTINGS = settings(max_examples=1500, deadline=None, database=None)


def _typed(value):
    return type(value).__name__, repr(value)


def _same_as_the_loader(text: str) -> bool:
    """Whether _plain read it itself (else the loader does, as before)."""
    mine = yamlflat._plain(text)
    if mine is yamlflat._BY_LOADER:
        return False
    assert _typed(mine) == _typed(yamlparse.built_scalar(text)), text
    return True


def test_every_listed_scalar_reads_as_the_loader_reads_it():
    read = [t for t in PLAIN + OTHER + KEYS if t and yamlflat._FLAT_LINE.fullmatch(f"k: {t}")
            and _same_as_the_loader(t)]
    assert len(read) > 40  # most of what case files hold never reaches the loader


_ascii = st.text(st.sampled_from([chr(c) for c in range(32, 127) if chr(c) not in ":#"]),
                 min_size=1, max_size=12)
_shaped = st.one_of(
    st.from_regex(r"\A[-+]?[0-9]{1,6}(\.[0-9]{0,4})?([eE][-+]?[0-9])?\Z"),
    st.from_regex(r"\A[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\Z"),
    st.from_regex(r"\A(y|Y|n|N|t|T|f|F|o|O)[a-zA-Z]{0,4}\Z"),
    st.from_regex(r"\A[~_(.a-zA-Z][ -~]{0,8}\Z"),
    st.from_regex(r"\A'([ -&(-~]|''){0,6}'\Z"), st.from_regex(r'\A"[ !#-\[\]-~]{0,6}"\Z'))


@SETTINGS
@given(st.one_of(_ascii, _shaped))
def test_a_generated_scalar_reads_as_the_loader_reads_it(text):
    if yamlflat._FLAT_LINE.fullmatch(f"k: {text}") and text == text.strip():
        _same_as_the_loader(text)


def test_evaluate_reads_a_written_case_file_without_pyyaml(tmp_path):
    """Once the questionnaire and pack are cached, a case file as LeadFit writes it (the
    example) is all the command reads, and the flat reader reads it."""
    env = {**os.environ, "LEADFIT_CACHE_DIR": str(tmp_path / "cache"),
           "LEADFIT_DATA_DIR": str(tmp_path / "data")}
    code = ("import sys; from leadfit.cli.main import main; code = main(['evaluate', sys.argv[1]]);"
            " print('PyYAML imported' if 'yaml' in sys.modules else 'no PyYAML', file=sys.stderr)")
    runs = [subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], env=env, text=True,
                           capture_output=True, check=False) for _ in range(2)]
    assert [r.returncode for r in runs] == [3, 3] or [r.returncode for r in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout
    assert runs[1].stderr.strip().endswith("no PyYAML"), runs[1].stderr
