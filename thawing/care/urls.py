"""Every care page, mounted in two places with their own namespaces (kept so links stay the same).

`urlpatterns` ("care:", under /help/): get help now, the safety plan, getting support, check-ups
and the guides. `record_patterns` ("records:", under /care/): medications, appointment notes and
the clinician report. The project's `urls.py` includes each with `include((patterns, namespace))`.
"""

from django.urls import path

from thawing.care import guides
from thawing.care.views import records, screening, support

app_name = "care"
urlpatterns = [
    path("", support.get_help, name="help"),
    path("plan/", support.safety_plan, name="plan"),
    path("support/", support.getting_support, name="support"),
    path("support/past/", support.save_past, name="past"),
    path("screening/", screening.screenings, name="screenings"),
    path("screening/result/<int:result_id>/", screening.screening_result, name="screening_result"),
    path("screening/<slug:instrument_id>/", screening.screening, name="screening"),
    path("guides/", guides.guides, name="guides"),
    path("guides/<slug:slug>/", guides.guide, name="guide"),
]

record_patterns = [
    path("medications/", records.medication_list, name="medications"),
    path("medications/<int:medication_id>/", records.medication_detail, name="medication"),
    path("appointment/", records.appointment, name="appointment"),
    path("report/", records.report_page, name="report"),
]
