"""A LeadFit file is parsed once: aliases are refused from the composed document, at their line."""

from __future__ import annotations

import pytest
import yaml

from leadfit.errors import PackError
from leadfit.forms.case import load_case_file
from leadfit.forms.questionnaire import default_questionnaire
from leadfit.yamlsafe import load_text


@pytest.mark.parametrize("text,line", [
    ("a: &x 3\nb: *x\n", 2),                          # an alias as a value
    ("a: &x k\n*x : 2\n", 2),                         # an alias as a key
    ("a: &x [1]\nb:\n  - 1\n  - *x\n", 3),             # an alias in a list: the list's line
    ("a: &a [l, l]\nb: &b [*a, *a]\nc: [*b, *b]\n", 2),  # a bomb: refused before it expands
])
def test_an_alias_is_refused_at_its_line(text, line):
    with pytest.raises(PackError) as caught:
        load_text(text, "case.yaml")
    assert f"case.yaml:{line}:" in str(caught.value)
    assert "aliases (*name) are not allowed" in str(caught.value)


def test_an_anchor_used_once_reads_as_its_value():
    assert load_text("a: &x 3\nb: 4\n", "f.yaml").data == {"a": 3, "b": 4}


def test_a_case_file_is_read_with_a_single_parse(tmp_path, monkeypatch):
    def second_parse(*args, **kwargs):
        raise AssertionError("the file was parsed a second time")
    monkeypatch.setattr(yaml, "parse", second_parse)
    path = tmp_path / "case.yaml"
    path.write_text("answers:\n  candidate.digital_years: 4\n", encoding="utf-8")
    case = load_case_file(path, default_questionnaire())
    assert case.answers["candidate.digital_years"] == 4
