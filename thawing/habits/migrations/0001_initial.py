# The habit models moved here from the checkins app. Their tables keep the names they were
# created with (checkins 0002), so this only records the models in this app's state; checkins
# 0005 removes them from its own. A database made before the move migrates without copying
# a row, and a fresh one gets the tables from checkins 0002 as before.

import django.db.models.deletion
import thawing.db.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('checkins', '0004_encrypted_free_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='DayHabits',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('day', models.DateField(verbose_name='day')),
                        ('sleep_hours', models.DecimalField(blank=True, decimal_places=2, max_digits=4, null=True, verbose_name='hours slept')),
                        ('sleep_quality', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='sleep quality')),
                        ('meals', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='regular meals')),
                        ('movement_minutes', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='minutes of movement')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'checkins_dayhabits',
                        'ordering': ['-day'],
                        'constraints': [models.UniqueConstraint(fields=('user', 'day'), name='one_habits_row_a_day')],
                    },
                ),
                migrations.CreateModel(
                    name='Numbing',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('day', models.DateField(verbose_name='day')),
                        ('kind', models.CharField(max_length=30, verbose_name='what')),
                        ('amount', models.CharField(blank=True, max_length=10, verbose_name='how much')),
                        ('to_cope', models.BooleanField(default=False, verbose_name='to cope with how I feel')),
                        ('note', thawing.db.fields.EncryptedTextField(blank=True, verbose_name='note')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'checkins_numbing',
                        'ordering': ['-day', '-pk'],
                        'indexes': [models.Index(fields=['user', 'day'], name='checkins_nu_user_id_59db3c_idx')],
                    },
                ),
            ],
        ),
    ]
