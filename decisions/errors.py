"""Errors of the decisions layer (exit 2: invalid input, nothing written; exit 1: a record
failed its integrity check)."""

from __future__ import annotations

from leadfit.errors import LeadFitError


class DecisionError(LeadFitError):
    """A decision, sign-off or correction that cannot be accepted."""


class RecordNotFound(DecisionError):
    """No record in the register with that reference."""


class SignedVersionStands(DecisionError):
    """A correction of a signed version cannot be withdrawn: the signed version would stay
    superseded by a version that never stands, so nothing would stand. Correct again instead."""


class RegisterError(LeadFitError):
    """The register cannot be opened, read or written."""


def damaged_register(path: object, detail: str, *, maybe_not_one: bool = False) -> str:
    """The words for a register file SQLite cannot read (``maybe_not_one``: it is no SQLite
    file at all, so perhaps the wrong file was named): what is wrong, that nothing was
    written, and how to restore it. LeadFit keeps no copy of the register itself."""
    what = (f"{path} is not a LeadFit register, or the register file is damaged" if maybe_not_one
            else f"the register file {path} is damaged")
    return (f"{what}, so it cannot be read (SQLite: {detail}); nothing was written to it."
            + (" If it is the register, restore it" if maybe_not_one else " To restore it")
            + ": close LeadFit, move the damaged file aside (keep it for whoever looks after"
            f" your computers) and copy your latest backup to {path}. LeadFit makes no backup"
            f" by itself (make one with: sqlite3 {path} \"VACUUM INTO 'backup.sqlite3'\")."
            " A restored register lacks what was recorded after its backup: leadfit verify then"
            " names the witness file that remembers more, and moving that file aside accepts"
            " the restored register on this computer.")


class NoRegister(RegisterError):
    """A reading command named a register that does not exist (nothing is created)."""


class IncompleteCase(DecisionError):
    """The case lacks answers the pack needs: no recommendation to decide on."""

    exit_code = 3


class RecordAltered(LeadFitError):
    """A stored record no longer matches its hash or its audit entry: changed
    outside LeadFit. Exit 1, like a failed ``leadfit verify``."""

    exit_code = 1
