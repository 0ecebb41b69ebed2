"""Translatable messages without Django: core marks them, the edges translate them.

`msg("Mood is %(low)s to %(high)s.", low=1, high=10)` is an English string that also
remembers its template, so a view can render it with Django's `gettext`. The extractor
finds templates through the `msg` keyword (`makemessages --keyword=msg`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Message(str):
    """An English message that keeps its template and parameters for translation."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        self = super().__new__(cls, template % params if params else template)
        self.template = template
        self.params = params
        return self

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The message in the active language, falling back to English.

        Parameters that are messages themselves (a field's label) are translated too.
        """
        text = gettext(self.template)
        if not self.params:
            return text
        params = {key: value.translated(gettext) if isinstance(value, Message) else value
                  for key, value in self.params.items()}
        return text % params


def joined(messages: list[Message]) -> Message:
    """Several messages shown together; each stays translatable on its own."""
    if len(messages) == 1:
        return messages[0]
    template = " ".join(f"%(part{i})s" for i in range(len(messages)))
    return Message(template, **{f"part{i}": m for i, m in enumerate(messages)})


def msg(template: str, **params: Any) -> Message:
    """Mark a user-facing sentence in core for translation."""
    return Message(template, **params)
