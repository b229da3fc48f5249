"""Times one evaluation per request, in whichever LeadFit its Python imports.

``benchmarks/evaluate.py --before PYTHON`` starts this under another venv (say,
the code at an earlier commit) so before and after are timed case by case in
one run. Protocol: a JSON list of answer sets (dates tagged) on stdin, then one case index
per line; it answers each with the seconds that evaluation took (``nan`` when
that code refuses the case). Only APIs every version has are used.
"""

from __future__ import annotations

import importlib
import json
from datetime import date
import sys
import time


def main() -> None:
    from leadfit.forms.case import build_case
    try:  # module paths by name: a LeadFit from before rules/ was split has them flat
        assess, library = (importlib.import_module(f"leadfit.rules.{m}")
                           for m in ("runtime.assess", "model.library"))
    except ImportError:
        assess, library = (importlib.import_module(f"leadfit.rules.{m}") for m in ("assess", "library"))
    evaluate, default_pack = assess.evaluate, library.default_pack

    pack = default_pack()
    size = int(sys.stdin.buffer.readline())
    answer_sets = json.loads(sys.stdin.buffer.read(size),   # data only, never pickle
                             object_hook=lambda o: date.fromisoformat(o["__date__"]) if "__date__" in o else o)
    cases = []
    for answers in answer_sets:
        try:
            cases.append(build_case(answers, pack.questionnaire))
        except Exception:  # a case this version's questionnaire refuses
            cases.append(None)
    evaluate(next(c for c in cases if c is not None), pack)  # compiled and registered, as in an app
    print("ready", flush=True)
    for line in sys.stdin:
        case = cases[int(line)]
        if case is None:
            print("nan", flush=True)
            continue
        start = time.perf_counter()
        evaluate(case, pack)
        print(repr(time.perf_counter() - start), flush=True)


if __name__ == "__main__":
    main()
