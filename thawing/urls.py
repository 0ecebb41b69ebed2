from django.contrib import admin
from django.urls import include, path

from thawing.api.routes import api

urlpatterns = [
    path("", include("thawing.accounts.urls")),
    path("", include("thawing.checkins.urls")),
    path("journal/", include("thawing.journal.urls")),
    path("help/", include("thawing.care.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
