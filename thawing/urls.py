from django.contrib import admin
from django.urls import include, path, re_path

from thawing.api.routes import api, api_not_found

urlpatterns = [
    path("", include("thawing.accounts.urls")),
    path("", include("thawing.checkins.urls")),
    path("journal/", include("thawing.journal.urls")),
    path("", include("thawing.practices.urls")),
    path("help/", include("thawing.care.urls")),
    path("care/", include("thawing.care.record_urls")),
    path("insights/", include("thawing.insights.urls")),
    path("data/", include("thawing.portability.urls")),
    path("api/", api.urls),
    re_path(r"^api/", api_not_found),
    path("admin/", admin.site.urls),
]
