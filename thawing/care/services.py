"""Getting help (G5): crisis lines for the person's country, always reachable."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta, tzinfo

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils import timezone

from thawing import content
from thawing.care.models import SafetyPlan, ScreeningResult
from thawing.core.errors import NotFound
from thawing.core.helplines import CountryHelp
from thawing.core.i18n import msg
from thawing.core.questionnaires import Instrument, Score
from thawing.core.safety import (
    ITEM9_DAYS,
    History,
    Screened,
    Signal,
    crisis_signals,
    professional_help_signals,
)
from thawing.core.safety_plan import build_plan


def help_for(*, user: AbstractBaseUser | AnonymousUser | None, country: str | None = None) -> CountryHelp:
    """Helplines for `country`, else the user's profile country, else the fallback."""
    if not country and user is not None and user.is_authenticated:
        from thawing.accounts.services import profile_for

        country = profile_for(user).country
    return content.helplines().for_country(country)


def support_needed(*, texts: Iterable[str | None]) -> bool:
    """True when any of these texts suggests a crisis (G5); read locally, kept nowhere."""
    return support_context(texts=texts) is not None


def support_context(*, texts: Iterable[str | None]) -> str | None:
    """Whose crisis the words speak of, most urgent first: "self" (the writer, now), "past"
    (the writer's own past: the lines and a gentle note), "other" (someone they worry about:
    the same lines, framed for helping them), or None. Read locally, kept nowhere."""
    found = {signal.context for text in texts if text for signal in crisis_signals(text)}
    return next((context for context in ("self", "past", "other") if context in found), None)


def support_for(
    *, user: AbstractBaseUser | AnonymousUser | None, texts: Iterable[str | None]
) -> CountryHelp | None:
    """The crisis lines to show at once after saving these texts, or None when not needed."""
    return help_for(user=user) if support_needed(texts=texts) else None


def get_safety_plan(*, user: AbstractBaseUser) -> SafetyPlan:
    """The person's safety plan; an empty one (not saved) before they write anything."""
    return SafetyPlan.objects.filter(user=user).first() or SafetyPlan(user=user)


def save_safety_plan(*, user: AbstractBaseUser, **sections: str | None) -> SafetyPlan:
    """Save every section at once; InvalidInput (nothing saved) if a section is too long."""
    values = build_plan(sections)
    plan, _ = SafetyPlan.objects.update_or_create(user=user, defaults=values)
    return plan


def take_screening(
    *, user: AbstractBaseUser, instrument_id: str, answers: Sequence[int | str | None]
) -> tuple[ScreeningResult, Score]:
    """Score and keep one questionnaire; InvalidInput (nothing saved) for answers that don't fit.

    `answers` follow the instrument's order: an opening question if it has one, the items,
    then its optional extra questions (see thawing/core/questionnaires.py).
    """
    # Stored as numbers (None for unanswered), whether they came from a form, JSON or a terminal.
    parsed = [_answer(a) for a in answers]
    score_ = content.score(instrument_id, parsed)
    result = ScreeningResult.objects.create(
        user=user, instrument=instrument_id, taken_at=timezone.now(), answers=list(score_.answers),
        total=score_.total, band=score_.band, safety_flag=score_.safety_flag)
    return result, score_


def _answer(value: int | str | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return -1  # refused as out of range, with the usual message
    return value


def get_screening(*, user: AbstractBaseUser, result_id: int) -> ScreeningResult:
    found = ScreeningResult.objects.filter(user=user, pk=result_id).first()
    if found is None:
        raise NotFound(msg("I couldn\u2019t find that result."))
    return found


def screening_history(*, user: AbstractBaseUser, instrument_id: str | None = None,
                      limit: int = 100, offset: int = 0) -> list[ScreeningResult]:
    queryset = ScreeningResult.objects.filter(user=user)
    if instrument_id:
        queryset = queryset.filter(instrument=instrument_id)
    return list(queryset[offset:offset + limit])


def retake_due(*, user: AbstractBaseUser, instrument_id: str) -> date | None:
    """The day a re-take is suggested (two weeks after the last), or None if never taken."""
    last = ScreeningResult.objects.filter(user=user, instrument=instrument_id).first()
    if last is None:
        return None
    days = content.instruments()[instrument_id].retake_days
    return (timezone.localtime(last.taken_at) + timedelta(days=days)).date()


# Numbing kinds (content/ideas.toml) that are substances: using them to cope is a G1 reason.
SUBSTANCES = ("alcohol", "drugs")


def help_signals(*, user: AbstractBaseUser) -> list[Signal]:
    """Reasons from the person's own records to suggest talking to a professional (G1)."""
    from thawing.accounts.days import local_today, user_zone
    from thawing.accounts.services import profile_for
    from thawing.checkins.models import CheckIn
    from thawing.checkins.services import current_episode
    from thawing.habits.models import Numbing
    from thawing.habits.services import habits_week

    today = local_today(user)
    tz = user_zone(user)
    start = timezone.now() - timedelta(days=43)
    days: dict[date, list[int]] = {}
    for at, feel in (CheckIn.objects.filter(user=user, at__gte=start, feel__isnull=False)
                     .values_list("at", "feel")):
        days.setdefault(at.astimezone(tz).date(), []).append(feel)
    episode = current_episode(user=user)
    recent = CheckIn.objects.filter(user=user, at__gte=timezone.now() - timedelta(days=15))
    history = History(
        episode_since=episode.started_on if episode else None,
        daily_feel=sorted((d, sum(v) / len(v)) for d, v in days.items()),
        screenings=_latest_screenings(user=user, tz=tz),
        item9=_item9(user=user, tz=tz),
        past=frozenset(profile_for(user).past),
        detached_days=[at.astimezone(tz).date() for at in recent.filter(detached=True)
                       .values_list("at", flat=True)],
        struggling_days=[at.astimezone(tz).date() for at in recent.filter(struggling=True)
                         .values_list("at", flat=True)],
        substance_days=list(Numbing.objects.filter(user=user, kind__in=SUBSTANCES, to_cope=True,
                                                   day__gt=today - timedelta(days=15))
                            .values_list("day", flat=True)),
        sleep_change_since=next((n.since for n in habits_week(user=user, day=today).sleep_notes
                                 if n.kind == "shift"), None),
    )
    return professional_help_signals(history, today=today)


def _latest_screenings(*, user: AbstractBaseUser, tz: tzinfo) -> dict[str, Screened]:
    """The latest result of each questionnaire that has a cut-off, with the lines that apply."""
    instruments = content.instruments()
    found: dict[str, Screened] = {}
    with_cutoff = [i for i, instrument in instruments.items() if instrument.cutoff is not None]
    for result in ScreeningResult.objects.filter(user=user, instrument__in=with_cutoff):
        if result.instrument in found:
            continue
        instrument = instruments[result.instrument]
        extras = _extras(instrument, result.answers)
        found[result.instrument] = Screened(
            on=result.taken_at.astimezone(tz).date(), total=result.total,
            cutoff=instrument.reason_from(extras),
            lowered=instrument.reason_from(extras, history=True),
            difficulty=extras.get("difficulty"))
    return found


def _extras(instrument: Instrument, answers: Sequence[int | None]) -> dict[str, int]:
    """The answers to an instrument's extra questions, by id, from a kept list of answers."""
    start = len(instrument.questions()) - len(instrument.extras)
    return {q.id: a for q, a in zip(instrument.extras, answers[start:], strict=False) if a is not None}


def _item9(*, user: AbstractBaseUser, tz: tzinfo) -> tuple[date, int] | None:
    """The day and answer of the latest PHQ-9 whose question 9 was above 0, in the last weeks."""
    since = timezone.now() - timedelta(days=ITEM9_DAYS + 2)
    last = ScreeningResult.objects.filter(user=user, instrument="phq9", safety_flag=True,
                                          taken_at__gte=since).first()
    if last is None:
        return None
    item = content.instruments()["phq9"].safety_items[0]
    return last.taken_at.astimezone(tz).date(), int(last.answers[item - 1] or 0)


def save_past(*, user: AbstractBaseUser, past: Sequence[str]) -> list[str]:
    """Answer the optional history question (trauma, depression, anxiety; none is fine), G1.

    Kept on the profile, through its own service, beside the rest of the profile as it is.
    """
    from thawing.accounts.services import profile_for, update_profile

    profile = profile_for(user)
    saved = update_profile(user=user, name=profile.display_name, timezone=profile.timezone,
                           country=profile.country, checkin_time=profile.checkin_time, past=list(past))
    return list(saved.past)


def past_of(*, user: AbstractBaseUser) -> list[str]:
    """The answer to the history question: which of trauma, depression, anxiety, in that order."""
    from thawing.accounts.services import profile_for

    return list(profile_for(user).past)


def is_reason(*, user: AbstractBaseUser, result: ScreeningResult) -> bool:
    """True when this questionnaire result is one of the reasons on Getting support now (G1)."""
    from thawing.accounts.days import user_zone

    day = result.taken_at.astimezone(user_zone(user)).date()
    return any(s.kind.startswith(f"{result.instrument}-") and s.since == day
               for s in help_signals(user=user))
