"""A mistyped command, verb or choice names what was meant (leadfit/suggest.py), exits
non-zero and writes nothing."""

from __future__ import annotations

import pytest

from leadfit.cli.main import main
from tests.helpers import EXAMPLE_CASE


def _refused(capsys, *args: str) -> str:
    """What argparse said on refusing ``args`` (it exits 2 before running anything)."""
    with pytest.raises(SystemExit) as stopped:
        main([str(a) for a in args])
    assert stopped.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("args, typed, meant", [
    ("pack check default", "check", "lint"),      # what people call checking a pack
    ("pack validate default", "validate", "lint"),
    ("pack tset default", "tset", "test"),
    ("pak test default", "pak", "pack"),
    ("evalute case.yaml", "evalute", "evaluate"),
    ("register lsit", "lsit", "list"),
    ("review LF-2026-0001 --verdict contnue", "contnue", "continue"),
])
def test_a_mistyped_command_verb_or_choice_says_what_was_meant(capsys, args, typed, meant):
    err = _refused(capsys, *args.split())
    assert f"invalid choice: '{typed}'" in err and f"(did you mean '{meant}'?)" in err


def test_a_word_nothing_is_near_gets_no_guess(capsys):
    err = _refused(capsys, "pack", "frobnicate", "default")
    assert "invalid choice: 'frobnicate'" in err and "did you mean" not in err


def test_a_decision_cut_short_names_the_outcome_and_nothing_is_written(cli, tmp_path):
    db = tmp_path / "register.sqlite3"
    result = cli("decide", EXAMPLE_CASE, "--decision", "hire", "--recorded-by", "Dana Decider",
                 "--db", db)
    assert result.returncode == 2
    assert ("decision 'hire' is not one of: appoint, coach, hire_external"
            " (did you mean 'hire_external'?)") in result.stderr
    assert not db.exists()


# fresh-eyes (hH 4): `register list --status signd` named the statuses but guessed nothing,
# unlike every other mistyped choice
@pytest.mark.parametrize("flag, typed, meant", [("--status", "signd", "signed"),
                                                 ("--outcome", "coch", "coach")])
def test_a_mistyped_register_filter_says_what_was_meant(cli, tmp_path, flag, typed, meant):
    from leadfit.decisions.register import open_register
    db = tmp_path / "r.sqlite3"
    with open_register(db):
        pass
    listed = cli("register", "list", flag, typed, "--db", db)
    assert listed.returncode == 2 and f"(did you mean '{meant}'?)" in listed.stderr
