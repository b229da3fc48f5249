"""Errors of the decisions layer (all exit 2: invalid input, nothing written)."""

from __future__ import annotations

from leadfit.errors import LeadFitError


class DecisionError(LeadFitError):
    """A decision, sign-off or correction that cannot be accepted."""


class RecordNotFound(DecisionError):
    """No record in the register with that reference."""


class RegisterError(LeadFitError):
    """The register cannot be opened, read or written."""


class IncompleteCase(DecisionError):
    """The case lacks answers the pack needs: no recommendation to decide on."""

    exit_code = 3
