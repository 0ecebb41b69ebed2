"""Re-encrypting every encrypted column with the current field key (`thawing rotate-key`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.db.models.functions import Cast

from thawing.core import fieldcrypt
from thawing.core.errors import ThawingError
from thawing.db.fields import EncryptedTextField, encrypted_fields, keyring


@dataclass
class ColumnCount:
    """What rotation did to one column: values re-encrypted from an older key or from plaintext."""

    column: str
    from_older_key: int = 0
    from_plaintext: int = 0
    already_current: int = 0
    empty: int = 0
    older_keys: set[str] = field(default_factory=set)


def rotate_field_keys(*, batch_size: int = 500) -> list[ColumnCount]:
    """Every non-empty encrypted value rewritten under the current key, a batch per transaction.

    Values already under the current key are left alone, so an interrupted run can simply be
    run again. A value whose key is missing stops the run with FieldKeyError; the batches
    before it stay committed.
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
    return counts


def _rotate_batch(model: type[models.Model], columns: list[EncryptedTextField], ring: fieldcrypt.Keyring,
                  found: dict[str, ColumnCount], *, after: object, size: int) -> object:
    """One batch of rows after primary key `after`, locked, rewritten; its last key, None at the end."""
    stored = [Cast(c.name, output_field=models.TextField()) for c in columns]
    with transaction.atomic():
        rows = model._base_manager.select_for_update().order_by("pk")
        if after is not None:
            rows = rows.filter(pk__gt=after)
        batch = list(rows.values_list("pk", *stored)[:size])
        updates = []
        for pk, *values in batch:
            plain = [_rotated(value, c, ring, found[c.name])
                     for c, value in zip(columns, values, strict=True)]
            if any(text is not None for text in plain):
                updates.append([value if text is None else c.get_db_prep_save(text, connection)
                                for c, value, text in zip(columns, values, plain, strict=True)] + [pk])
        if updates:
            # One prepared UPDATE for every changed row (executemany): far quicker than one each.
            quote, meta = connection.ops.quote_name, model._meta
            assignments = ", ".join(f"{quote(c.column)} = %s" for c in columns)
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {quote(meta.db_table)} SET {assignments} "
                                   f"WHERE {quote(meta.pk.column)} = %s", updates)
    return batch[-1][0] if len(batch) == size else None


def _rotated(value: str | None, column: EncryptedTextField, ring: fieldcrypt.Keyring,
             count: ColumnCount) -> str | None:
    """The plaintext to write again under the current key, None when the value can stay."""
    if not value:
        count.empty += 1
        return None
    key_id = fieldcrypt.key_id_of(value)
    if key_id == ring.current:
        count.already_current += 1
        return None
    if key_id is None:
        count.from_plaintext += 1
    else:
        count.from_older_key += 1
        count.older_keys.add(key_id)
    return fieldcrypt.decrypt(value, ring.keys, column.aad)
