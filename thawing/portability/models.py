"""What importing needs to remember: which rows came in before, and a file between its two steps."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from thawing.db.fields import EncryptedTextField


class ImportedKey(models.Model):
    """A row of another app's export that was imported, by the key its reader gives it.

    Re-importing the same (or a later, longer) export finds these and adds nothing twice; a
    record deleted after its import stays deleted.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    source = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "source", "key"], name="one_key_per_import")]

    def __str__(self) -> str:
        return f"Imported key {self.pk}"


class PendingImport(models.Model):
    """An uploaded file between its preview and the person's confirmation; gone within an hour.

    It lives in the database, which is encrypted at rest in local mode and shared by every app
    server in server mode, so any server can finish the import; there its payload is sealed with
    the field key like the journal (the file compressed, then base64: `services.keep_upload`).
    Expired ones are swept on every import request and by `python -m django sweep_imports`.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=20)
    payload = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"Pending import {self.pk}"

