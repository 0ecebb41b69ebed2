from django.urls import path

from thawing.accounts import views

app_name = "accounts"
urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("signin/", views.signin, name="signin"),
    path("signout/", views.signout, name="signout"),
    path("signin/recover/", views.recover, name="recover"),
    path("settings/passphrase/", views.passphrase, name="passphrase"),
    path("settings/password/", views.password, name="password"),
    path("settings/backup/", views.backup_download, name="backup"),
    path("settings/delete-everything/", views.delete_everything, name="delete_everything"),
    path("signup/", views.signup, name="signup"),
    path("settings/", views.profile_settings, name="settings"),
]
