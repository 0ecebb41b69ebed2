"""Sleep, meals, movement and numbing behaviours.

The tables keep the names they were created with in the checkins app (`db_table`, and the
index's own name), so moving the models here moved no data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thawing.db.fields import EncryptedTextField


class DayHabits(models.Model):
    """Sleep, meals and movement for one local day (F1, F2, C5); empty fields were not noted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField(_("day"))
    sleep_hours = models.DecimalField(_("hours slept"), max_digits=4, decimal_places=2, null=True,
                                      blank=True)
    sleep_quality = models.PositiveSmallIntegerField(_("sleep quality"), null=True, blank=True)
    meals = models.PositiveSmallIntegerField(_("regular meals"), null=True, blank=True)
    movement_minutes = models.PositiveSmallIntegerField(_("minutes of movement"), null=True,
                                                        blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "checkins_dayhabits"
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_habits_row_a_day")]

    def __str__(self) -> str:
        return f"Habits {self.day}"


class Numbing(models.Model):
    """A day with a numbing behaviour (F5), noted neutrally; `kind` comes from ideas.toml."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField(_("day"))
    kind = models.CharField(_("what"), max_length=30)
    amount = models.CharField(_("how much"), max_length=10, blank=True)
    to_cope = models.BooleanField(_("to cope with how I feel"), default=False)
    note = EncryptedTextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "checkins_numbing"
        ordering = ["-day", "-pk"]
        indexes = [models.Index(fields=["user", "day"], name="checkins_nu_user_id_59db3c_idx")]

    def __str__(self) -> str:
        return f"Numbing {self.pk}"
