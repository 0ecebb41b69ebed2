from django.urls import path

from thawing.portability import views

app_name = "data"
urlpatterns = [
    path("", views.index, name="index"),
    path("export.json", views.download, {"format": "json"}, name="export_json"),
    path("export.csv", views.download, {"format": "csv"}, name="export_csv"),
    path("export.md", views.download, {"format": "markdown"}, name="export_markdown"),
    path("import/", views.upload, name="upload"),
    path("import/<str:token>/", views.confirm, name="confirm"),
]
