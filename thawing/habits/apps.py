from django.apps import AppConfig


class HabitsConfig(AppConfig):
    name = "thawing.habits"
    label = "habits"
