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
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Profile {self.pk}"
