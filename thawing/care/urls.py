from django.urls import path

from thawing.care import guides, views

app_name = "care"
urlpatterns = [
    path("", views.get_help, name="help"),
    path("plan/", views.safety_plan, name="plan"),
    path("support/", views.getting_support, name="support"),
    path("support/past/", views.save_past, name="past"),
    path("screening/", views.screenings, name="screenings"),
    path("screening/result/<int:result_id>/", views.screening_result, name="screening_result"),
    path("screening/<slug:instrument_id>/", views.screening, name="screening"),
    path("guides/", guides.guides, name="guides"),
    path("guides/<slug:slug>/", guides.guide, name="guide"),
]
