from django.urls import path

from thawing.care import views

app_name = "care"
urlpatterns = [
    path("", views.get_help, name="help"),
    path("plan/", views.safety_plan, name="plan"),
]
