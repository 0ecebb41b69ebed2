from django.urls import path

from thawing.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("prompts/", views.prompts, name="prompts"),
    path("<int:entry_id>/", views.detail, name="detail"),
    path("<int:entry_id>/edit/", views.edit, name="edit"),
    path("<int:entry_id>/delete/", views.delete, name="delete"),
]
