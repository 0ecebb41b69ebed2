from django.contrib import admin

from thawing.accounts.forms import AdminSignInForm
from thawing.accounts.models import Profile

# The admin is mounted only with THAWING_ADMIN=1 (thawing/urls.py); its sign-in is throttled.
admin.site.login_form = AdminSignInForm


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "timezone", "country", "created_at")
    # Moving a record to another person would strand its parts: the owner is fixed.
    readonly_fields = ("user",)
    fields = ("user", "timezone", "country", "checkin_time")
