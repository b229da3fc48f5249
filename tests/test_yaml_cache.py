"""A pack is parsed once and then read from the per-user cache; a stale, damaged or
planted cache is ignored without a word (leadfit/yamlcache.py)."""

from __future__ import annotations

import os
import shutil

import pytest

from leadfit import yamlcache, yamlsafe
from leadfit.rules.model.library import bundled_packs_dir, load_pack


@pytest.fixture
def pack_dir(tmp_path):
    folder = tmp_path / "client"
    shutil.copytree(bundled_packs_dir() / "default", folder)
    return folder


def _entries():
    folder = yamlcache.cache_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _no_parsing(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("parsed although the cache holds it")
    monkeypatch.setattr(yamlsafe, "_parse", refuse)


def test_a_pack_is_parsed_once_then_read_from_the_cache(pack_dir, monkeypatch):
    first = load_pack(pack_dir)
    kept = {entry.stem for entry in _entries()}
    assert {yamlcache.key_of(f.read_text()) for f in pack_dir.glob("*.yaml")} <= kept
    assert oct(yamlcache.cache_dir().stat().st_mode & 0o777) == "0o700"
    _no_parsing(monkeypatch)
    again = load_pack(pack_dir)
    assert again.fingerprint == first.fingerprint and again.rules == first.rules


def test_an_edited_pack_file_is_parsed_again_never_served_stale(pack_dir):
    version = load_pack(pack_dir).settings.version
    pack_yaml = pack_dir / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text().replace(f'version: "{version}"', 'version: "9.9"', 1))
    assert load_pack(pack_dir).settings.version == "9.9"


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": 1}', b"\x00\xff" * 50,
                                    b'{"format": "leadfit-yaml-cache-1", "key": "x"}',
                                    ('{"format": "%s", "key": "x"}' % yamlcache.FORMAT).encode()])
def test_a_damaged_cache_is_ignored_without_a_word(pack_dir, damage, capsys):
    expected = load_pack(pack_dir).fingerprint
    for entry in _entries():
        entry.write_bytes(damage)
    capsys.readouterr()
    assert load_pack(pack_dir).fingerprint == expected
    assert capsys.readouterr() == ("", "")


def test_a_cache_planted_where_others_can_write_is_never_trusted(pack_dir):
    """Someone else's entry, claiming the pack's exact text, with other rules in it."""
    real = load_pack(pack_dir)
    folder = yamlcache.cache_dir()
    rules_text = (pack_dir / "rules.yaml").read_text()
    planted = folder / f"{yamlcache.key_of(rules_text)}.json"
    forged = yamlcache._encode({"rules": []})
    planted.write_text(f'{{"format": "{yamlcache.FORMAT}", "key": "{yamlcache.key_of(rules_text)}",'
                       f' "data": {__import__("json").dumps(forged)}, "lines": []}}')
    os.chmod(folder, 0o777)                     # a folder anyone can write
    assert load_pack(pack_dir).rules == real.rules
    os.chmod(folder, 0o700)
    os.chmod(planted, 0o666)                    # an entry anyone could have written
    assert load_pack(pack_dir).rules == real.rules
    os.chmod(planted, 0o600)
    link_target = folder.parent / "elsewhere"
    shutil.move(str(folder), link_target)
    folder.symlink_to(link_target)              # the cache folder swapped for a link
    assert load_pack(pack_dir).rules == real.rules


def test_values_of_every_yaml_kind_come_back_as_parsed(monkeypatch):
    text = ("a: 1\nb: 1.5\nc: .nan\nd: 2026-01-02\ne: 2026-01-02 03:04:05\nf: [x, true, null]\n"
            "1: int key\n2026-02-03: date key\n")
    parsed = yamlsafe.load_text(text, "kinds.yaml", cached=True)
    _no_parsing(monkeypatch)
    cached = yamlsafe.load_text(text, "kinds.yaml", cached=True)
    assert repr(cached.data) == repr(parsed.data) and cached.lines == parsed.lines
    assert cached.file == "kinds.yaml"


def test_a_pack_with_errors_is_never_cached(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: 1\na: 2\n")
    with pytest.raises(Exception, match="duplicate key"):
        yamlsafe.load_file(bad, cached=True)
    assert _entries() == []


def test_text_that_looks_like_the_cache_s_own_tags_comes_back_as_written(monkeypatch):
    """Plain JSON carries most of an entry; a key that starts like a tag is never read as one."""
    text = ('"\\0m": [[1, 2]]\nplain: {"\\0d": "2026-01-02"}\nlist: [{"\\0t": x}, 1.0, 1]\n')
    parsed = yamlsafe.load_text(text, "tags.yaml", cached=True)
    _no_parsing(monkeypatch)
    cached = yamlsafe.load_text(text, "tags.yaml", cached=True)
    assert repr(cached.data) == repr(parsed.data) and cached.lines == parsed.lines
    assert cached.data["plain"] == {"\x00d": "2026-01-02"}


@pytest.mark.parametrize("data", ['{"\\u0000x": 1}', '{"\\u0000m": [[[1], 2]]}', '{"\\u0000d": 5}'])
def test_an_entry_with_a_tag_it_cannot_read_is_ignored(pack_dir, data):
    rules_text = (pack_dir / "rules.yaml").read_text()
    expected = load_pack(pack_dir).rules
    entry = yamlcache.cache_dir() / f"{yamlcache.key_of(rules_text)}.json"
    entry.write_text(f'{{"format": "{yamlcache.FORMAT}", "key": "{yamlcache.key_of(rules_text)}",'
                     f' "data": {data}, "lines": []}}')
    assert yamlcache.lookup(rules_text) is None
    assert load_pack(pack_dir).rules == expected
