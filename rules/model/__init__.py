"""What a rule pack and an assessment are, and the one loader that builds a pack from its files.

Imports neither rules.runtime nor rules.authoring (an import-linter contract proves it)."""
