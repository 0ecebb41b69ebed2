from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "thawing.care"
    label = "care"
