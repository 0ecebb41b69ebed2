# DayHabits and Numbing now belong to the habits app (habits 0001), which keeps their tables
# under these names: this only forgets them in this app's state, no table is dropped.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('checkins', '0004_encrypted_free_text'),
        ('habits', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='DayHabits'),
                migrations.DeleteModel(name='Numbing'),
            ],
        ),
    ]
