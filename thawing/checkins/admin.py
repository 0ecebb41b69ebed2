from django.contrib import admin

from thawing.checkins.models import CheckIn


# Free text (notes, flickers) never appears in the admin: only dates and numbers.
@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = ("pk", "user", "at", "mood", "feel")
    fields = ("user", "at", "mood", "feel")
    list_filter = ("at",)
