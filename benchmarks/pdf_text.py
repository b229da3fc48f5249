"""The longest allowed text in every free field renders fast: layout is linear in length.

    .venv/bin/python benchmarks/pdf_text.py

For each free field of a decision (justification, conditions, a sign-off statement
and dissent, the signer's name) a record with that field at its limit
(decisions/making.py LIMITS), in several kinds of text: words on one line, many
short lines, one unbroken token, CJK (drawn as codes), distinct CJK characters,
Hebrew (flagged right-to-left), ampersands (markup entities). Each is timed
(median of 3) against a record with one-word fields rendered in the same run.
Target: each under 1 s on an idle machine, and within a small factor of the baseline.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from leadfit.decisions import service  # noqa: E402
from leadfit.reports import printing  # noqa: E402
from leadfit.decisions.making import LIMITS  # noqa: E402
from leadfit.decisions.register import open_register  # noqa: E402
from leadfit.forms.case import load_case_file  # noqa: E402
from leadfit.rules.model.library import default_pack  # noqa: E402

KINDS = {
    "words on one line": lambda n: ("steady word " * n)[:n],
    "many short lines": lambda n: ("line of text\n" * n)[:n],
    "one unbroken token": lambda n: "x" * n,
    "CJK, one character": lambda n: "\u6f22" * n,
    "CJK, distinct characters": lambda n: "".join(chr(0x4E00 + i) for i in range(n)),
    "Hebrew": lambda n: ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd " * n)[:n],
    "ampersands": lambda n: "&" * n,
}


FIELDS = ("justification", "conditions", "statement", "dissent", "name")


def record(reg, pack, case, text=lambda n: "x", field=None):
    """A signed-off decision whose ``field`` holds ``text`` at its limit (others one word)."""
    value = {f: (text(LIMITS[f]) if f == field else "x") for f in FIELDS}
    r = service.decide(reg, case, pack, decision="hire_external", again=True,
                       justification=value["justification"], conditions=value["conditions"])
    service.sign(reg, r.ref, name=value["name"].strip() or "A", role="decision_maker",
                 statement=value["statement"], dissent=value["dissent"])
    return r.ref


def seconds(reg, ref) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        printing.render_pdf(reg, ref)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    folder = tempfile.mkdtemp()
    os.environ["LEADFIT_DATA_DIR"] = folder
    pack = default_pack()
    case = load_case_file(ROOT / "forms" / "examples" / "example-case.yaml", pack.questionnaire)
    with open_register(Path(folder) / "bench.sqlite3") as reg:
        base_ref = record(reg, pack, case)
        seconds(reg, base_ref)  # fonts loaded once, as in a running app
        base = seconds(reg, base_ref)
        print(f"baseline (one-word fields): {base * 1000:.0f} ms")
        print(f"{'field at its limit':<34}" + "".join(f"{k[:12]:>14}" for k in KINDS))
        for field in FIELDS:
            cells = []
            for text in KINDS.values():
                took = seconds(reg, record(reg, pack, case, text, field))
                cells.append(f"{took * 1000:6.0f} ms {took / base:4.1f}x")
            print(f"{field + f' ({LIMITS[field]:,} chars)':<34}" + "".join(f"{c:>14}" for c in cells))

if __name__ == "__main__":
    main()
