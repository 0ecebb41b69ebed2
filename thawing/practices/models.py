"""Guided practice sessions, the person's own lists, what they did, and who they reached."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thawing.db.fields import EncryptedCharField, EncryptedTextField


class Session(models.Model):
    """One run of a guided exercise (C1-C6, A5, B4, B5), rated before and after if wished."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    exercise = models.CharField(max_length=60)
    kind = models.CharField(max_length=20)
    at = models.DateTimeField(_("when"))
    seconds = models.PositiveIntegerField(_("time spent"))
    planned_seconds = models.PositiveIntegerField(default=0)
    completed = models.BooleanField(default=True)
    feel_before = models.PositiveSmallIntegerField(null=True, blank=True)
    feel_after = models.PositiveSmallIntegerField(null=True, blank=True)
    note = EncryptedTextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"Session {self.pk}"


class ListItem(models.Model):
    """An item on one of the person's own lists, in their order (D1-D5, B3, F3)."""

    class Kind(models.TextChoices):
        ENJOY = "enjoy", _("Things I used to enjoy")
        FUN = "fun", _("Fun and creativity")
        LADDER = "ladder", _("Out of my comfort zone")
        SCRAMBLE = "scramble", _("Scrambling the routine")
        STIMULATION = "stimulation", _("Things that once moved me")
        CREATIVE = "creative", _("My creative outlet")
        STRESSOR = "stressor", _("Stressors")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = EncryptedCharField(_("item"), max_length=300)
    detail = EncryptedCharField(_("one small step"), max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    done_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "position", "pk"]
        indexes = [models.Index(fields=["user", "kind", "position"])]

    def __str__(self) -> str:
        return f"List item {self.pk}"


class Activity(models.Model):
    """Something planned or done: predicted and actual enjoyment 0-10 when given (D1-D5, B3)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    item = models.ForeignKey(ListItem, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="activities")
    kind = models.CharField(max_length=20, choices=ListItem.Kind.choices)
    title = EncryptedCharField(_("what"), max_length=300)
    planned_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    predicted = models.PositiveSmallIntegerField(null=True, blank=True)
    actual = models.PositiveSmallIntegerField(null=True, blank=True)
    note = EncryptedTextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Plans not yet done first, then the most recent, the same on SQLite and PostgreSQL.
        ordering = [models.F("done_on").desc(nulls_first=True), models.F("planned_on").desc(nulls_last=True),
                    "-pk"]
        indexes = [models.Index(fields=["user", "done_on"]), models.Index(fields=["user", "planned_on"])]

    def __str__(self) -> str:
        return f"Activity {self.pk}"


class Connection(models.Model):
    """Time with or a message to another person (D6)."""

    class How(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        CALL = "call", _("A call")
        MESSAGE = "message", _("A message")
        GROUP = "group", _("A group")

    class Felt(models.TextChoices):
        GOOD = "good", _("Good")
        OKAY = "okay", _("Okay")
        HARD = "hard", _("Hard")
        CANT_TELL = "cant_tell", _("Can’t tell")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    on = models.DateField(_("day"))
    who = EncryptedCharField(_("who"), max_length=120)
    how = models.CharField(_("how"), max_length=20, choices=How.choices)
    felt = models.CharField(_("how it felt"), max_length=20, choices=Felt.choices,
                            default=Felt.CANT_TELL)
    reached_out = models.BooleanField(_("I told them how I have been feeling"), default=False)
    note = EncryptedTextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        indexes = [models.Index(fields=["user", "on"])]

    def __str__(self) -> str:
        return f"Connection {self.pk}"


class ChecklistTick(models.Model):
    """A reconnection checklist step the person ticked by hand on a day (H1)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    item = models.CharField(max_length=20)
    on = models.DateField()

    class Meta:
        ordering = ["-on", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "item", "on"], name="one_tick_a_day")]

    def __str__(self) -> str:
        return f"{self.item} {self.on}"
