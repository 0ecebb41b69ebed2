from django.urls import path

from thawing.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.index, name="index"),
    path("week/", views.week, name="week"),
]
