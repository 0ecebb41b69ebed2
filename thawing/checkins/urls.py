from django.urls import path

from thawing.checkins import views
from thawing.today import views as today

app_name = "checkins"
urlpatterns = [
    # Today is its own module (thawing.today); its address keeps the name it always had.
    path("", today.today, name="today"),
    path("checkins/", views.history, name="history"),
    path("checkins/new/", views.new, name="new"),
    path("checkins/<int:checkin_id>/edit/", views.edit, name="edit"),
    path("checkins/<int:checkin_id>/delete/", views.delete, name="delete"),
    path("shut-down/", views.shut_down, name="shut_down"),
    path("shut-down/ease/", views.ease, name="ease"),
    path("emotions/", views.emotions, name="emotions"),
    path("emotions/learn/", views.learn, name="learn"),
    path("emotions/<slug:emotion_id>/", views.emotion, name="emotion"),
]
