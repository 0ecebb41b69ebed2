from django.urls import path

from thawing.habits import views

app_name = "habits"
urlpatterns = [
    path("habits/", views.page, name="index"),
    path("habits/numbing/<int:numbing_id>/delete/", views.numbing_delete, name="numbing_delete"),
]
