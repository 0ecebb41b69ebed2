from django.contrib import admin

from thawing.checkins.models import CheckIn


# Free text (notes, flickers) never appears in the admin: only dates and numbers.
@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = ("pk", "user", "at", "mood", "feel")
    # Moving a record to another person would strand its parts: the owner is fixed.
    readonly_fields = ("user",)
    fields = ("user", "at", "mood", "feel")
    list_filter = ("at",)
