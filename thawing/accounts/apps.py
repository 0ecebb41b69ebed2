from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "thawing.accounts"
    label = "accounts"
