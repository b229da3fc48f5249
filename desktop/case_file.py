"""The case as a named file on disk: its title, open, save and export, and what saving
keeps. Part of the CaseController (a mixin: the answers and the pack are the controller's).
No Qt."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadfit.desktop.typed import as_typed_text, typed_input
from leadfit.errors import LeadFitError
from leadfit.files import atomic_write
from leadfit.forms.migrate import guess_version, migrate_answers

if TYPE_CHECKING:
    from leadfit.desktop.controller import CaseView
    from leadfit.forms.case import Case
    from leadfit.rules.model.pack import Pack


class CaseFile:
    """What the controller holds that a case file needs (set in CaseController.__init__)."""

    view: CaseView
    pack: Pack
    raw: dict[str, Any]
    case_path: Path | None
    saved_raw: dict[str, Any]
    undo_stack: list[dict[str, Any]]
    redo_stack: list[dict[str, Any]]

    if TYPE_CHECKING:  # the controller's own, for the type checker only
        def case(self) -> Case: ...  # noqa: E704 - the controller's
        def _load_answers(self, raw: dict[str, Any], assess: bool = True) -> None: ...  # noqa: E704
        def _save_draft(self) -> None: ...  # noqa: E704

    @property
    def modified(self) -> bool:
        """Answers typed since the case was last opened or saved (or ever, if never)."""
        return self.raw != self.saved_raw

    def title(self) -> str:
        """'Alex Morgan for Home buying journey': what the title bar names."""
        candidate = str(self.raw.get("candidate.name") or "").strip()
        stream = str(self.raw.get("stream.name") or "").strip()
        if candidate and stream:
            return f"{candidate} for {stream}"
        return candidate or stream or (self.case_path.stem if self.case_path else "New case")

    def open_case(self, path: Path) -> bool:
        """Load a case file (as written by save_case or `leadfit evaluate` reads)."""
        from leadfit.yamlsafe import load_file
        try:
            data = load_file(Path(path)).data
        except (LeadFitError, OSError) as exc:
            problems = getattr(exc, "problems", None) or [getattr(exc, "strerror", None) or exc]
            self.view.show_problems(f"{Path(path).name} cannot be opened",
                                    [str(p) for p in problems])
            return False
        answers = data.get("answers") if isinstance(data, dict) else None
        if not isinstance(answers, dict):
            self.view.show_problems(f"{Path(path).name} cannot be opened",
                                    ["it has no 'answers' section: it is not a case file"])
            return False
        raw = {str(k): as_typed_text(v) for k, v in answers.items() if v is not None}
        self.case_path, self.undo_stack, self.redo_stack = Path(path), [], []
        self._load_answers(raw)
        self.saved_raw = dict(self.raw)
        self._show_title()
        return True

    def save_case(self, path: Path | None = None) -> Path | None:
        path = Path(path or self.case_path)
        self._write_answers(path, self.kept_answers())
        self.case_path, self.saved_raw = path, dict(self.raw)
        self._save_draft()
        self._show_title()
        return path

    def _show_title(self) -> None:
        self.view.show_title(self.title(), self.modified)

    def export_case(self, path: Path) -> None:
        """Write the valid answers as a case file that ``leadfit evaluate`` reads."""
        self._write_answers(path, self.case().to_data())

    def kept_answers(self) -> dict[str, Any]:
        """What saving the case keeps: every answer on screen, a mistaken one as typed (to be
        corrected, never dropped: saving wrote the valid answers alone, and a file opened with
        a typo lost it), and the answers of the file it came from to questions this
        questionnaire does not ask, as that file had them."""
        questions = self.pack.questionnaire.questions
        kept = {**self.not_asked_in_file(), **self.case().to_data()}
        for qid, raw in self.raw.items():
            kept.setdefault(qid, typed_input(questions[qid], raw))
        return dict(sorted(kept.items()))

    def not_asked_in_file(self) -> dict[str, Any]:
        """The case file's answers to questions the form does not show (read again: the
        file is where they live; one unreadable now has none to keep)."""
        from leadfit.yamlsafe import load_file
        if self.case_path is None:
            return {}
        try:
            data = load_file(self.case_path).data
        except (LeadFitError, OSError):
            return {}
        answers = data.get("answers") if isinstance(data, dict) else None
        if not isinstance(answers, dict):
            return {}
        raw = {str(k): as_typed_text(v) for k, v in answers.items() if v is not None}
        target = self.pack.questionnaire.version
        moved = migrate_answers(raw, min(guess_version(raw), target), target)
        shown = {q.id for q in self.pack.questionnaire.asked}
        return {k: answers.get(k, v) for k, v in moved.items() if k not in shown}

    def _write_answers(self, path: Path, answers: dict[str, Any]) -> None:
        import yaml  # here: the window's start needs no YAML (the pack comes from its cache)
        text = yaml.safe_dump({"questionnaire": self.pack.questionnaire.version,
                               "answers": answers}, sort_keys=False, allow_unicode=True)
        with atomic_write(path, "w", encoding="utf-8") as fh:
            fh.write(text)
