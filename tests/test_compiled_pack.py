"""A pack loaded once comes back compiled, without being parsed or checked again, equal to
the loaded one; a stale, damaged, foreign or planted entry is ignored without a word, and
the folder's guards hold on every load (rules/model/compiled.py)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from leadfit import objcache, yamlcache
from leadfit.errors import PackError
from leadfit.rules.model import compiled, library
from leadfit.rules.model.library import archived_pack_folders, bundled_packs_dir, load_pack

BASE_PACKS = [p for p in [bundled_packs_dir() / "default", *archived_pack_folders()]
              if "extends" not in (p / "pack.yaml").read_text()]


@pytest.fixture
def pack_dir(tmp_path):
    folder = tmp_path / "client"
    shutil.copytree(bundled_packs_dir() / "default", folder)
    return folder


def _no_loading(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("loaded in full although a compiled pack is kept")
    monkeypatch.setattr(library, "_load", refuse)


def _entry_of(folder):
    return yamlcache.cache_dir() / f"{compiled._key(folder, compiled.pack_texts(folder))}.json"


@pytest.mark.parametrize("folder", BASE_PACKS, ids=lambda p: p.name)
def test_every_base_pack_comes_back_compiled_equal_to_the_loaded_one(folder, monkeypatch):
    loaded = load_pack(folder)
    _no_loading(monkeypatch)
    again = load_pack(folder)
    assert again is not loaded and again == loaded
    assert (again.settings, again.questionnaire, again.catalogue, again.scenarios) == (
        loaded.settings, loaded.questionnaire, loaded.catalogue, loaded.scenarios)
    assert again.settings.model_fields_set == loaded.settings.model_fields_set
    assert again.fingerprint == loaded.fingerprint and again.recommending == loaded.recommending
    assert dict(again.sources.items()) == loaded.sources  # read only when asked (lint)


CLIENT_PACKS = [p for p in [*(bundled_packs_dir() / n for n in library.bundled_pack_names()),
                             *archived_pack_folders()] if "extends" in (p / "pack.yaml").read_text()]


@pytest.mark.parametrize("folder", CLIENT_PACKS, ids=lambda p: p.name)
def test_every_client_pack_comes_back_compiled_equal_to_the_loaded_one(folder, monkeypatch):
    """A client pack too (pack diff of bank validated its pack.yaml anew on every run)."""
    loaded = load_pack(folder)
    _no_loading(monkeypatch)
    again = load_pack(folder)
    assert again is not loaded and again == loaded
    assert again.base == loaded.base and again.base.folder == loaded.base.folder
    assert again.settings.model_fields_set == loaded.settings.model_fields_set
    assert (again.fingerprint, again.layers, again.scenarios) == (loaded.fingerprint, loaded.layers,
                                                                  loaded.scenarios)
    assert dict(again.sources.items()) == loaded.sources


def _client_of_a_sibling(tmp_path) -> tuple[Path, Path]:
    """acme extends its sibling folder's pack, base@1.0 (a copy of default)."""
    base = tmp_path / "base"
    shutil.copytree(bundled_packs_dir() / "default", base)
    text = (base / "pack.yaml").read_text()
    version = f'version: "{load_pack(base).version}"'
    assert version in text
    (base / "pack.yaml").write_text(text.replace("name: default", "name: base", 1).replace(
        version, 'version: "1.0"', 1))
    client = tmp_path / "acme"
    client.mkdir()
    (client / "pack.yaml").write_text('name: acme\nversion: "0.1"\nextends: base@1.0\n'
                                      "parameters: {p1_met_years: 5}\n")
    return base, client


def test_a_client_pack_whose_base_changed_is_never_served_stale(tmp_path):
    """Which base a client gets lives in other folders: looked for, and its texts keyed, on every read."""
    base, client = _client_of_a_sibling(tmp_path)
    first = load_pack(client)
    assert load_pack(client) == first  # kept, and read back
    rules = base / "rules.yaml"
    rules.write_text(rules.read_text().replace(first.rules[0].summary, "An edited base summary.", 1))
    again = load_pack(client)
    assert again.rules[0].summary == "An edited base summary." and again.fingerprint != first.fingerprint


def test_a_client_pack_whose_base_went_is_refused_by_name_although_it_was_kept(tmp_path):
    base, client = _client_of_a_sibling(tmp_path)
    load_pack(client)
    text = (base / "pack.yaml").read_text()
    (base / "pack.yaml").write_text(text.replace('version: "1.0"', 'version: "1.1"', 1))
    with pytest.raises(PackError) as refused:
        load_pack(client)
    assert "extends 'base@1.0': no such pack; found base@1.1" in str(refused.value.problems)


def test_an_edited_file_is_a_new_key_never_served_stale(pack_dir):
    load_pack(pack_dir)
    rules = pack_dir / "rules.yaml"
    text = rules.read_text()
    first = load_pack(pack_dir).rules[0]
    rules.write_text(text.replace(first.summary, "An edited summary.", 1))
    assert load_pack(pack_dir).rules[0].summary == "An edited summary."


def test_other_code_is_a_new_key(pack_dir, monkeypatch):
    load_pack(pack_dir)
    kept = _entry_of(pack_dir)
    assert kept.exists()
    monkeypatch.setattr(objcache, "code_version", lambda: "another LeadFit")
    assert _entry_of(pack_dir) != kept
    calls = []
    real = library._load
    monkeypatch.setattr(library, "_load", lambda *a: calls.append(a) or real(*a))
    load_pack(pack_dir)
    assert calls, "another code version must load the pack in full"


def test_code_that_is_not_source_files_keeps_nothing(pack_dir, monkeypatch):
    """A frozen bundle has no sources to name its code by."""
    monkeypatch.setattr(objcache, "code_version", lambda: None)
    load_pack(pack_dir)
    assert not list(yamlcache.cache_dir().glob("*.json")) or not any(
        compiled.FORMAT in f.read_text() for f in yamlcache.cache_dir().glob("*.json"))


def _forged(entry_path, change):
    entry = json.loads(entry_path.read_text())
    change(entry)
    return json.dumps(entry)


@pytest.mark.parametrize("damage", [
    "", "{not json", '{"format": 1}', "\x00\xff" * 50,
    lambda e: e.update(format="leadfit-compiled-pack-0"),
    lambda e: e.update(key="0" * 64),
    lambda e: e["value"].update(rules={yamlcache.TAG + "c": ["Popen", {"args": "true"}]}),
    lambda e: e["value"].update(folder={yamlcache.TAG + "p": "/elsewhere"}),
    lambda e: e["value"].pop("fingerprint"),
    lambda e: e["value"].update(unknown_field=1),
], ids=["empty", "not-json", "no-format", "binary", "old-format", "other-key", "foreign-class",
        "other-folder", "field-missing", "field-unknown"])
def test_a_damaged_or_foreign_entry_is_ignored_without_a_word(pack_dir, damage, capsys):
    expected = load_pack(pack_dir)
    entry = _entry_of(pack_dir)
    entry.write_text(_forged(entry, damage) if callable(damage) else damage,
                     encoding="utf-8", errors="surrogateescape")
    capsys.readouterr()
    assert load_pack(pack_dir) == expected
    assert capsys.readouterr() == ("", "")


def test_an_entry_planted_where_others_can_write_is_never_trusted(pack_dir):
    real = load_pack(pack_dir)
    entry = _entry_of(pack_dir)
    entry.write_text(_forged(entry, lambda e: e["value"].update(title="Planted")))
    os.chmod(entry, 0o600)
    assert load_pack(pack_dir).title == "Planted"  # our own entry, in our own folder: read
    folder = yamlcache.cache_dir()
    os.chmod(folder, 0o777)                     # a folder anyone can write
    assert load_pack(pack_dir) == real and load_pack(pack_dir).title == real.title
    os.chmod(folder, 0o700)
    os.chmod(entry, 0o666)                      # an entry anyone could have written
    assert load_pack(pack_dir).title == real.title


def test_the_folder_guards_hold_although_the_pack_is_kept(pack_dir, tmp_path):
    """A pack file swapped for a link outside the folder is refused by name, every load."""
    load_pack(pack_dir)
    outside = tmp_path / "outside.yaml"
    shutil.copy(pack_dir / "rules.yaml", outside)
    (pack_dir / "rules.yaml").unlink()
    (pack_dir / "rules.yaml").symlink_to(outside)
    with pytest.raises(PackError) as refused:
        load_pack(pack_dir)
    assert "outside the pack folder" in str(refused.value.problems)


def test_lint_reads_a_compiled_packs_files_as_the_loaded_pack_did(pack_dir, capsys):
    from leadfit.cli.main import main
    code = main(["pack", "lint", str(pack_dir)])
    first = capsys.readouterr()
    assert _entry_of(pack_dir).exists()
    assert (main(["pack", "lint", str(pack_dir)]), capsys.readouterr()) == (code, first)


@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_questionnaire_comes_back_kept_equal_to_the_one_read(version, monkeypatch):
    from leadfit.forms import questionnaire as forms_q
    from importlib import resources
    ref = Path(str(resources.files("leadfit.forms"))) / (
        "questionnaire.yaml" if version == forms_q.CURRENT_VERSION else f"archive/questionnaire-v{version}.yaml")
    read = forms_q.load_questionnaire(ref, "forms/x.yaml")
    monkeypatch.setattr("leadfit.datafiles.parse_model", lambda *_a: pytest.fail("validated again"))
    kept = forms_q.load_questionnaire(ref, "forms/x.yaml")
    assert kept is not read and kept == read and kept.asked_if[0] == read.asked_if[0]
    for entry in yamlcache.cache_dir().glob("*.json"):  # damaged: read again, the same
        entry.write_text("{damaged")
    monkeypatch.undo()
    assert forms_q.load_questionnaire(ref, "forms/x.yaml") == read


def test_a_fresh_process_gets_the_shipped_questionnaire_without_pydantic(tmp_path):
    """What `leadfit report` prints a record's answers with (library.bundled_questionnaire)."""
    import subprocess
    import sys
    code = ("import sys; from leadfit.rules.model.library import bundled_questionnaire as b;"
            " q = b('default'); print(len(q.questions), 'pydantic' in sys.modules)")
    env = {**os.environ, "LEADFIT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert runs[0][0] == runs[1][0] and runs[1][1] == "False", runs


def test_the_cache_key_covers_the_words_package_a_cached_assessment_is_said_in():
    """The words split into leadfit/words/ (a package): a cache keyed on leadfit/*.py alone would
    keep serving entries built by the words of the LeadFit before an upgrade."""
    from leadfit.paths import package_folder
    read = {path.resolve() for _, path in objcache.code_sources()}
    words = {path.resolve() for path in package_folder("leadfit.words").glob("*.py")}
    assert words and words <= read, sorted(str(p) for p in words - read)
