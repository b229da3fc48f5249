"""What the window draws in its first frame, read from the bundled data files alone.

The form's sections and questions come from the shipped questionnaire and the words of
what each question informs from the catalogue, both through the parse cache: no
pydantic, no pack, no engine (importing those took half a second before the window
showed). The pack loads right after the first frame; the window keeps this form only
when the pack's questionnaire asks exactly the same (``same_form``), else it builds the
pack's own. Anything odd in the files gives no preview, and the pack is loaded first,
as before, so its problems are reported the usual way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

# What a form row shows of a question (form_page.QuestionRow, fields.AnswerInput).
SHOWN = ("id", "title", "type", "help", "informs", "required", "options", "may_be_unknown")


@dataclass(frozen=True)
class PreviewQuestion:
    id: str
    title: str
    type: str
    help: str = ""
    informs: tuple[str, ...] = ()
    required: bool = True
    options: dict[str, str] = field(default_factory=dict)
    may_be_unknown: bool = False


@dataclass(frozen=True)
class PreviewSection:
    id: str
    title: str
    help: str
    questions: tuple[PreviewQuestion, ...]


@dataclass(frozen=True)
class PreviewQuestionnaire:
    sections: tuple[PreviewSection, ...]

    @property
    def questions(self) -> dict[str, PreviewQuestion]:
        return {q.id: q for s in self.sections for q in s.questions}


@dataclass(frozen=True)
class PreviewCatalogue:
    titles: dict[str, str]

    def title(self, item_id: str) -> str:
        return self.titles.get(item_id, item_id)


def _data(package: str, name: str) -> Any:
    from leadfit.yamlsafe import load_file
    with resources.as_file(resources.files(package).joinpath(name)) as path:
        return load_file(Path(path), name, cached=True).data


def preview() -> tuple[PreviewQuestionnaire, PreviewCatalogue] | None:
    """The shipped questionnaire and catalogue titles, or None when they do not read."""
    try:
        form, catalogue = _data("leadfit.forms", "questionnaire.yaml"), _data("leadfit.rules", "catalogue.yaml")
        unknown = set(form.get("not_known") or ())
        sections = tuple(PreviewSection(s["id"], s["title"], s.get("help", ""), tuple(
            PreviewQuestion(q["id"], q["title"], q["type"], q.get("help", ""),
                            tuple(q.get("informs") or ()), q.get("required", True),
                            dict(q.get("options") or {}), q["id"] in unknown)
            for q in s["questions"])) for s in form["sections"])
        titles = {code: entry["title"] for kind in catalogue.values() for code, entry in kind.items()}
        # the bundled pack may reword a catalogue title (2.9: P5), and the form shows its words
        reworded = _data("leadfit.rules", "packs/default/pack.yaml").get("wording") or {}
        titles |= {code: words["title"] for code, words in reworded.items() if words.get("title")}
        return PreviewQuestionnaire(sections), PreviewCatalogue(titles)
    except Exception:  # noqa: BLE001 - any surprise: no preview; the pack's loading says what is wrong
        return None


def shown_sections(q) -> list:
    """What a form built from a questionnaire shows: its sections and each question's words."""
    return [(s.id, s.title, s.help, [tuple(getattr(x, n) for n in SHOWN) for x in s.questions])
            for s in q.sections]


def same_form(preview: tuple[PreviewQuestionnaire, PreviewCatalogue], pack) -> bool:
    """Whether a form built from the preview shows what one built from the pack would."""
    shown, shown_titles = preview
    questionnaire, catalogue = pack.questionnaire, pack.catalogue
    codes = {code for s in shown.sections for q in s.questions for code in q.informs}
    return shown_sections(shown) == shown_sections(questionnaire) and all(
        shown_titles.title(code) == catalogue.title(code) for code in codes)
