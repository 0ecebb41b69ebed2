from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from thawing.api.routes import api, api_not_found
from thawing.care import urls as care_urls

urlpatterns = [
    path("", include("thawing.accounts.urls")),
    path("", include("thawing.checkins.urls")),
    path("journal/", include("thawing.journal.urls")),
    path("", include("thawing.practices.urls")),
    path("", include("thawing.habits.urls")),
    path("help/", include(care_urls)),
    path("care/", include((care_urls.record_patterns, "records"))),
    path("insights/", include("thawing.insights.urls")),
    path("data/", include("thawing.portability.urls")),
    path("api/", api.urls),
    re_path(r"^api/", api_not_found),
]
# Django's admin only when an operator asks for it, and only in server mode: locally there is no
# staff account, and the encrypted database cannot even be read before the passphrase.
if settings.THAWING_ADMIN and settings.THAWING_MODE == "server":
    urlpatterns.append(path("admin/", admin.site.urls))
