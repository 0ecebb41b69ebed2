from __future__ import annotations

from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "thawing.portability"
    label = "portability"
    verbose_name = "Export and import"
