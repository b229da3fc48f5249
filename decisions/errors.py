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


class NoRegister(RegisterError):
    """A reading command named a register that does not exist (nothing is created)."""


class IncompleteCase(DecisionError):
    """The case lacks answers the pack needs: no recommendation to decide on."""

    exit_code = 3


class RecordAltered(LeadFitError):
    """A stored record no longer matches its hash or its audit entry: changed
    outside LeadFit. Exit 1, like a failed ``leadfit verify``."""

    exit_code = 1
