"""The catalogue is read without its schema's models when its quick shape check vouches for
it (rules/model/catalogue.py, issue 15): whatever that check passes, the schema accepts
and reads the same, over generated catalogues (hypothesis); the rest goes to the schema,
which names each mistake."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from leadfit.rules.model.catalogue import SECTIONS, default_catalogue, load_catalogue, well_formed
from leadfit.rules.model.catalogue_spec import CatalogueSpec

TEXT = st.text(max_size=8)
LEAF = st.one_of(TEXT, st.integers(), st.none(), st.booleans(), st.lists(TEXT, max_size=1))
ENTRY = st.one_of(st.fixed_dictionaries({"title": TEXT, "meaning": TEXT}),
                  st.dictionaries(st.sampled_from(["title", "meaning", "extra"]), LEAF, max_size=3),
                  LEAF)
SECTION = st.one_of(st.dictionaries(st.one_of(TEXT, st.integers()), ENTRY, max_size=3), LEAF)
CATALOGUE = st.one_of(
    st.fixed_dictionaries({k: SECTION for k in SECTIONS}),
    st.dictionaries(st.sampled_from([*SECTIONS, "other"]), SECTION, max_size=6), LEAF)


@settings(max_examples=300, deadline=None)
@given(CATALOGUE)
def test_what_the_quick_check_passes_the_schema_reads_the_same(data):
    try:
        spec = CatalogueSpec.model_validate(data)
    except ValidationError:
        assert not well_formed(data)
        return
    if well_formed(data):
        assert spec.model_dump() == data


def test_the_shipped_catalogue_passes_the_quick_check_and_reads_as_the_schema_reads_it():
    from importlib import resources
    from leadfit.yamlsafe import load_file
    with resources.as_file(resources.files("leadfit.rules").joinpath("catalogue.yaml")) as path:
        data = load_file(path, cached=False).data
    assert well_formed(data)
    spec = CatalogueSpec.model_validate(data)
    titles = {k: e.title for kind in SECTIONS for k, e in getattr(spec, kind).items()}
    assert {k: e.title for k, e in default_catalogue().entries.items()} == titles


def test_a_catalogue_the_quick_check_refuses_is_named_by_file_and_line(tmp_path):
    bad = tmp_path / "catalogue.yaml"
    bad.write_text("readiness: {}\nsignals: {}\nfailures: {}\nmitigations: {}\n"
                   "outcomes:\n  coach: {title: Coach, meening: x}\n", encoding="utf-8")
    from leadfit.errors import PackError
    with pytest.raises(PackError) as refused:
        load_catalogue(bad, "catalogue.yaml")
    assert [str(p) for p in refused.value.problems] == [
        "catalogue.yaml:6: unknown key 'meening' (did you mean 'meaning'?); allowed here: title,"
        " meaning"]
