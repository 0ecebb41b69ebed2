"""The table of Django's database cache, where server mode keeps sign-in counts for every worker.

Made by `migrate` itself, so no operator has to remember `createcachetable`. The table exists in a
local database too, empty: local mode counts in memory (thawing/accounts/throttle.py).
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "thawing_cache"


def create_table(apps, schema_editor):
    # The same table `createcachetable` makes; it skips a table that is already there.
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_profile_past"),
    ]

    operations = [
        migrations.RunPython(create_table, drop_table),
    ]
