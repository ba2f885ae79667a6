"""The one error every reader raises, so callers catch a single type and print one line."""

from __future__ import annotations


class InputError(Exception):
    """A file (or record) that cannot be read; str(e) is one line: "<path>: <reason>"."""

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = " ".join(str(reason).split())  # one line, whatever the cause said
        super().__init__(f"{self.path}: {self.reason}")
