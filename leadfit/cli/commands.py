"""The ``leadfit`` commands: each one's module under leadfit/cli/ and its one-line help.

Kept apart from the modules so that ``leadfit --help`` lists every command without
importing any (the register's database layer, the PDF toolkit, the rule engine).
"""

from __future__ import annotations

# command -> (module under leadfit/cli/, with register(subparsers); help shown in the list)
COMMANDS = {
    "questions": ("questions", "show the questionnaire"),
    "evaluate": ("evaluate", "assess one case and explain the recommendation"),
    "pack": ("pack", "test, lint or fingerprint a rule pack"),
    "decide": ("decide", "record a decision on a case (then: leadfit sign)"),
    "submit": ("submit", "send a draft decision (decide --draft) for sign-off"),
    "sign": ("sign", "sign a decision record in one role"),
    "correct": ("correct", "correct a record: a new version supersedes it"),
    "register": ("register_cmd", "list, show or export decision records"),
    "report": ("report", "write a record's PDF rationale"),
    "verify": ("verify", "check the register and its audit chain for changes"),
    "replay": ("replay", "re-evaluate a record's answers with its stored pack"),
    "withdraw": ("withdraw", "withdraw a record awaiting sign-off (it stays, marked)"),
    "review": ("review", "review a coached appointment: continue, extend, or bring in a PD"),
    "compare": ("compare", "compare two to six candidates for one stream (PDF)"),
    "portfolio": ("portfolio", "every stream's current lead, readiness, risk and review"),
}
HELP = {command: words for command, (_module, words) in COMMANDS.items()}
