from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thawing.db.fields import EncryptedTextField


class SafetyPlan(models.Model):
    """A personal safety plan in the Stanley-Brown structure, written by the person (G5)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="safety_plan")
    warning_signs = EncryptedTextField(_("warning signs"), blank=True)
    coping = EncryptedTextField(_("my own coping steps"), blank=True)
    distractions = EncryptedTextField(_("people and places that distract"), blank=True)
    people = EncryptedTextField(_("people I can ask for help"), blank=True)
    professionals = EncryptedTextField(_("professionals and services"), blank=True)
    environment = EncryptedTextField(_("making my surroundings safer"), blank=True)
    reasons = EncryptedTextField(_("my reasons"), blank=True)
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


class Medication(models.Model):
    """A medicine the person takes or took (G3); dates are local days, None when unknown."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    dose = models.CharField(_("dose"), max_length=120, blank=True)
    started_on = models.DateField(_("started"), null=True, blank=True)
    stopped_on = models.DateField(_("stopped"), null=True, blank=True)
    note = EncryptedTextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["stopped_on", "-started_on", "pk"]
        indexes = [models.Index(fields=["user", "started_on"])]

    def __str__(self) -> str:
        return f"Medication {self.pk}"


class MedicationChange(models.Model):
    """A change of dose or timing on a day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    medication = models.ForeignKey(Medication, on_delete=models.CASCADE, related_name="changes")
    on = models.DateField(_("day"))
    dose = models.CharField(_("new dose or change"), max_length=120)

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"Medication change {self.pk}"


class ClinicianNotes(models.Model):
    """What the person wants to tell their doctor or therapist, kept for the report (G3, G4)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    text = EncryptedTextField(_("notes for my appointment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Clinician notes {self.pk}"
