"""What the field encryption remembers in the database itself (thawing/db/fields.py)."""

from __future__ import annotations

from django.db import models


class FieldKeyState(models.Model):
    """What `thawing rotate-key` last finished: every encrypted value then used this envelope.

    One row at most. Once it names version 2, a value that is not a version 2 envelope (plain
    text, or a version 1 envelope bound to its column only) is refused: a database writer can
    no longer plant one. Kept in the database, so every app server sees the same answer.
    """

    envelope_version = models.PositiveSmallIntegerField()
    key_id = models.CharField(max_length=32)
    finished_at = models.DateTimeField()

    class Meta:
        db_table = "thawing_field_keys"

    def __str__(self) -> str:
        return f"Field keys: envelope version {self.envelope_version}"
