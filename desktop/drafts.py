"""The draft being typed, kept in the user data folder so a crash loses nothing. No Qt."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

DRAFT_FILE = "draft.json"


class DraftStore:
    """One current draft: the raw answers as typed and the pack they were typed under."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / DRAFT_FILE

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

    def save(self, answers: dict[str, Any], pack: str | None) -> None:
        """Write atomically (temp file + rename) so a crash mid-write keeps the old draft."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)  # answers about people: owner-only, like the register
        text = json.dumps({"answers": answers, "pack": pack}, indent=1, sort_keys=True)
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
