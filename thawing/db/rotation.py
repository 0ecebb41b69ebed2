"""Re-encrypting every encrypted column with the current field key (`thawing rotate-key`).

Every value ends as a current envelope (version 2: sealed to its column and its owner) under
the current key. When a run has gone through every column, that is recorded
(`thawing.db.models.FieldKeyState`): from then on a value that is not a current envelope is
refused, so plain text or an old, owner-less envelope planted in the database is never shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.db.models.functions import Cast
from django.utils import timezone

from thawing.core import fieldcrypt
from thawing.core.errors import ThawingError
from thawing.db.fields import EncryptedTextField, encrypted_fields, keyring, note_rotation_finished


@dataclass
class ColumnCount:
    """What rotation did to one column: values re-encrypted from an older key, an older envelope
    or plaintext, left as they were, and those that could not be opened (left as they were)."""

    column: str
    from_older_key: int = 0
    from_plaintext: int = 0
    from_older_envelope: int = 0
    already_current: int = 0
    empty: int = 0
    unreadable: int = 0
    older_keys: set[str] = field(default_factory=set)
    unreadable_rows: list[object] = field(default_factory=list)


def rotate_field_keys(*, batch_size: int = 500) -> list[ColumnCount]:
    """Every non-empty encrypted value rewritten as a current envelope under the current key.

    A batch per transaction. Values already current are left alone, so an interrupted run can
    simply be run again. A value whose key is missing stops the run with FieldKeyError; the
    batches before it stay committed. A value that does not open with its key (changed, or
    moved from another column or person) is counted, named by row, and left as it is.
    """
    ring = keyring()
    if ring is None:
        raise ThawingError("THAWING_FIELD_KEYS is not set, so there is no key to encrypt with. "
                           "See docs/deploy-keys.md.")
    by_model: dict[type[models.Model], list[EncryptedTextField]] = {}
    for column in encrypted_fields():
        by_model.setdefault(column.model, []).append(column)
    counts = []
    for model, columns in by_model.items():
        found = {c.name: ColumnCount(c.aad) for c in columns}
        after = _rotate_batch(model, columns, ring, found, after=None, size=batch_size)
        while after is not None:
            after = _rotate_batch(model, columns, ring, found, after=after, size=batch_size)
        counts.extend(found.values())
    _record_finished(ring.current)
    return counts


def _record_finished(key_id: str) -> None:
    from thawing.db.models import FieldKeyState

    FieldKeyState.objects.update_or_create(pk=1, defaults={
        "envelope_version": fieldcrypt.VERSION, "key_id": key_id, "finished_at": timezone.now()})
    note_rotation_finished()


def _rotate_batch(model: type[models.Model], columns: list[EncryptedTextField], ring: fieldcrypt.Keyring,
                  found: dict[str, ColumnCount], *, after: object, size: int) -> object:
    """One batch of rows after primary key `after`, locked, rewritten; its last key, None at the end."""
    # Cast to plain text: the stored values as they are, without the field opening them.
    stored = [Cast(c.name, output_field=models.TextField()) for c in columns]
    owner = model._meta.get_field(columns[0].owner).attname
    with transaction.atomic():
        rows = model._base_manager.select_for_update().order_by("pk")
        if after is not None:
            rows = rows.filter(pk__gt=after)
        batch = list(rows.values_list("pk", owner, *stored)[:size])
        updates = []
        for pk, owner_id, *values in batch:
            sealed = [_rotated(value, c, ring, found[c.name], pk=pk, owner=owner_id)
                      for c, value in zip(columns, values, strict=True)]
            if any(value is not None for value in sealed):
                updates.append([value if new is None else new
                                for value, new in zip(values, sealed, strict=True)] + [pk])
        if updates:
            # One prepared UPDATE for every changed row (executemany): far quicker than one each.
            quote, meta = connection.ops.quote_name, model._meta
            assignments = ", ".join(f"{quote(c.column)} = %s" for c in columns)
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {quote(meta.db_table)} SET {assignments} "
                                   f"WHERE {quote(meta.pk.column)} = %s", updates)
    return batch[-1][0] if len(batch) == size else None


def _rotated(value: str | None, column: EncryptedTextField, ring: fieldcrypt.Keyring,
             count: ColumnCount, *, pk: object, owner: object) -> str | None:
    """The value sealed anew under the current key, None when it stays as it is."""
    if not value:
        count.empty += 1
        return None
    envelope = fieldcrypt.parse(value)
    if envelope is None:
        count.from_plaintext += 1
        plain = value
    else:
        if envelope.key_id == ring.current and envelope.version == fieldcrypt.VERSION:
            count.already_current += 1
            return None
        if envelope.key_id not in ring.keys:
            # Stops the run: without that key the value can never be sealed anew.
            raise fieldcrypt.FieldKeyError(
                f"A value in {column.aad} (row {pk}) is encrypted with field key {envelope.key_id!r}, "
                "which is not in THAWING_FIELD_KEYS. Add that key back after the current one (see "
                "docs/deploy-keys.md), then run thawing rotate-key again.")
        try:
            plain = fieldcrypt.decrypt(value, ring.keys, column=column.aad, owner=owner)
        except fieldcrypt.FieldKeyError:
            count.unreadable += 1
            count.unreadable_rows.append(pk)
            return None
        if envelope.key_id != ring.current:
            count.from_older_key += 1
            count.older_keys.add(envelope.key_id)
        else:
            count.from_older_envelope += 1
    return fieldcrypt.encrypt(plain, ring.current, ring.keys[ring.current], column=column.aad, owner=owner)
