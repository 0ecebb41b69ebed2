from django.contrib import admin

from thawing.journal.models import Entry


# Titles and text never appear in the admin: only who, when and what kind.
@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ("pk", "user", "written_at", "kind")
    # Moving a record to another person would strand its parts: the owner is fixed.
    readonly_fields = ("user",)
    fields = ("user", "written_at", "kind")
