"""Deciding a case: the engine adapter, the matching seam, evaluation, judgement, unknowns and
what would change it. Imports the model, never rules.authoring (an import-linter contract)."""
