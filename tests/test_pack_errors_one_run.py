"""Every problem of a pack in one run, at its file and line, from every command that
loads a pack: structural (schema) problems of each file no longer hide the condition,
reference, engine-limit and scenario problems of the others (the quality bar)."""

from __future__ import annotations

import re
import shutil

import pytest

from leadfit.errors import PackError
from leadfit.rules.model.library import load_pack
from tests.helpers import EXAMPLE_CASE, REPO, run_cli
from tests.test_pack_consultant_words import PACK_COMMAND_IDS, PACK_COMMANDS

EVERY_KIND = REPO / "tests" / "fixtures" / "packs" / "every_kind"
_MARK = re.compile(r"#\s*expect:\s*(.+?)\s*$")


def expected(folder) -> list[tuple[str, int, str]]:
    """(file, line, words) for each line of the pack marked '# expect: words'."""
    out = []
    for name in ("pack.yaml", "rules.yaml", "scenarios.yaml"):
        for n, text in enumerate((folder / name).read_text(encoding="utf-8").splitlines(), 1):
            if (m := _MARK.search(text)) and not text.lstrip().startswith("#"):
                out.append((str(folder / name), n, m.group(1)))
    return out


def missing_from(output: str, folder) -> list[str]:
    said = output.replace("\n    ", " ")
    return [f"{file}:{line}: ...{words}" for file, line, words in expected(folder)
            if not any(f"{file}:{line}: " in row and words in row for row in said.splitlines())]


@pytest.fixture
def every_kind(tmp_path):
    folder = tmp_path / "every-kind"
    shutil.copytree(EVERY_KIND, folder)
    return folder


def test_the_fixture_has_a_problem_of_every_kind_in_every_file():
    marks = expected(EVERY_KIND)
    assert {f.rsplit("/", 1)[-1] for f, _, _ in marks} == {"pack.yaml", "rules.yaml", "scenarios.yaml"}
    assert len(marks) >= 20


@pytest.mark.parametrize("command", PACK_COMMANDS, ids=PACK_COMMAND_IDS)
def test_every_command_names_every_problem_at_its_line_in_one_run(every_kind, tmp_path, command):
    done = run_cli(*[c.format(pack=every_kind, tmp=tmp_path) for c in command])
    assert done.returncode == 2, done.stdout + done.stderr
    assert missing_from(done.stdout + done.stderr, every_kind) == []
    assert "Traceback" not in done.stderr and not (tmp_path / "docs.pdf").exists()
    assert not (tmp_path / "register.db").exists()


def test_lint_counts_each_problem_once(every_kind):
    done = run_cli("pack", "lint", str(every_kind))
    errors = [row for row in done.stdout.splitlines() if row.startswith("error: ")]
    assert len(errors) == len(expected(every_kind)), done.stdout
    assert f"{len(errors)} errors" in done.stdout.splitlines()[-1]


def test_a_yaml_syntax_error_in_one_file_hides_nothing_in_the_others(every_kind):
    """The fresh-eyes tester's off-by-one: YAML notices an unclosed '[' on the next line;
    the line to edit is the one that opened it."""
    scenarios = every_kind / "scenarios.yaml"
    scenarios.write_text("scenarios:\n  - name: x\n    answers: {a: [1, 2\n    expect: {outcome: coach}\n",
                         encoding="utf-8")
    done = run_cli("pack", "lint", str(every_kind))
    assert done.returncode == 2
    assert (f"{scenarios}:3: YAML syntax error: a list opened with '[' on this line is not closed"
            in done.stdout), done.stdout
    rules_and_pack = [m for m in expected(every_kind) if not m[0].endswith("scenarios.yaml")]
    assert all(f"{f}:{n}: " in done.stdout for f, n, _ in rules_and_pack), done.stdout


def test_a_misspelt_required_key_is_one_problem_not_two(every_kind):
    problems = _problems(every_kind)
    rules = str(every_kind / "rules.yaml")
    at_line_3 = [p for p in problems if p.file == rules and p.line == 3]
    assert [p.message.split(";")[0] for p in at_line_3] == [
        "unknown key 'sumary' (did you mean 'summary'?)"]


def test_a_base_that_cannot_be_found_still_leaves_the_other_files_checked(every_kind):
    pack_file = every_kind / "pack.yaml"
    pack_file.write_text(pack_file.read_text(encoding="utf-8").replace("default@2.2", "defualt@2.2"),
                         encoding="utf-8")
    said = [str(p) for p in _problems(every_kind)]
    assert any(":6: extends 'defualt@2.2': no such pack" in s and "did you mean 'default'" in s
               for s in said), said
    assert any("rules.yaml:3: unknown key 'sumary'" in s for s in said)
    assert any("scenarios.yaml:8: scenario 'a scenario with bad answers': expect.outcome" in s
               for s in said)


def _problems(folder):
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return caught.value.problems


def test_a_scenario_with_three_mistakes_names_all_three(tmp_path):
    """Fresh-eyes: a bad answer and a bad outcome were named, and 'includes: F100' only once
    both were fixed (a scenario whose schema failed lost what it expects)."""
    folder = tmp_path / "three"
    folder.mkdir()
    (folder / "pack.yaml").write_text('name: three\nversion: "1.0"\nextends: default@2.9\n', encoding="utf-8")
    (folder / "scenarios.yaml").write_text(
        "scenarios:\n"
        "  - name: three mistakes\n"
        "    like: ready candidate is appointed\n"
        "    answers:\n"
        "      candidate.digital_years: many\n"
        "    expect:\n"
        "      outcome: hire\n"
        "      includes: [F100]\n", encoding="utf-8")
    done = run_cli("pack", "lint", str(folder))
    file = folder / "scenarios.yaml"
    assert f"{file}:5: scenario 'three mistakes': Years managing digital products" in done.stdout
    assert f"{file}:7: scenario 'three mistakes': expect.outcome: 'hire' is not allowed" in done.stdout
    assert f"{file}:8: scenario 'three mistakes': expect.includes: 'F100' is not a catalogue ID" in done.stdout
    assert done.stdout.splitlines()[-1].endswith(": 3 errors, 0 warnings"), done.stdout
