from django.urls import path

from thawing.care import record_views

app_name = "records"
urlpatterns = [
    path("medications/", record_views.medication_list, name="medications"),
    path("medications/<int:medication_id>/", record_views.medication_detail, name="medication"),
    path("appointment/", record_views.appointment, name="appointment"),
    path("report/", record_views.report_page, name="report"),
]
