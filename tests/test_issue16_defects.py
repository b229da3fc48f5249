"""Issue 16's table of defects, one test each, through what the code of that issue already
had: the command line, the register file, a pack folder. So each test also runs against
the code the issue was filed on (7533785) and fails there for the defect itself, not for
a missing import: docs/integrity.md ("The issue's defects") lists each one's result there.

    git worktree add /tmp/old 7533785 && cd /tmp/old && python3 -m venv .venv
    .venv/bin/pip install -e '.[test]' && rm -rf tests && cp -r NEW/tests NEW/conftest.py .
    .venv/bin/python -m pytest -q tests/test_issue16_defects.py tests/test_case_input_hostile.py
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.helpers import DEFAULT_PACK, EXAMPLE_CASE, REPO, mounted

DECIDE = ("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "hire_external", "--justify", "Hire outside")
FIRST = "LF-2026-0001"


@pytest.fixture(autouse=True)
def _cli(cli):
    global run
    run = cli     # the real entry point, in-process: the same parser, handlers and exit codes


def run(*args):   # replaced per test by the fixture above
    raise AssertionError("the cli fixture sets this")


def named(result, code=2):
    """A named error: the exit code given, words on stderr or stdout, never a traceback."""
    assert "Traceback" not in result.stderr, result.stderr[-1500:]
    assert result.returncode == code, (result.returncode, result.stdout[-800:], result.stderr[-800:])
    return result.stdout + result.stderr


@pytest.fixture
def signed(tmp_path):
    """A register holding one decision signed by both roles, all through the command line."""
    db = tmp_path / "register.sqlite3"
    assert run(*DECIDE, "--db", db).stdout.strip() == FIRST
    for name, role in (("Dana Decider", "decision_maker"), ("Harper Hr", "hr")):
        assert run("sign", FIRST, "--name", name, "--role", role, "--db", db).returncode == 0
    return db


def sql(db, *statements):
    conn = sqlite3.connect(db, isolation_level=None)
    for statement, *args in statements:
        conn.execute(statement, args)
    conn.close()


def pack_copy(tmp_path, name="pack"):
    folder = tmp_path / name
    shutil.copytree(DEFAULT_PACK, folder)
    return folder


def add_rule(folder, rule_id, when):
    rules = folder / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + (
        f"  - id: {rule_id}\n    summary: Added by a test.\n    when: {when}\n"
        "    then:\n      - finding: {id: F1, severity: low}\n"), encoding="utf-8")
    return rules.read_text(encoding="utf-8").splitlines().index(f"  - id: {rule_id}") + 3


# -- crash and concurrency --------------------------------------------------------------

def test_a_decide_retried_after_its_commit_answers_with_the_same_record(tmp_path):
    db = tmp_path / "register.sqlite3"
    first, again = run(*DECIDE, "--db", db), run(*DECIDE, "--db", db)
    assert first.stdout.strip() == again.stdout.strip() == FIRST
    assert "LF-2026-0002" not in run("register", "list", "--db", db).stdout


def test_a_register_on_read_only_media_can_be_read(signed, tmp_path):
    with mounted(tmp_path / "media", "4m") as media:
        shutil.copy(signed, media / "register.sqlite3")
        subprocess.run(["mount", "-o", "remount,ro", media], check=True)
        for args in (["verify"], ["register", "list"], ["register", "show", FIRST]):
            result = run(*args, "--db", media / "register.sqlite3")
            assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)


def test_a_full_disk_is_named_and_leaves_no_temp_file(signed, tmp_path):
    """On 7533785 `register export --csv`, `pack docs` and `pack new` on a full disk were
    OSError tracebacks, and `pack docs` left its `.docs.pdf.part` behind."""
    with mounted(tmp_path / "full", "8k") as full:
        fd = os.open(full / "filler", os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            for _ in range(64):
                os.write(fd, b"x" * 1024)
        os.close(fd)
        for args in (["register", "export", "--csv", full / "r.csv", "--db", signed],
                     ["pack", "docs", "default", "--out", full / "docs.pdf"],
                     ["pack", "new", "client", "--extends", "default", "--dir", full],
                     ["report", FIRST, "--out", full / "r.pdf", "--db", signed]):
            said = named(run(*args))
            assert "disk is full" in said, (args[:2], said)
            assert sorted(p.name for p in full.iterdir()) == ["filler"], args[:2]


# -- rule packs ---------------------------------------------------------------------------

def test_a_long_in_list_is_refused_by_lint_at_its_line_and_never_hangs(tmp_path):
    folder = pack_copy(tmp_path)
    values = ", ".join(str(i) for i in range(600))     # 469 or more hung the engine for ever
    line = add_rule(folder, "long-list", f"{{in: {{candidate.digital_years: [{values}]}}}}")
    said = named(run("pack", "lint", folder))
    assert f"rules.yaml:{line}:" in said
    named(run("evaluate", EXAMPLE_CASE, "--pack", folder))


@pytest.mark.parametrize("shape", ["nested 50 deep", "15 any pairs under an all"])
def test_a_condition_past_the_engines_limits_is_a_lint_error_never_exit_4(tmp_path, shape):
    leaf = "{eq: {candidate.digital_years: 3}}"
    if shape == "nested 50 deep":
        when = leaf
        for i in range(50):
            when = f"{{{'all' if i % 2 else 'any'}: [{when}, {{ne: {{candidate.digital_years: {100 + i}}}}}]}}"
    else:
        pair = "{any: [{eq: {candidate.digital_years: 1}}, {eq: {candidate.digital_years: 2}}]}"
        when = "{all: [" + ", ".join([pair] * 15) + "]}"
    folder = pack_copy(tmp_path)
    line = add_rule(folder, "too-complex", when)
    assert f"rules.yaml:{line}:" in named(run("pack", "lint", folder))
    said = named(run("evaluate", EXAMPLE_CASE, "--pack", folder))     # was exit 4, "error code: 113"
    assert "error code" not in said


def test_a_rule_named_like_the_adapters_catch_all_fires(tmp_path):
    folder = pack_copy(tmp_path)
    add_rule(folder, "lf-seen", "{ge: {candidate.digital_years: 0}}")
    result = run("evaluate", EXAMPLE_CASE, "--pack", folder, "--json")
    assert result.returncode == 0, result.stderr
    assert '"lf-seen"' in result.stdout


def test_a_commented_out_extends_is_named_not_an_empty_message(tmp_path):
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "pack.yaml").write_text('name: client\nversion: "0.1"\n# extends: default@1.0\n')
    said = named(run("pack", "lint", folder))
    assert "rules.yaml" in said


def test_lint_of_a_5000_term_condition_never_recurses_without_bound(tmp_path):
    """Lint's can-it-ever-fire search went one call deeper per part of an 'all': 5,000
    parts that can all hold together (over several questions) were a RecursionError."""
    folder = pack_copy(tmp_path)
    questions = ("candidate.digital_years", "candidate.former_role_share",
                 "stream.digital_revenue_share")
    when = "{all: [" + ", ".join(f"{{ge: {{{questions[i % 3]}: {i % 50}}}}}"
                                 for i in range(5000)) + "]}"
    add_rule(folder, "very-wide", when)
    result = run("pack", "lint", folder)
    assert "Traceback" not in result.stderr and "Recursion" not in result.stderr
    assert re.search(r": 0 errors?, \d+ warnings?", result.stdout), result.stdout[-800:]


@pytest.mark.parametrize("how", ["hardlink", "symlink to a pipe", "symlink outside"])
def test_a_pack_reads_only_its_own_regular_files(tmp_path, how):
    """On 7533785 a hard link read a file outside the pack, and a link to a pipe inside the
    pack hung lint for ever (only a link pointing outside was refused, as it still is).
    Run as a process with a time limit, so a hang fails instead of stopping the suite."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    secret = outside / "scenarios.yaml"
    shutil.copy(DEFAULT_PACK / "scenarios.yaml", secret)
    folder = pack_copy(tmp_path)
    (folder / "scenarios.yaml").unlink()
    if how == "hardlink":
        (folder / "scenarios.yaml").hardlink_to(secret)
    elif how == "symlink to a pipe":
        os.mkfifo(folder / "incoming")
        (folder / "scenarios.yaml").symlink_to("incoming")
    else:
        (folder / "scenarios.yaml").symlink_to(secret)
    result = subprocess.run([sys.executable, "-m", "leadfit", "pack", "lint", str(folder)],
                            capture_output=True, text=True, timeout=90, check=False)
    said = named(result)
    assert ("is not a regular file" if "pipe" in how else "its own files") in said


def test_a_base_pack_found_as_a_sibling_must_be_a_real_folder(tmp_path):
    version = re.search(r'^version: "?([^"\n]+)"?', (DEFAULT_PACK / "pack.yaml").read_text(),
                        re.M).group(1)
    real = pack_copy(tmp_path / "elsewhere", "acme-base")
    (real / "pack.yaml").write_text((real / "pack.yaml").read_text().replace(
        "name: default", "name: acme-base"))
    packs = tmp_path / "packs"
    packs.mkdir()
    client = packs / "client"
    client.mkdir()
    (client / "pack.yaml").write_text(f"name: client\nversion: '1'\nextends: acme-base@{version}\n")
    (packs / "acme-base").symlink_to(real, target_is_directory=True)
    assert "no such pack" in named(run("pack", "lint", client))
    (packs / "acme-base").unlink()
    shutil.copytree(real, packs / "acme-base")       # the same pack as a real folder is found
    assert "no such pack" not in run("pack", "lint", client).stdout


@pytest.mark.parametrize(("old", "new"), [
    ("signoff_roles: [decision_maker, hr]", "signoff_roles: []"),
    ("outcomes: [appoint, coach, hire_external]", "outcomes: [hire_external, coach, appoint]"),
    ("severities: {low: 1,", "severities: {low: -5,"),
], ids=["no-signoff-roles", "reversed-outcomes", "negative-severity"])
def test_settings_that_make_records_unsignable_or_outcomes_disordered_are_errors(tmp_path, old,
                                                                                   new):
    folder = pack_copy(tmp_path)
    path = folder / "pack.yaml"
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1)
                if t.startswith(new.split(":")[0] + ":"))
    assert f"pack.yaml:{line}:" in named(run("pack", "lint", folder))


# -- register edits -----------------------------------------------------------------------

def _forge_signer(db):
    """The issue's two SQL updates: the body (and its hash), then the record hash in the log."""
    conn = sqlite3.connect(db, isolation_level=None)
    body, digest = conn.execute("SELECT body, hash FROM decision_records").fetchone()
    import hashlib
    forged = body.replace("Harper Hr", "Mallory Hr")
    new = hashlib.sha256(forged.encode("utf-8")).hexdigest()
    conn.execute("UPDATE decision_records SET body=?, hash=?", (forged, new))
    conn.execute("UPDATE audit_log SET entry=replace(entry, ?, ?)", (digest, new))
    conn.close()


def test_a_forged_signoff_prints_nowhere(signed, tmp_path):
    _forge_signer(signed)
    show = run("register", "show", FIRST, "--db", signed)
    assert show.returncode == 1 and "Mallory" not in show.stdout
    pdf = tmp_path / "r.pdf"
    assert run("report", FIRST, "--out", pdf, "--db", signed).returncode == 1
    assert not pdf.exists()


KEY = ("LEADFIT_AUDIT_KEY", "kept outside the database")


def test_with_a_key_reading_checks_each_entrys_mac(tmp_path, monkeypatch):
    db = tmp_path / "register.sqlite3"
    monkeypatch.setenv(*KEY)
    assert run(*DECIDE, "--db", db).returncode == 0
    sql(db, ("UPDATE audit_log SET mac=?", "0" * 64))
    assert run("register", "show", FIRST, "--db", db).returncode == 1


def test_a_keyed_register_refuses_a_writer_without_the_key(tmp_path, monkeypatch):
    db = tmp_path / "register.sqlite3"
    monkeypatch.setenv(*KEY)
    assert run(*DECIDE, "--db", db).returncode == 0
    monkeypatch.delenv(KEY[0])
    named(run("sign", FIRST, "--name", "Dana Decider", "--role", "decision_maker", "--db", db))
    monkeypatch.setenv(*KEY)
    assert run("verify", "--db", db).returncode == 0


@pytest.mark.parametrize("edit", ["candidate", "recommended", "created_at", "serial", "emptied"])
def test_verify_sees_the_edits_it_used_to_miss(signed, edit):
    if edit == "emptied":
        sql(signed, ("DELETE FROM decision_records",), ("DELETE FROM audit_log",))
    else:
        value = 77 if edit == "serial" else "2020-01-01T00:00:00Z" if edit == "created_at" \
            else "appoint" if edit == "recommended" else "Someone Else"
        sql(signed, (f"UPDATE decision_records SET {edit}=?", value))
    assert run("verify", "--db", signed).returncode == 1


# -- files -----------------------------------------------------------------------------------

def test_outputs_never_overwrite_the_register_or_a_file_unasked(signed, tmp_path):
    before = signed.read_bytes()
    for args in (["report", FIRST, "--out", signed], ["register", "export", "--csv", signed]):
        named(run(*args, "--db", signed))
    assert signed.read_bytes() == before
    kept = tmp_path / "kept.pdf"
    kept.write_text("someone's file")
    named(run("report", FIRST, "--out", kept, "--db", signed))
    assert kept.read_text() == "someone's file"


def test_pack_docs_never_writes_through_a_planted_temp_name(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    for planted in (".docs.pdf.part", "docs.pdf.part", ".docs.pdf.tmp"):
        (tmp_path / planted).symlink_to(victim)
    run("pack", "docs", "default", "--out", tmp_path / "docs.pdf")
    assert victim.read_text() == "precious"
    assert (tmp_path / "docs.pdf").read_bytes().startswith(b"%PDF")


def test_a_world_readable_key_file_is_warned_about(tmp_path, monkeypatch):
    key = tmp_path / "audit.key"
    key.write_text("secret")
    key.chmod(0o644)
    monkeypatch.setenv("LEADFIT_AUDIT_KEY_FILE", str(key))
    made = run(*DECIDE, "--db", tmp_path / "r.sqlite3")
    assert made.returncode == 0 and "other users" in made.stderr


# -- PDFs (the rationale's layout: tests/test_issue16_pdf_layout.py) ----------------------------

def test_pack_docs_prints_a_huge_condition_in_full_after_its_table(tmp_path):
    """A 400 KB condition ran pack docs past 90 s: its table row was re-wrapped at every page."""
    folder = pack_copy(tmp_path)
    when = "{all: [" + ", ".join(f"{{ne: {{candidate.digital_years: {1000 + i}}}}}"
                                 for i in range(2000)) + "]}"
    add_rule(folder, "huge-condition", when)
    out = tmp_path / "docs.pdf"
    run("pack", "docs", folder, "--out", out)
    from pypdf import PdfReader
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "(in full after this table)" in text and "huge-condition – When:" in text
    assert "is not 2999" in text.replace("\n", " ")      # the last comparison, in full


def test_every_exit_code_the_program_can_return_is_documented():
    """Exit 4 ("error code: 113") was undocumented: each code in the source is in --help."""
    import ast
    from pathlib import Path

    from leadfit.cli.main import EXIT_CODES, build_parser
    found = set()
    for path in (REPO / "leadfit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                names = [t.id for t in getattr(node, "targets", [getattr(node, "target", None)])
                         if isinstance(t, ast.Name)]
                if any(n == "exit_code" or n.startswith("EXIT_") and n != "EXIT_CODES"
                       for n in names):
                    found |= {c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)}
    assert found and found <= set(EXIT_CODES), found - set(EXIT_CODES)
    helped = build_parser(["--help"]).format_help() + Path(REPO / "README.md").read_text(encoding="utf-8")
    for code in EXIT_CODES:
        assert f"{code} " in helped
