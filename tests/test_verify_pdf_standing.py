"""`leadfit verify --pdf` of a genuine PDF whose record has moved on (F45): it names the
version that supersedes it, or says the version printed changed after printing."""

from __future__ import annotations

from tests.decisions_support import squash
from tests.helpers import EXAMPLE_CASE


def decided_and_signed(cli, db) -> str:
    made = cli("decide", EXAMPLE_CASE, "--decision", "coach", "--conditions", "Weekly coaching",
               "--plan-later", "--recorded-by", "Pat Smith", "--db", db)
    assert made.returncode == 0, made.stderr
    ref = made.stdout.split()[0]
    for name, role in (("Dana Chief", "decision_maker"), ("Hana Rees", "hr")):
        assert cli("sign", ref, "--name", name, "--role", role, "--db", db).returncode == 0
    return ref


def printed(cli, db, ref, pdf) -> None:
    assert cli("report", ref, "--out", pdf, "--db", db).returncode == 0


def corrected(cli, db, ref, conditions) -> None:
    done = cli("correct", ref, "--reason", "Conditions were wrong", "--conditions", conditions,
               "--recorded-by", "Pat Smith", "--db", db)
    assert done.returncode == 0, done.stderr


def test_a_pdf_of_a_corrected_version_names_the_version_that_supersedes_it(cli, db, tmp_path):
    ref = decided_and_signed(cli, db)
    first = tmp_path / "first.pdf"
    printed(cli, db, ref, first)
    corrected(cli, db, ref, "Weekly coaching by the CPO")
    corrected(cli, db, ref, "Weekly coaching by the CPO and a peer")
    result = cli("verify", "--pdf", first, "--db", db)
    out = squash(result.stdout)
    assert result.returncode == 0    # genuine: it is in the register
    assert "first.pdf: its chain head and record hash are in this register" in out
    assert (f"SUPERSEDED: this PDF is {ref}@1, which {ref}@2 supersedes; the latest"
            f" version is {ref}@3 (awaiting sign-off): the record has changed since this PDF;"
            f" print {ref} again for the file") in out


def test_a_pdf_printed_before_the_last_signature_says_it_changed_since(cli, db, tmp_path):
    made = cli("decide", EXAMPLE_CASE, "--decision", "coach", "--conditions", "Weekly coaching",
               "--plan-later", "--recorded-by", "Pat Smith", "--db", db)
    ref = made.stdout.split()[0]
    early = tmp_path / "unsigned.pdf"
    printed(cli, db, ref, early)
    assert cli("sign", ref, "--name", "Dana Chief", "--role", "decision_maker",
               "--db", db).returncode == 0
    out = squash(cli("verify", "--pdf", early, "--db", db).stdout)
    assert (f"CHANGED SINCE PRINTED: this PDF shows {ref}@1 as it was when printed; it has"
            " changed since (it is now awaiting sign-off): print it again for the file") in out


def test_a_pdf_of_the_current_version_says_nothing_more(cli, db, tmp_path):
    ref = decided_and_signed(cli, db)
    current = tmp_path / "current.pdf"
    printed(cli, db, ref, current)
    out = cli("verify", "--pdf", current, "--db", db).stdout
    assert "are in this register" in out
    assert "SUPERSEDED" not in out and "CHANGED" not in out
