from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thawing.db.fields import EncryptedCharField, EncryptedTextField


class Entry(models.Model):
    class Kind(models.TextChoices):
        ENTRY = "entry", _("Journal entry")
        LETTER = "letter", _("Unsent letter")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    written_at = models.DateTimeField(_("written"))
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ENTRY)
    title = EncryptedCharField(_("title"), max_length=200, blank=True)
    body = EncryptedTextField(_("entry"))
    prompt_id = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Filled in by journal.services for the entries it returns (one query for a whole list).
    _tags: list[tuple[int, str]] | None = None

    class Meta:
        ordering = ["-written_at", "-pk"]
        indexes = [models.Index(fields=["user", "written_at"])]

    def __str__(self) -> str:
        # Never the title or text: they are private.
        return f"Entry {self.pk}"

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        self._tags = None
        super().refresh_from_db(*args, **kwargs)

    @property
    def tags(self) -> list[tuple[int, str]]:
        """(id, name) of this entry's tags, in the order they were given."""
        if self._tags is None:
            self._tags = list(EntryTag.objects.filter(user_id=self.user_id, entry=self)
                              .order_by("pk").values_list("tag_id", "tag__name"))
        return self._tags

    @property
    def tag_names(self) -> list[str]:
        return [name for _, name in self.tags]


class Tag(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=40)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="unique_tag_per_user")]

    def __str__(self) -> str:
        return f"Tag {self.pk}"


class EntryTag(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="entry_tags")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="entry_tags")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "tag"], name="unique_entry_tag")]

    def __str__(self) -> str:
        return f"EntryTag {self.pk}"


class ThoughtRecord(models.Model):
    """A thought looked at from more than one side (E1); beliefs are 0-100 %."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    at = models.DateTimeField(_("when"))
    situation = EncryptedTextField(_("what happened"), blank=True)
    thought = EncryptedTextField(_("the thought"))
    belief_before = models.PositiveSmallIntegerField(null=True, blank=True)
    evidence = EncryptedTextField(_("is it true?"), blank=True)
    other_views = EncryptedTextField(_("other ways to see it"), blank=True)
    conclusions = EncryptedTextField(_("jumping to conclusions?"), blank=True)
    alternative = EncryptedTextField(_("a kinder way to put it"), blank=True)
    belief_after = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"Thought record {self.pk}"
