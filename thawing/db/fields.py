"""Model fields whose text is encrypted in the database when THAWING_FIELD_KEYS is set.

Values are sealed with the keyring's current key on the way in (format: the top of
`thawing/core/fieldcrypt.py`) and opened on the way out, so models, services and views see
plain text. The empty string stays empty, so "has a note" filters keep working and an empty
field costs nothing. A column can only be filtered by emptiness while encryption is on: any
other lookup on ciphertext would silently find nothing, so it raises instead.

Each value is sealed to its column and to its owner, the row's `user`. Writing knows the row
(`pre_save`); reading does not (`from_db_value` sees one value), so wherever an encrypted column
is selected, by a model query, `values()` or `values_list()`, the owner's id is selected with it
in the same expression (`OwnedCol.select_format`: `CAST(user_id AS TEXT) || ':' || body`) and
taken off again here. A value therefore opens only in its owner's row. `QuerySet.update()` and
`bulk_update()` have no row to take an owner from, so they are refused while encryption is on;
`raw()` queries of these models are not supported.

Without field keys nothing is ever decrypted: text is shown as it was stored, even if it looks
like an envelope (local mode, and anything imported). With field keys, a value that cannot be
opened (its key is missing, it was changed, moved from another column or another person's row,
or it is plain text or a version 1 envelope after `thawing rotate-key` has run) is shown as a
placeholder (`is_unreadable`) and named, without its text, in the log: a page, an export or a
delete never fails on it.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from typing import Any

from django.core import validators
from django.core.exceptions import FieldError
from django.db import DatabaseError, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Lookup
from django.db.models.expressions import Col
from django.utils.translation import gettext

from thawing import conf
from thawing.core import fieldcrypt
from thawing.core.fieldcrypt import FieldKeyError, Keyring

ENV = "THAWING_FIELD_KEYS"
# How long a server trusts "rotate-key has not finished yet" before asking the database again.
RECHECK_SECONDS = 60.0

log = logging.getLogger("thawing.fieldkeys")


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


# --- Whether every value must be a current envelope ------------------------------------------

_required: tuple[bool, float] | None = None
# The problems this process has logged (each once): column and key id, never text.
_told: set[str] = set()


def envelopes_required() -> bool:
    """True once `thawing rotate-key` has finished sealing every value to its owner (version 2).

    Asked only for a value that is not a current envelope, and remembered: "yes" for good,
    "not yet" for RECHECK_SECONDS, so servers see a finished rotation within a minute."""
    global _required
    now = time.monotonic()
    if _required is not None and (_required[0] or now - _required[1] < RECHECK_SECONDS):
        return _required[0]
    from thawing.db.models import FieldKeyState

    try:
        # A savepoint: before its migration has run the table is missing, which is "not yet".
        with transaction.atomic():
            found = FieldKeyState.objects.filter(envelope_version__gte=fieldcrypt.VERSION).exists()
    except DatabaseError:
        found = False
    _required = (found, now)
    return found


def note_rotation_finished() -> None:
    """Take "yes" as the answer from now on, without asking (rotate-key has just recorded it)."""
    global _required
    _required = (True, time.monotonic())


def forget_process_state() -> None:
    """Forget what this process remembers: the answer above and which problems it has logged."""
    global _required
    _required = None
    _told.clear()


# --- Sealing and opening one value -------------------------------------------------------------

class Unreadable(str):
    """The placeholder shown for a value that cannot be opened.

    It keeps the stored value, so saving its row again writes that back unchanged: restoring a
    missing key later still recovers the text."""

    stored: str

    def __new__(cls, stored: str) -> Unreadable:
        self = super().__new__(cls, gettext("[This text can\u2019t be read with the current keys.]"))
        self.stored = stored
        return self


def is_unreadable(value: object) -> bool:
    """True for the placeholder of a value that could not be opened."""
    return isinstance(value, Unreadable)


def seal_value(text: str, *, column: str, owner: object) -> str:
    """`text` sealed to `column` and `owner` under the current key; as it is without field keys."""
    ring = keyring()
    if ring is None or not text:
        return text
    return fieldcrypt.encrypt(text, ring.current, ring.keys[ring.current], column=column, owner=owner)


def open_value(stored: str, *, column: str, owner: object) -> str:
    """The plaintext of `stored`; FieldKeyError if it cannot be opened. As it is without field keys.

    Plain text (written before field keys were set) and version 1 envelopes are accepted only
    until rotate-key has finished."""
    ring = keyring()
    if ring is None or not stored:
        return stored
    envelope = fieldcrypt.parse(stored)
    if (envelope is None or envelope.version < fieldcrypt.VERSION) and envelopes_required():
        raise FieldKeyError(
            f"A value in {column} is not sealed to its owner, and thawing rotate-key has sealed every "
            "value since: it was written into the database from outside Thawing.")
    return fieldcrypt.decrypt(stored, ring.keys, column=column, owner=owner)


def _placeholder(stored: str, error: FieldKeyError) -> Unreadable:
    # Once per process and problem: the message names the column and the key id, never text.
    if error.message not in _told and len(_told) < 1000:
        _told.add(error.message)
        log.warning("%s", error.message)
    return Unreadable(stored)


class _Sealed(str):
    """A value `pre_save` has already sealed (or an unreadable one to write back as it was)."""


# --- The fields ----------------------------------------------------------------------------------

OWNER_SEPARATOR = ":"


class OwnedCol(Col):
    """An encrypted column that, when selected, brings its row's owner id along (see the top)."""

    def select_format(self, compiler: Any, sql: str, params: Any) -> tuple[str, Any]:
        field = self.target
        if not isinstance(field, EncryptedTextField) or self.output_field is not field:
            return super().select_format(compiler, sql, params)
        owner = field.model._meta.get_field(field.owner).column
        where = (self.alias, owner) if self.alias else (owner,)
        owner_sql = ".".join(map(compiler.quote_name_unless_alias, where))
        return (f"(COALESCE(CAST({owner_sql} AS TEXT), '') || '{OWNER_SEPARATOR}' || {sql})",
                params)


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A TextField stored as a "tenc2:" envelope sealed to its owner when field keys are configured.

    `owner` names the model's foreign key (or one-to-one) to the person the text belongs to."""

    def __init__(self, *args: Any, owner: str = "user", **kwargs: Any) -> None:
        self.owner = owner
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.owner != "user":
            kwargs["owner"] = self.owner
        return name, path, args, kwargs

    @property
    def aad(self) -> str:
        """The column identity sealed into every value, like "journal_entry.body"."""
        return f"{self.model._meta.db_table}.{self.column}"

    def get_col(self, alias: str, output_field: Any = None) -> Col:
        if output_field is None or output_field == self:
            return OwnedCol(alias, self)
        return super().get_col(alias, output_field)

    @functools.cached_property
    def cached_col(self) -> Col:
        return OwnedCol(self.model._meta.db_table, self)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = super().pre_save(model_instance, add)
        if isinstance(value, Unreadable):
            return _Sealed(value.stored)
        if not value or keyring() is None:
            return value
        kept = None if add else self._kept_if_placeholder(model_instance, value)
        if kept is not None:
            return kept
        owner = getattr(model_instance, self.model._meta.get_field(self.owner).attname)
        return _Sealed(seal_value(self.to_python(value), column=self.aad, owner=owner))

    def _kept_if_placeholder(self, model_instance: models.Model, value: str) -> _Sealed | None:
        """A form saved the placeholder back (its edit box showed it): keep the sealed text, so a
        key restored later still opens it, instead of sealing the placeholder over it."""
        if value.strip() != Unreadable("").strip() or model_instance.pk is None:
            return None
        rows = type(model_instance)._base_manager.filter(pk=model_instance.pk)
        current = rows.values_list(self.attname, flat=True).first()
        return _Sealed(current.stored) if isinstance(current, Unreadable) else None

    def get_db_prep_save(self, value: Any, connection: BaseDatabaseWrapper) -> Any:
        if hasattr(value, "as_sql"):
            # An expression (bulk_update's CASE): its values come back here one by one.
            return value
        if isinstance(value, _Sealed):
            return str(value)
        value = self.get_prep_value(value)
        if value and keyring() is not None:
            raise FieldError(
                f"{self.aad} is encrypted and sealed to its owner: write it through its row "
                "(save(), create() or bulk_create()), not with update() or bulk_update().")
        return value

    def from_db_value(self, value: str | None, expression: Any,
                      connection: BaseDatabaseWrapper) -> str | None:
        if value is None:
            return value
        owner: str | None = None
        if isinstance(expression, OwnedCol):
            owner, _, value = value.partition(OWNER_SEPARATOR)
        if not value or keyring() is None:
            return value
        try:
            return open_value(value, column=self.aad, owner=owner or None)
        except FieldKeyError as error:
            return _placeholder(value, error)

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


def encrypted_fields() -> list[EncryptedTextField]:
    """Every encrypted column of every installed model, in a stable order."""
    from django.apps import apps

    return [field for model in apps.get_models() for field in model._meta.concrete_fields
            if isinstance(field, EncryptedTextField)]


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
