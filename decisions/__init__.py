"""What we decide: decision records, the register, the audit chain, the PDF rationale.

Front-ends call :mod:`leadfit.decisions.service` (see docs/decisions-api.md).
No Qt here.
"""
