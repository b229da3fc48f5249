"""A client pack that changes only its title has the default's rules, so the default's
fingerprint (F36). It is still another pack: a record decided under it replays under it,
its reviews and corrections stay under it, and the bundled default never stands in."""

from __future__ import annotations

import re

import pytest

from leadfit.decisions import service
from leadfit.decisions.register import open_register
from leadfit.rules.model.library import default_pack, load_pack
from tests.decisions_support import counts, squash
from tests.helpers import EXAMPLE_CASE


@pytest.fixture
def acme(tmp_path, cli):
    """``pack new acme`` with only its title changed: the same rules as the default."""
    assert cli("pack", "new", "acme", "--extends", "default", "--dir", tmp_path).returncode == 0
    folder = tmp_path / "acme"
    text = (folder / "pack.yaml").read_text()
    (folder / "pack.yaml").write_text(re.sub(r"(?m)^title: acme$", "title: Acme Corp rules", text))
    assert load_pack(folder).fingerprint == default_pack().fingerprint  # the case F36 is about
    return folder


def decided(cli, db, pack) -> str:
    result = cli("decide", EXAMPLE_CASE, "--decision", "coach", "--conditions", "Weekly coaching",
                 "--plan-later", "--recorded-by", "Pat Smith", "--pack", pack, "--db", db)
    assert result.returncode == 0, result.stderr
    ref = result.stdout.split()[0]
    for name, role in (("Dana Chief", "decision_maker"), ("Hana Rees", "hr")):
        assert cli("sign", ref, "--name", name, "--role", role, "--db", db).returncode == 0
    return ref


def reviewed(cli, db, ref, *more):
    return cli("review", ref, "--verdict", "continue", "--recorded-by", "Pat Smith",
               "--on", "2027-02-01", "--today", "2027-02-01",
               "--behaviours", "Trades one thing for another", *more, "--db", db)


def test_a_record_of_the_client_pack_replays_the_same_under_it(cli, db, acme):
    ref = decided(cli, db, acme)
    result = cli("replay", ref, "--pack", acme, "--db", db)
    assert result.returncode == 0
    assert f"{ref}: identical assessment under acme@0.1" in result.stdout


def test_the_bundled_default_never_stands_in_for_the_client_pack(cli, db, acme):
    ref = decided(cli, db, acme)
    alone = cli("replay", ref, "--db", db)
    assert alone.returncode == 2 and "DIFFERS" not in alone.stdout
    base = default_pack().label   # default@2.8 as this is written
    assert ("acme@0.1 (fingerprint" in alone.stderr and f"is not available here ({base} has"
            " the same rules but is another pack, so it is not used instead): give its folder"
            " (--pack)") in squash(alone.stderr)
    named = cli("replay", ref, "--pack", "default", "--db", db)
    assert named.returncode == 2 and "DIFFERS" not in named.stdout
    assert (f"{base} has the same rules but is another pack (named default, not acme), so"
            " it cannot stand for it: give the folder of acme@0.1") in squash(named.stderr)


def test_a_review_with_the_client_pack_is_filed_under_it(cli, db, acme):
    ref = decided(cli, db, acme)
    result = reviewed(cli, db, ref, "--pack", acme)
    assert result.returncode == 0, result.stderr
    with open_register(db) as reg:
        review = service.show(reg, result.stdout.split()[0])
    assert review.pack.label == "acme@0.1"
    assert review.pack.layers == [default_pack().label, "acme@0.1"]


def test_a_review_without_the_client_pack_is_refused_and_writes_nothing(cli, db, acme):
    ref = decided(cli, db, acme)
    with open_register(db) as reg:
        before = counts(reg)
    result = reviewed(cli, db, ref)
    assert result.returncode == 2
    assert "acme@0.1" in result.stderr and "give its folder (--pack)" in squash(result.stderr)
    with open_register(db) as reg:
        assert counts(reg) == before


def test_a_review_given_another_pack_is_refused_not_filed_under_the_default(cli, db, acme):
    ref = decided(cli, db, "default")
    with open_register(db) as reg:
        before = counts(reg)
    result = reviewed(cli, db, ref, "--pack", acme)
    assert result.returncode == 2
    assert ("acme@0.1 has the same rules but is another pack (named acme, not default)"
            in squash(result.stderr))
    with open_register(db) as reg:
        assert counts(reg) == before


def test_a_correction_of_a_client_record_keeps_its_pack(cli, db, acme, tmp_path):
    ref = decided(cli, db, acme)
    case = tmp_path / "case.yaml"
    case.write_text(EXAMPLE_CASE.read_text().replace("candidate.digital_years: 2",
                                                     "candidate.digital_years: 1"))
    without = cli("correct", ref, "--reason", "Years were wrong", "--case", case,
                  "--recorded-by", "Pat Smith", "--db", db)
    assert without.returncode == 2 and "acme@0.1" in without.stderr
    given = cli("correct", ref, "--reason", "Years were wrong", "--case", case, "--pack", acme,
                "--recorded-by", "Pat Smith", "--db", db)
    assert given.returncode == 0, given.stderr
    with open_register(db) as reg:
        assert service.show(reg, ref.split("@")[0]).pack.label == "acme@0.1"
