"""leadfit questions [--json]: the questionnaire, section by section."""

from __future__ import annotations

import json

from leadfit.forms.conditions import Never
from leadfit.cli.commands import HELP


def register(sub) -> None:
    p = sub.add_parser("questions", help=HELP["questions"])
    p.add_argument("--pack", help="rule pack folder or bundled name (its relevance rules apply)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args) -> int:
    from leadfit.rules.authoring.lint import load_or_name_every_problem  # a pack refused: as lint says
    questionnaire = load_or_name_every_problem(args.pack).questionnaire
    if args.json:
        print(json.dumps(_as_data(questionnaire), indent=2, ensure_ascii=False))
        return 0
    for section in questionnaire.sections:
        print(f"\n{section.title}\n{'-' * len(section.title)}")
        for q in section.questions:
            extra = f" [{', '.join(q.informs)}]" if q.informs else ""
            need = "" if q.required else " (optional)"
            print(f"  {q.id}: {q.title}{need}{extra}")
            print(f"      {q.domain_words()}" + ("; or 'not known'" if q.may_be_unknown else "")
                  + ("  (a lever: the organisation can change it)" if q.lever else ""))
            if isinstance(q.ask_if, Never):
                print("      never asked: this pack makes it irrelevant")
            elif q.ask_if is not None:
                print(f"      asked only if {questionnaire.describe(q.ask_if)}")
    return 0


def _as_data(questionnaire) -> dict:
    from leadfit.forms.conditions import to_data
    return {"version": questionnaire.version, "sections": [
        {"id": s.id, "title": s.title, "help": s.help, "questions": [
            {"id": q.id, "title": q.title, "type": q.type, "help": q.help, "required": q.required,
             "informs": list(q.informs), "min": q.min, "max": q.max, "max_length": q.max_length,
             "options": q.options or None, "ask_if": to_data(q.ask_if) if q.ask_if else None,
             "may_be_unknown": q.may_be_unknown, "lever": q.lever}
            for q in s.questions]} for s in questionnaire.sections]}
