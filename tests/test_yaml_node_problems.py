"""A YAML-level problem (a refused tag, a repeated key) names its line and the rest of the
file is still read: one run names every fault of a pack (fresh eyes G7: three fix-and-rerun
rounds for one pack.yaml before). The refused node is left out, its siblings still checked."""

from __future__ import annotations

import shutil

import pytest

from leadfit.errors import PackError
from leadfit.rules.model.library import load_pack
from leadfit.yamlsafe import LocatedData, load_text
from tests.helpers import REPO, run_cli
from tests.test_pack_errors_one_run import expected, missing_from

YAML_NODES = REPO / "tests" / "fixtures" / "packs" / "yaml_nodes"


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "yaml-nodes"
    shutil.copytree(YAML_NODES, folder)
    return folder


def test_lint_names_every_fault_beside_the_tags_and_repeated_keys_in_one_run(pack):
    assert len(expected(pack)) == 12  # 8 in pack.yaml (2 tags, a repeated key), 4 in rules.yaml
    done = run_cli("pack", "lint", str(pack))
    assert done.returncode == 2, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert missing_from(said, pack) == []
    assert "YAML syntax error" not in said and "Traceback" not in said
    assert "owned" not in said  # the tagged command was never run nor its text built


def test_loading_refuses_the_pack_with_every_problem(pack):
    with pytest.raises(PackError) as caught:
        load_pack(pack)
    lines = {(p.file.rsplit("/", 1)[-1], p.line) for p in caught.value.problems}
    assert {(f.rsplit("/", 1)[-1], n) for f, n, _ in expected(pack)} <= lines


def test_a_refused_node_is_left_out_and_its_siblings_are_read():
    text = ("a: 1\nb: !!python/object/apply:os.system [x]\nc: [1, !!python/name:os.system , 3]\n"
            "d: 4\nd: 5\n")
    with pytest.raises(PackError) as caught:
        load_text(text, "f.yaml")
    said = [(p.line, p.message) for p in caught.value.problems]
    assert [line for line, _ in said] == [2, 3, 5]
    assert "!!python/object/apply:os.system" in said[0][1] and "not allowed" in said[0][1]
    assert "first at line 4, again at line 5" in said[2][1]
    partial = caught.value.partial
    assert isinstance(partial, LocatedData)
    assert partial.data == {"a": 1, "c": [1, 3], "d": 4}  # the first 'd' stands
    assert partial.line_of(("d",)) == 4 and partial.line_of(("c", 1)) == 3


def test_a_tag_on_the_whole_file_is_one_problem_and_nothing_read():
    with pytest.raises(PackError) as caught:
        load_text("!!python/object/apply:os.system [x]\n", "f.yaml")
    assert [p.line for p in caught.value.problems] == [1]
    assert caught.value.partial.data is None


def test_a_file_with_a_refused_node_is_never_cached_as_read(tmp_path, monkeypatch):
    from leadfit import yamlcache
    stored = []
    monkeypatch.setattr(yamlcache, "store", lambda *a: stored.append(a))
    with pytest.raises(PackError):
        load_text("a: 1\na: 2\n", "f.yaml", cached=True)
    assert stored == []
