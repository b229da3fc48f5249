"""The rule pack the case is assessed with: restored from the last session, chosen, read
again; one that fails or hangs is refused and the one in use stays. Part of the
CaseController (a mixin). No Qt."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadfit.desktop import pack_watchdog
from leadfit.errors import LeadFitError

if TYPE_CHECKING:
    from leadfit.desktop.controller import CaseView
    from leadfit.rules.model.pack import Pack


def in_folder(source, problems: list[str]) -> list[str]:
    """Problems of a pack folder named by file (rules.yaml:12), as the title names the folder:
    its full path on every line made the list too long to read."""
    if not source or not Path(str(source)).is_dir():
        return problems
    folder = str(Path(str(source)).expanduser()).rstrip("/\\") + os.sep
    return [p.removeprefix(folder) for p in problems]



class ActivePack:
    """What the controller holds that choosing a pack needs (set in CaseController.__init__)."""

    view: CaseView
    pack: Pack
    pack_source: str | None
    raw: dict[str, Any]

    if TYPE_CHECKING:  # the controller's own, for the type checker only
        def _load_answers(self, raw: dict[str, Any], assess: bool = True) -> None: ...  # noqa: E704

    def _restore_pack(self, source: str) -> bool:
        """The pack used last time; if it is gone, fails or hangs, say so and that the
        default is used (a folder is tried first in a child process, with a time limit)."""
        stopped = pack_watchdog.trial(source) if pack_watchdog.needs_trial(source) else []
        if stopped:
            self.view.show_problems(
                f"The rule pack used last time cannot be used, so the default pack is used"
                f" instead: {source}", in_folder(source, stopped))
            return False
        from leadfit.rules.authoring.lint import load_or_name_every_problem  # as pack lint says
        try:
            pack = load_or_name_every_problem(source)
        except LeadFitError as exc:
            self.view.show_problems(
                f"The rule pack used last time is not available, so the default pack is used"
                f" instead: {source}", in_folder(source, [str(p) for p in exc.problems]))
            return False
        self.pack, self.pack_source = pack, str(source)
        return True

    def reload_pack(self) -> bool:
        """Read the active pack's folder again (a consultant edited it); kept if it now fails."""
        return self.choose_pack(self.pack_source)

    def choose_pack(self, source: str | Path | None, refresh: bool = True) -> bool:
        """Switch pack; a pack that cannot load or evaluate is refused and the old one stays
        (at start: the default pack, so a draft naming a broken pack never blocks the window)."""
        from leadfit.rules.authoring.lint import load_or_name_every_problem  # as pack lint says
        from leadfit.rules.runtime.switching import switch_pack
        stopped = pack_watchdog.trial(source) if pack_watchdog.needs_trial(source) else []
        pack, problems = (self.pack, stopped) if stopped else switch_pack(
            self.pack, source, load=load_or_name_every_problem)
        if problems:
            self.view.show_problems(f"This rule pack cannot be used: {source}",
                                    in_folder(source, [str(p) for p in problems]))
            return False
        self.pack, self.pack_source = pack, (str(source) if source else None)
        self.view.show_pack(pack)
        if refresh:
            self._load_answers(dict(self.raw))
        return True

