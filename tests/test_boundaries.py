"""Layer rules: the core never imports Qt; only the adapter imports durable."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO

CORE = ["forms", "rules", "decisions"]
FRONT = ["leadfit"]  # the command line and shared helpers


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _py_files(folders):
    for folder in folders:
        yield from (REPO / folder).rglob("*.py")


def test_core_and_cli_source_never_import_qt():
    offenders = [str(p.relative_to(REPO)) for p in _py_files(CORE + FRONT)
                 if any(n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")
                        for n in _imports(p))]
    assert offenders == []


def test_core_imports_with_qt_absent():
    """Import every core and CLI module with PySide6 made unimportable."""
    modules = []
    for p in _py_files(CORE + ["leadfit"]):
        rel = p.relative_to(REPO).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] in ("__init__", "__main__"):
            parts = parts[:-1]
        if parts and parts[0] != "leadfit":
            parts = ["leadfit"] + parts
        if parts:
            modules.append(".".join(parts))
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "import importlib\n"
            f"for m in {sorted(set(modules))!r}:\n"
            "    importlib.import_module(m)\n"
            "assert not any(k.startswith('PySide6.') for k in sys.modules)\n"
            "from leadfit.cli.main import main\n"
            "raise SystemExit(main(['evaluate', 'forms/examples/example-case.yaml']))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_only_the_adapter_imports_durable():
    users = sorted(str(p.relative_to(REPO)) for p in _py_files(CORE + FRONT + ["desktop"])
                   if any(n.split(".")[0] == "durable" for n in _imports(p)))
    assert users == ["rules/runtime/engine.py"]


def test_nothing_reads_the_shared_folder():
    """A clone alone must pass: no code or test refers to ../shared."""
    hits = [str(p.relative_to(REPO)) for p in _py_files(CORE + FRONT + ["desktop", "tests", "benchmarks"])
            if "shared/domain" in p.read_text(encoding="utf-8") and p.name != "test_boundaries.py"]
    assert hits == []


def test_evaluate_loads_neither_the_register_nor_the_pdf_toolkit():
    """Start-up of `leadfit evaluate` stays light: only the chosen command is imported."""
    code = ("import sys\n"
            "from leadfit.cli.main import main\n"
            "code = main(['evaluate', 'forms/examples/example-case.yaml'])\n"
            "heavy = sorted(m for m in ('sqlalchemy', 'reportlab') if m in sys.modules)\n"
            "print('HEAVY', heavy)\n"
            "raise SystemExit(code)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout


def _loaded_after(argv: list[str], heavy: tuple[str, ...]) -> tuple[int, str, list[str]]:
    """(exit code, output, which of ``heavy`` were imported) for one fresh ``leadfit`` run."""
    code = ("import sys\n"
            "from leadfit.cli.main import main\n"
            "try:\n"
            f"    code = main({argv!r})\n"
            "except SystemExit as exc:\n"
            "    code = exc.code\n"
            f"print('HEAVY', sorted(m for m in {heavy!r} if m in sys.modules))\n"
            "raise SystemExit(code)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                            check=False)
    heavy_line = result.stdout.strip().splitlines()[-1]
    return result.returncode, result.stdout + result.stderr, eval(heavy_line.split(" ", 1)[1])


def test_help_lists_every_command_without_importing_any():
    """`leadfit --help` is what a new user runs first: it answers at once."""
    from leadfit.cli.commands import COMMANDS
    code, out, loaded = _loaded_after(["--help"], ("sqlalchemy", "reportlab", "durable",
                                                   "pydantic", "yaml"))
    assert code == 0 and loaded == []
    flat = " ".join(out.split())  # argparse wraps long help lines
    assert all(command in flat and words in flat for command, (_m, words) in COMMANDS.items())
    code, out, loaded = _loaded_after(["no-such-command"], ("sqlalchemy", "reportlab"))
    assert code == 2 and "invalid choice" in out and loaded == []


# What a command that only reads the register or prints a record never needs: the PDF
# toolkit (except `report`), the engine, the pack's rule models and the form's models, the
# ORM, and PyYAML once its files are in the parse cache (issue 15: each starts in a fresh
# process, so every import is paid at every run).
READING_NEVER = ("reportlab", "durable", "sqlalchemy.orm", "yaml", "leadfit.rules.model.pack",
                 "leadfit.rules.runtime.engine", "leadfit.forms.case")


def test_reading_the_register_loads_only_what_reading_needs(tmp_path):
    """`register show` reads a SQLite register with the standard library and the record as
    its sealed text (issue 15): no SQLAlchemy, no pydantic; `register list` reads it through
    SQLAlchemy. Neither loads ReportLab, the engine or the pack's rules."""
    from leadfit.decisions.register import open_register
    from tests.decisions_support import decide_coach
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        ref = decide_coach(reg).ref
    _loaded_after(["register", "show", ref, "--db", str(db)], ())  # fills the parse cache
    code, out, loaded = _loaded_after(["register", "show", ref, "--db", str(db)],
                                      ("sqlalchemy", "pydantic", *READING_NEVER))
    assert code == 0 and ref.split("@")[0] in out, out
    assert loaded == []
    code, out, loaded = _loaded_after(["register", "list", "--db", str(db)],
                                      ("sqlalchemy", *READING_NEVER))
    assert code == 0 and ref.split("@")[0] in out, out
    assert loaded == ["sqlalchemy"]


def test_printing_a_record_loads_no_engine_or_rule_models(tmp_path):
    """`report` needs the register and ReportLab; the record is already decided, so the
    engine, the ORM, the pack's rules (the answers are worded from the questionnaire and
    pack.yaml alone) and (from the parse cache) PyYAML stay unloaded; the PDF is written."""
    from leadfit.decisions.register import open_register
    from tests.decisions_support import decide_coach
    db, out_pdf = tmp_path / "register.sqlite3", tmp_path / "r.pdf"
    with open_register(db) as reg:
        ref = decide_coach(reg).ref
    argv = ["report", ref, "--db", str(db), "--out", str(out_pdf), "--force"]
    _loaded_after(argv, ())  # fills the parse cache
    code, out, loaded = _loaded_after(argv, ("reportlab", "durable", "sqlalchemy", "yaml",
                                             "leadfit.rules.runtime.engine",
                                             "leadfit.rules.model.pack", "leadfit.rules.model.layers",
                                             "leadfit.rules.model.schema", "urllib.request"))
    assert code == 0 and out_pdf.read_bytes().startswith(b"%PDF"), out
    assert loaded == ["reportlab"]
