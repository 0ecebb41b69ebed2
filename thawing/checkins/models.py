from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thawing.db.fields import EncryptedTextField


class CheckIn(models.Model):
    """One check-in. `mood` None means "can't tell"; `feel` None means not answered."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    at = models.DateTimeField(_("when"))
    mood = models.PositiveSmallIntegerField(_("mood"), null=True, blank=True)
    feel = models.PositiveSmallIntegerField(_("how much I can feel"), null=True, blank=True)
    flicker = EncryptedTextField(_("flicker"), blank=True)
    note = EncryptedTextField(_("note"), blank=True)
    detached = models.BooleanField(_("felt detached or unreal"), default=False)
    struggling = models.BooleanField(_("daily life was very hard"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Filled in by checkins.services for the check-ins it returns (one query for a whole list).
    _emotion_list: list[CheckInEmotion] | None = None
    _body_list: list[BodySensation] | None = None

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"Check-in {self.pk}"

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        self._emotion_list = self._body_list = None
        super().refresh_from_db(*args, **kwargs)

    @property
    def emotion_list(self) -> list[CheckInEmotion]:
        """This check-in's emotion words, in the order they were given."""
        if self._emotion_list is None:
            self._emotion_list = list(CheckInEmotion.objects.filter(user_id=self.user_id, checkin_id=self.pk))
        return self._emotion_list

    @property
    def body_list(self) -> list[BodySensation]:
        """This check-in's body cues, in the order they were given."""
        if self._body_list is None:
            self._body_list = list(BodySensation.objects.filter(user_id=self.user_id, checkin_id=self.pk))
        return self._body_list


class CheckInEmotion(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="emotions")
    emotion = models.CharField(max_length=40)
    intensity = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["user", "emotion"])]

    def __str__(self) -> str:
        return self.emotion


class BodySensation(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="body")
    region = models.CharField(max_length=30)
    sensation = models.CharField(max_length=30)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.region}:{self.sensation}"


class Episode(models.Model):
    """A stretch of feeling shut down, from the day the person acknowledged it (A1)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    started_on = models.DateField(_("since"))
    acknowledged_at = models.DateTimeField()
    words = EncryptedTextField(_("in my own words"), blank=True)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]

    def __str__(self) -> str:
        return f"Episode {self.pk}"
