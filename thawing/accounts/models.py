from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(_("name"), max_length=80, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    country = models.CharField(_("country"), max_length=2, blank=True)
    checkin_time = models.TimeField(_("preferred check-in time"), null=True, blank=True)
    # G1, optional and private: what the person has lived through before (trauma, depression, anxiety).
    past = models.JSONField(default=list, blank=True)
    # G6: how strong the suggestions may be; intense practices wait until the person raises it.
    pace = models.CharField(_("pace"), max_length=10, default="steady")
    # Reminders (A2, A5): check-in times "HH:MM", quiet hours, random flicker prompts.
    reminder_times = models.JSONField(default=list, blank=True)
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    random_prompts = models.PositiveSmallIntegerField(default=0)
    window_start = models.TimeField(null=True, blank=True)
    window_end = models.TimeField(null=True, blank=True)
    body_scan_time = models.TimeField(null=True, blank=True)
    # The secret part of the calendar feed address; a new one cuts off old subscriptions.
    feed_token = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Profile {self.pk}"
