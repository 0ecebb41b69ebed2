from django.contrib import admin

from thawing.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "timezone", "country", "created_at")
    fields = ("user", "timezone", "country", "checkin_time")
