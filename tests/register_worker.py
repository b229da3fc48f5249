"""A separate LeadFit process writing to a register (run by the concurrency tests).

python tests/register_worker.py URL MODE COUNT [START_FILE]
  sign:  COUNT times decide + sign twice
  hang:  start one decision, announce INSIDE mid-transaction, then sleep (to be killed)
  loop:  decide and sign forever (to be killed at a random moment)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leadfit.decisions import audit, service, store
from leadfit.decisions.register import open_register
from tests.decisions_support import decide_coach


def main(url: str, mode: str, count: int, start: str | None) -> None:
    reg = open_register(url)
    print("READY", flush=True)
    while start and not Path(start).exists():
        time.sleep(0.005)
    if mode == "hang":
        real_append = audit.append

        def append_then_hang(conn, facts, key=None, at=None):
            digest = real_append(conn, facts, key, at)
            print("INSIDE", flush=True)       # the record row and its entry are written...
            time.sleep(120)                   # ...but the transaction is not committed
            return digest

        store.audit.append = append_then_hang
        decide_coach(reg, again=True)
        return
    i = 0
    while mode == "loop" or i < count:
        record = decide_coach(reg, again=True)  # the same case, decided again on purpose
        service.sign(reg, record.ref, name=f"Signer {i}", role="decision_maker")
        service.sign(reg, record.ref, name=f"Hr {i}", role="hr")
        i += 1
        print(f"DONE {i}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else None)
