"""The start benchmark's stand-in for the system keyring: the profile's secrets kept in a
plain JSON file, so that a new process opens the profile signed in with its data, as a
member's laptop does after a restart. For measuring only; never for a member's secrets.
"""

from __future__ import annotations

import json
from pathlib import Path


class KeptSecrets:
    description = "a plain file, for the start benchmark only"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}

    def get(self, name: str) -> str | None:
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        self._values[name] = value
        self.path.write_text(json.dumps(self._values))

    def delete(self, name: str) -> None:
        self._values.pop(name, None)
        self.path.write_text(json.dumps(self._values))
