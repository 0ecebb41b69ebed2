from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "thawing.practices"
    label = "practices"
