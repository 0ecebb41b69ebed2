"""The full-text search index of journal entries: SQLite FTS5, or a PostgreSQL configuration."""

from django.db import migrations

from thawing.journal.search import CREATE_POSTGRESQL, CREATE_SQLITE, DROP_POSTGRESQL, DROP_SQLITE

STATEMENTS = {"sqlite": (CREATE_SQLITE, DROP_SQLITE),
              "postgresql": (CREATE_POSTGRESQL, DROP_POSTGRESQL)}


def _run(which):
    def apply(apps, schema_editor):
        statements = STATEMENTS.get(schema_editor.connection.vendor, ((), ()))[which]
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("journal", "0001_initial")]
    operations = [migrations.RunPython(_run(0), _run(1))]
