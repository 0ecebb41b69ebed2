from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "thawing.journal"
    label = "journal"
