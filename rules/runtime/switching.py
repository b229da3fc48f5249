"""Changing the active pack: the one way every front-end does it."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from leadfit.errors import LeadFitError, Problem
from leadfit.forms.case import build_case
from leadfit.rules.model.library import resolve_pack
from leadfit.rules.model.pack import Pack
from leadfit.rules.runtime.assess import evaluate


def switch_pack(current: Pack, target: str | Path | None,
                load: Callable[[str | Path | None], Pack] = resolve_pack) -> tuple[Pack, list[Problem]]:
    """The pack ``target`` names, or ``current`` with every problem if it cannot be loaded.

    What every front-end calls to change the active pack: a malformed pack, or one
    that cannot be evaluated, is refused with all its problems and the previous pack
    stays in use. ``load``: a front-end passes authoring's lint.load_or_name_every_problem
    (the runtime may not import it) so the refusal lists what `pack lint` lists.
    """
    try:
        pack = load(target)
        # Evaluated once before it becomes active (and is saved in a draft): a pack the
        # engine cannot run is refused here, so no later start trips on it.
        evaluate(build_case({}, pack.questionnaire, source="pack check"), pack)
        return pack, []
    except LeadFitError as exc:
        return current, list(exc.problems)
