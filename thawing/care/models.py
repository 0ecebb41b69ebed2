from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SafetyPlan(models.Model):
    """A personal safety plan in the Stanley-Brown structure, written by the person (G5)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="safety_plan")
    warning_signs = models.TextField(_("warning signs"), blank=True)
    coping = models.TextField(_("my own coping steps"), blank=True)
    distractions = models.TextField(_("people and places that distract"), blank=True)
    people = models.TextField(_("people I can ask for help"), blank=True)
    professionals = models.TextField(_("professionals and services"), blank=True)
    environment = models.TextField(_("making my surroundings safer"), blank=True)
    reasons = models.TextField(_("my reasons"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Safety plan {self.pk}"


class ScreeningResult(models.Model):
    """One completed questionnaire: the answers as given and the score they make."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    instrument = models.CharField(max_length=30)
    taken_at = models.DateTimeField()
    answers = models.JSONField()
    total = models.PositiveSmallIntegerField()
    band = models.CharField(max_length=80)
    safety_flag = models.BooleanField(default=False)

    class Meta:
        ordering = ["-taken_at", "-pk"]
        indexes = [models.Index(fields=["user", "instrument", "taken_at"])]

    def __str__(self) -> str:
        return f"Screening {self.pk}"
