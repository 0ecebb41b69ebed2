"""The full-text search index of journal entries (SQLite FTS5; PostgreSQL needs none yet)."""

from django.db import migrations

from thawing.journal.search import CREATE_SQLITE, DROP_SQLITE


def _run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("journal", "0001_initial")]
    operations = [migrations.RunPython(_run(CREATE_SQLITE), _run(DROP_SQLITE))]
