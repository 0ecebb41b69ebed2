from django.urls import path

from thawing.journal import thought_views, views

app_name = "journal"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("prompts/", views.prompts, name="prompts"),
    path("thoughts/", thought_views.index, name="thoughts"),
    path("thoughts/new/", thought_views.new, name="thought_new"),
    path("thoughts/<int:record_id>/", thought_views.detail, name="thought"),
    path("thoughts/<int:record_id>/edit/", thought_views.edit, name="thought_edit"),
    path("<int:entry_id>/", views.detail, name="detail"),
    path("<int:entry_id>/edit/", views.edit, name="edit"),
    path("<int:entry_id>/delete/", views.delete, name="delete"),
]
