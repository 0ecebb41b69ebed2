from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "thawing.insights"
    label = "insights"
