"""Model fields whose text is encrypted in the database when THAWING_FIELD_KEYS is set.

Values are sealed with the keyring's current key on the way in (format: the top of
`thawing/core/fieldcrypt.py`) and opened on the way out, so models, services and views see
plain text. The empty string stays empty, so "has a note" filters keep working and an empty
field costs nothing. A column can only be filtered by emptiness while encryption is on: any
other lookup on ciphertext would silently find nothing, so it raises instead.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from django.core import validators
from django.core.exceptions import FieldError
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Lookup

from thawing import conf
from thawing.core import fieldcrypt
from thawing.core.fieldcrypt import Keyring

ENV = "THAWING_FIELD_KEYS"


@functools.lru_cache(maxsize=4)
def _parsed(raw: str) -> Keyring | None:
    return conf.parse_field_keys(raw, ENV)


def keyring() -> Keyring | None:
    """The field keys from the environment, None when field encryption is off."""
    return _parsed(os.environ.get(ENV, ""))


def encryption_on() -> bool:
    return keyring() is not None


# Parsed once at start-up too, so a mistyped key stops the server before it writes anything.
keyring()


def encrypted_fields() -> list[EncryptedTextField]:
    """Every encrypted column of every installed model, in a stable order."""
    from django.apps import apps

    return [field for model in apps.get_models() for field in model._meta.concrete_fields
            if isinstance(field, EncryptedTextField)]


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A TextField stored as a "tenc1:" envelope when field keys are configured."""

    @property
    def aad(self) -> str:
        """The column identity sealed into every value, like "journal_entry.body"."""
        return f"{self.model._meta.db_table}.{self.column}"

    def get_db_prep_save(self, value: Any, connection: BaseDatabaseWrapper) -> Any:
        if hasattr(value, "as_sql"):
            # An expression (bulk_update's CASE): its values come back here one by one.
            return value
        value = self.get_prep_value(value)
        ring = keyring()
        if ring is None or not value:
            return value
        return fieldcrypt.encrypt(value, ring.current, ring.keys[ring.current], self.aad)

    def from_db_value(self, value: str | None, expression: Any,
                      connection: BaseDatabaseWrapper) -> str | None:
        if not value or not fieldcrypt.is_encrypted(value):
            return value
        ring = keyring()
        return fieldcrypt.decrypt(value, ring.keys if ring else {}, self.aad)

    def get_lookup(self, lookup_name: str) -> type[Lookup[Any]] | None:
        lookup = super().get_lookup(lookup_name)
        if lookup is None or lookup_name == "isnull":
            return lookup
        return _guarded(lookup)


class EncryptedCharField(EncryptedTextField):
    """An encrypted CharField: a text column (ciphertext is longer), `max_length` kept for the plaintext."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(validators.MaxLengthValidator(self.max_length))


@functools.cache
def _guarded(lookup: type[Lookup[Any]]) -> type[Lookup[Any]]:
    """`lookup` refusing to run on ciphertext, except an exact match on the empty string."""

    class Guarded(lookup):  # type: ignore[valid-type,misc]
        def as_sql(self, compiler: Any, connection: BaseDatabaseWrapper) -> Any:
            if encryption_on() and not (self.lookup_name == "exact" and self.rhs == ""):
                raise FieldError(
                    f"{self.lhs.output_field.aad} is encrypted: filter on it in Python, not with "
                    f"__{self.lookup_name} in the database.")
            return super().as_sql(compiler, connection)

    Guarded.__name__ = Guarded.__qualname__ = f"Guarded{lookup.__name__}"
    return Guarded
