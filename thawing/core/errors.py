"""The one exception family of Thawing, caught at the edges (views, API, CLI)."""

from __future__ import annotations

from collections.abc import Mapping


class ThawingError(Exception):
    """Something the user can fix or should know about, said kindly in `message`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(ThawingError):
    """Input that cannot be saved as it is; `fields` maps each field to its message."""

    def __init__(self, fields: Mapping[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__(" ".join(self.fields.values()))


class NotFound(ThawingError):
    """A record that does not exist, or belongs to someone else (we never say which)."""


class AlreadySetUp(ThawingError):
    """A second attempt to create the local profile."""


class WrongPassphrase(ThawingError):
    """A passphrase that does not unlock this profile."""


class Locked(ThawingError):
    """The profile needs a passphrase before its data can be read."""


class ContentError(ThawingError):
    """A shipped or user-supplied content file that is malformed; names the file and field."""

    def __init__(self, where: str, field: str, problem: str) -> None:
        self.where = where
        self.field = field
        super().__init__(f"{where}: {field}: {problem}")
