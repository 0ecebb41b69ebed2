"""Django's SQLite backend on SQLCipher: the local database encrypted with the data key.

The key comes from `thawing.accounts.vault` once the passphrase is known. Without a key the
database is plain SQLite (a profile with no passphrase, chosen explicitly, and the tests).
The key is given raw (`x'...'`): it already comes from Argon2id, so SQLCipher's own
key derivation would only slow every connection down.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Mapping
from itertools import tee

import sqlcipher3.dbapi2 as Database
from django.db.backends.sqlite3 import base
from django.db.backends.sqlite3._functions import register as register_functions
from django.utils.asyncio import async_unsafe
from django.utils.dateparse import parse_date, parse_datetime, parse_time

from thawing.accounts import vault
from thawing.db.sqlcipher import apply_key, create_private

Database.register_converter("bool", b"1".__eq__)
Database.register_converter("date", base.decoder(parse_date))
Database.register_converter("time", base.decoder(parse_time))
Database.register_converter("datetime", base.decoder(parse_datetime))
Database.register_converter("timestamp", base.decoder(parse_datetime))
Database.register_adapter(decimal.Decimal, str)
Database.register_adapter(datetime.date, base.adapt_date)
Database.register_adapter(datetime.datetime, base.adapt_datetime)


class CursorWrapper(Database.Cursor):
    """Django's "format"/"pyformat" placeholders turned into SQLite's, as the stock backend does."""

    def execute(self, query, params=None):  # type: ignore[no-untyped-def]
        if params is None:
            return super().execute(query)
        names = list(params) if isinstance(params, Mapping) else None
        return super().execute(self.convert_query(query, param_names=names), params)

    def executemany(self, query, param_list):  # type: ignore[no-untyped-def]
        peekable, param_list = tee(iter(param_list))
        params = next(peekable, None)
        names = list(params) if params and isinstance(params, Mapping) else None
        return super().executemany(self.convert_query(query, param_names=names), param_list)

    def convert_query(self, query, *, param_names=None):  # type: ignore[no-untyped-def]
        if param_names is None:
            return base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%")
        return query % {name: f":{name}" for name in param_names}


class DatabaseWrapper(base.DatabaseWrapper):
    Database = Database

    @async_unsafe
    def get_new_connection(self, conn_params):  # type: ignore[no-untyped-def]
        on_disk = not self.creation.is_in_memory_db(self.settings_dict["NAME"])
        if on_disk and not str(conn_params["database"]).startswith("file:"):
            create_private(conn_params["database"])
        conn = Database.connect(**conn_params)
        if on_disk:
            apply_key(conn, vault.key())
        register_functions(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA legacy_alter_table = OFF")
        for init_command in self.init_commands:
            if init_command := init_command.strip():
                conn.execute(init_command)
        return conn

    def create_cursor(self, name=None):  # type: ignore[no-untyped-def]
        return self.connection.cursor(factory=CursorWrapper)
