from django.contrib import admin

from thawing.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "timezone", "country", "created_at")
    # Moving a record to another person would strand its parts: the owner is fixed.
    readonly_fields = ("user",)
    fields = ("user", "timezone", "country", "checkin_time")
