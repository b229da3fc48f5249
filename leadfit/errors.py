"""One exception root for everything LeadFit reports to a person."""

from __future__ import annotations

from leadfit.frozen import frozen


@frozen
class Problem:
    """One thing wrong with an input, said where it is."""

    message: str
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where = f"{self.file}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class LeadFitError(Exception):
    """Root of every error LeadFit shows to a user instead of a traceback."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(problems)]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(LeadFitError):
    """Case answers or command arguments that cannot be accepted."""


class PackError(LeadFitError):
    """A rule pack (or questionnaire file) that cannot be loaded. ``salvaged``: the pack made
    of its sound parts, where it could be made, so that lint checks them in the same run."""

    salvaged: object = None
    # a YAML file read past its node-level problems (a refused tag, a repeated key): the
    # file as read without those nodes (a LocatedData), so its other problems are named too
    partial: object = None


class EngineError(LeadFitError):
    """The rules engine failed while evaluating; never the user's fault."""

    exit_code = 4
