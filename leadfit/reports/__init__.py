"""Presentation of the core's results as documents: the signed rationale PDF and the pack's PDF.

Above decisions and rules, below the front-ends; the core (forms, rules, decisions) never
imports it (an import-linter contract proves it)."""
