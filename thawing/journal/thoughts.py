"""Thought records (E1): part of the journal's services door.

A thought is looked at from three sides (is it true? other ways to see it? jumping to
conclusions?), given a kinder wording, and re-rated; beliefs are 0-100 %.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from thawing.accounts.days import user_zone
from thawing.core.errors import NotFound
from thawing.core.i18n import msg
from thawing.core.mood import clean_text, keep_or_parse, parse_moment
from thawing.core.values import checked, parse_whole, required_text
from thawing.journal.models import ThoughtRecord

TEXT_MAX = 5_000
TEXT_FIELDS = ("situation", "evidence", "other_views", "conclusions", "alternative")


def _clean(user: AbstractBaseUser, values: dict[str, object], original: datetime | None) -> dict[str, object]:
    zone = user_zone(user)
    now = timezone.now().astimezone(zone)
    label = msg("How strongly you believe it")
    checks = {
        "thought": lambda: required_text(values.get("thought"), field="thought", limit=TEXT_MAX,
                                         label=msg("The thought")),
        "belief_before": lambda: parse_whole(values.get("belief_before"), field="belief_before", low=0,
                                             high=100, label=label),
        "belief_after": lambda: parse_whole(values.get("belief_after"), field="belief_after", low=0,
                                            high=100, label=label),
        "at": lambda: (keep_or_parse(values.get("at"), original=original, now=now, tz=zone)
                       if original else parse_moment(values.get("at"), now=now, tz=zone)),
        **{field: (lambda f=field: clean_text(f, values.get(f), limit=TEXT_MAX, label=msg("This part")))
           for field in TEXT_FIELDS},
    }
    return checked(checks)


def record_thought(*, user: AbstractBaseUser, thought: str | None, **values: object) -> ThoughtRecord:
    """Save a thought record; only the thought itself is required."""
    return ThoughtRecord.objects.create(user=user, **_clean(user, {"thought": thought, **values}, None))


def update_thought(
    *, user: AbstractBaseUser, record_id: int, thought: str | None, **values: object
) -> ThoughtRecord:
    record = get_thought(user=user, record_id=record_id)
    for field, value in _clean(user, {"thought": thought, **values}, record.at).items():
        setattr(record, field, value)
    record.save()
    return record


def get_thought(*, user: AbstractBaseUser, record_id: int) -> ThoughtRecord:
    record = ThoughtRecord.objects.filter(user=user, pk=record_id).first()
    if record is None:
        raise NotFound(msg("I couldn\u2019t find that thought record."))
    return record


def list_thoughts(
    *, user: AbstractBaseUser, limit: int | None = None, offset: int = 0
) -> list[ThoughtRecord]:
    queryset = ThoughtRecord.objects.filter(user=user)
    return list(queryset[offset:offset + limit] if limit else queryset[offset:])


def delete_thought(*, user: AbstractBaseUser, record_id: int) -> None:
    deleted, _ = ThoughtRecord.objects.filter(user=user, pk=record_id).delete()
    if not deleted:
        raise NotFound(msg("I couldn\u2019t find that thought record."))
