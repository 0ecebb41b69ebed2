"""thawing.db as an app: it keeps one record, what `thawing rotate-key` last finished."""

from __future__ import annotations

from django.apps import AppConfig


class DbConfig(AppConfig):
    name = "thawing.db"
    label = "thawing_db"
    verbose_name = "Field encryption"
