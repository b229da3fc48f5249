"""The draft being typed, kept in the user data folder so a crash loses nothing. No Qt."""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

DRAFT_FILE = "draft.json"


try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: one draft per folder, unguarded
    fcntl = None


class DraftStore:
    """One current draft: the raw answers as typed and the pack they were typed under.

    Each open window holds a lock on its own draft file, so a second window never
    writes over the first one's draft: it takes draft-2.json, and so on.
    """

    def __init__(self, folder: Path, claim: bool = False):
        self.folder = Path(folder)
        self.path = self.folder / DRAFT_FILE
        self._lock = None
        if claim:
            self._claim()

    def _claim(self) -> None:
        if fcntl is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # saving will say why; the window still opens
        for n in range(1, 100):
            path = self.folder / (DRAFT_FILE if n == 1 else f"draft-{n}.json")
            handle = open(path.with_suffix(".lock"), "a")  # noqa: SIM115 - held while open
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                continue
            self.path, self._lock = path, handle
            return

    def release(self) -> None:
        if self._lock is not None:
            with suppress(OSError):
                self._lock.close()
            self._lock = None

    def load(self) -> dict[str, Any] | None:
        """The saved draft, or None. A damaged file is set aside, never fatal."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self._set_aside()
            return None
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
            self._set_aside()
            return None
        return data

    def save(self, answers: dict[str, Any], pack: str | None, case: Path | None = None,
             saved: dict[str, Any] | None = None) -> None:
        """Write atomically (temp file + rename) so a crash mid-write keeps the old draft.
        ``case`` is the named case file, ``saved`` its answers as last saved."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)  # answers about people: owner-only, like the register
        data = {"answers": answers, "pack": pack}
        if case is not None:
            data.update(case=str(case), saved=saved or {})
        text = json.dumps(data, indent=1, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".draft-", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def _set_aside(self) -> None:
        try:
            os.replace(self.path, self.path.with_suffix(".damaged.json"))
        except OSError:
            pass
