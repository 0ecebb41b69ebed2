"""Check-ins, emotions, body sensations and shut-down episodes: the only door to them.

Views, the API and the CLI all call these functions with keyword arguments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from thawing import content
from thawing.accounts.days import day_bounds, local_today, user_zone
from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion, Episode
from thawing.core.body import Suggestion
from thawing.core.checkins import CheckInData, build_checkin
from thawing.core.errors import InvalidInput, NotFound
from thawing.core.i18n import msg
from thawing.core.mood import clean_text, keep_or_parse, parse_moment
from thawing.db.batches import grouped

WORDS_MAX = 2_000


def _checkin_data(
    *, user: AbstractBaseUser, at: str | datetime | None, **values: object
) -> CheckInData:
    return build_checkin(
        **values, at=at, now=timezone.now(), tz=user_zone(user),  # type: ignore[arg-type]
        vocabulary=content.vocabulary(), body_map=content.body_map(),
    )


def _save_parts(checkin: CheckIn, data: CheckInData) -> None:
    CheckInEmotion.objects.bulk_create(
        CheckInEmotion(user_id=checkin.user_id, checkin=checkin, emotion=e.emotion,
                       intensity=e.intensity)
        for e in data.emotions
    )
    BodySensation.objects.bulk_create(
        BodySensation(user_id=checkin.user_id, checkin=checkin, region=r, sensation=s)
        for r, s in data.body
    )


def record_checkin(
    *,
    user: AbstractBaseUser,
    mood: str | int | None,
    feel: str | int | None = None,
    emotions: Sequence[tuple[str, str | int | None]] = (),
    body: Sequence[str | tuple[str, str]] = (),
    flicker: str | None = "",
    note: str | None = "",
    at: str | datetime | None = None,
    detached: bool | str | None = False,
    struggling: bool | str | None = False,
) -> CheckIn:
    """Save a check-in; InvalidInput (nothing saved) names every problem at once."""
    data = _checkin_data(user=user, mood=mood, feel=feel, emotions=emotions, body=body, flicker=flicker,
                         note=note, at=at, detached=bool(detached), struggling=bool(struggling))
    with transaction.atomic():
        checkin = CheckIn.objects.create(
            user=user, at=data.at, mood=data.mood, feel=data.feel,
            flicker=data.flicker, note=data.note, detached=data.detached, struggling=data.struggling,
        )
        _save_parts(checkin, data)
    return checkin


def update_checkin(
    *,
    user: AbstractBaseUser,
    checkin_id: int,
    mood: str | int | None,
    feel: str | int | None = None,
    emotions: Sequence[tuple[str, str | int | None]] = (),
    body: Sequence[str | tuple[str, str]] = (),
    flicker: str | None = "",
    note: str | None = "",
    at: str | datetime | None = None,
    detached: bool | str | None = None,
    struggling: bool | str | None = None,
) -> CheckIn:
    """Replace every part of one of the user's check-ins."""
    checkin = get_checkin(user=user, checkin_id=checkin_id)
    zone = user_zone(user)
    try:
        moment = keep_or_parse(at, original=checkin.at, now=timezone.now(), tz=zone)
    except InvalidInput:
        moment = at  # build_checkin reports it, together with any other problem
    # Left out (None), the two G1 ticks keep what was saved before.
    detached = checkin.detached if detached is None else detached
    struggling = checkin.struggling if struggling is None else struggling
    data = _checkin_data(user=user, mood=mood, feel=feel, emotions=emotions, body=body,
                         flicker=flicker, note=note, at=moment, detached=detached, struggling=struggling)
    with transaction.atomic():
        checkin.at, checkin.mood, checkin.feel = data.at, data.mood, data.feel
        checkin.flicker, checkin.note = data.flicker, data.note
        checkin.detached, checkin.struggling = data.detached, data.struggling
        checkin.save()
        CheckInEmotion.objects.filter(user=user, checkin=checkin).delete()
        BodySensation.objects.filter(user=user, checkin=checkin).delete()
        _save_parts(checkin, data)
    return get_checkin(user=user, checkin_id=checkin.pk)


def delete_checkin(*, user: AbstractBaseUser, checkin_id: int) -> None:
    deleted, _ = CheckIn.objects.filter(user=user, pk=checkin_id).delete()
    if not deleted:
        raise NotFound(msg("That check-in isn\u2019t here any more."))


def _with_parts(user: AbstractBaseUser, checkins: Iterable[CheckIn]) -> list[CheckIn]:
    """The check-ins, each with its emotion words and body cues, read in one query a batch."""
    checkins = list(checkins)
    ids = [c.pk for c in checkins]
    emotions = grouped(CheckInEmotion.objects.filter(user=user), "checkin_id", ids)
    body = grouped(BodySensation.objects.filter(user=user), "checkin_id", ids)
    for checkin in checkins:
        checkin._emotion_list, checkin._body_list = emotions[checkin.pk], body[checkin.pk]
    return checkins


def get_checkin(*, user: AbstractBaseUser, checkin_id: int) -> CheckIn:
    checkin = CheckIn.objects.filter(user=user, pk=checkin_id).first()
    if checkin is None:
        raise NotFound(msg("I couldn\u2019t find that check-in."))
    return _with_parts(user, [checkin])[0]


def list_checkins(
    *, user: AbstractBaseUser, since: date | None = None, limit: int | None = None,
    offset: int = 0,
) -> list[CheckIn]:
    """The user's check-ins, newest first, from the local day `since` on."""
    queryset = CheckIn.objects.filter(user=user)
    if since is not None:
        queryset = queryset.filter(at__gte=day_bounds(user, since)[0])
    return _with_parts(user, queryset[offset:offset + limit] if limit else queryset[offset:])


def checkins_on(*, user: AbstractBaseUser, day: date) -> list[CheckIn]:
    start, end = day_bounds(user, day)
    return _with_parts(user, CheckIn.objects.filter(user=user, at__gte=start, at__lt=end))


def suggest_emotions(*, body: Sequence[str | tuple[str, str]]) -> list[Suggestion]:
    """Candidate emotion words for body choices (A3): possibilities, never a verdict."""
    from thawing.core.checkins import parse_body

    pairs = parse_body(body, content.body_map())
    return content.body_map().suggest(pairs, content.vocabulary())


def acknowledge_shutdown(
    *, user: AbstractBaseUser, since: str | date | None = None, words: str | None = ""
) -> Episode:
    """Record "I've been feeling shut down" (A1); the open episode is kept if there is one."""
    today = local_today(user)
    if isinstance(since, date):
        started = since
    elif since and since.strip():
        zone = user_zone(user)
        try:
            started = parse_moment(since, now=timezone.now().astimezone(zone), tz=zone).date()
        except InvalidInput as error:
            raise InvalidInput({"since": error.fields["at"]}) from None
    else:
        started = today
    if started > today:
        raise InvalidInput({"since": msg("That day hasn\u2019t come yet. Choose today or earlier.")})
    text = clean_text("words", words, limit=WORDS_MAX, label=msg("This note"))
    episode = current_episode(user=user)
    if episode is not None:
        if started < episode.started_on:
            episode.started_on = started
        if text:
            episode.words = text
        episode.save()
        return episode
    return Episode.objects.create(user=user, started_on=started, acknowledged_at=timezone.now(),
                                  words=text)


def current_episode(*, user: AbstractBaseUser) -> Episode | None:
    return Episode.objects.filter(user=user, ended_on__isnull=True).first()


def end_episode(*, user: AbstractBaseUser) -> Episode | None:
    """Mark the open episode as eased today; its history stays."""
    episode = current_episode(user=user)
    if episode is not None:
        episode.ended_on = local_today(user)
        episode.save()
    return episode


@dataclass(frozen=True)
class DayMeans:
    """One local day's check-ins reduced: mean mood and ability to feel, None when not answered."""

    day: date
    mood: float | None
    feel: float | None
    checkins: int
    cant_tell: int


def daily_means(
    *, user: AbstractBaseUser, start: date | None = None, end: date | None = None
) -> list[DayMeans]:
    """Per local day, oldest first, the mean mood and feel of the day's check-ins (H2, G3)."""
    zone = user_zone(user)
    queryset = CheckIn.objects.filter(user=user)
    if start is not None:
        queryset = queryset.filter(at__gte=day_bounds(user, start)[0])
    if end is not None:
        queryset = queryset.filter(at__lt=day_bounds(user, end)[1])
    return means_by_day((at.astimezone(zone).date(), mood, feel)
                        for at, mood, feel in queryset.values_list("at", "mood", "feel").order_by())


def means_by_day(rows: Iterable[tuple[date, int | None, int | None]]) -> list[DayMeans]:
    """(local day, mood, feel) check-ins reduced to one DayMeans a day, oldest first."""
    days: dict[date, list[tuple[int | None, int | None]]] = {}
    for day, mood, feel in rows:
        days.setdefault(day, []).append((mood, feel))
    result = []
    for day in sorted(days):
        pairs = days[day]
        moods = [m for m, _ in pairs if m is not None]
        feels = [f for _, f in pairs if f is not None]
        result.append(DayMeans(day, round(sum(moods) / len(moods), 2) if moods else None,
                               round(sum(feels) / len(feels), 2) if feels else None,
                               len(pairs), sum(1 for m, _ in pairs if m is None)))
    return result
