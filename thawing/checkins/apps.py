from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "thawing.checkins"
    label = "checkins"
