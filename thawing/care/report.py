"""The clinician report (G3, G4, H2): gathered from the person's records for a date range.

Part of the care services door. `build_report` reads; `render_pdf` draws (fpdf2 loads only then).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from thawing import content
from thawing.accounts.days import day_bounds, local_today
from thawing.accounts.services import profile_for
from thawing.care import medications
from thawing.care.models import ScreeningResult
from thawing.checkins.models import CheckInEmotion
from thawing.checkins.services import daily_means
from thawing.core import report as core
from thawing.core.errors import InvalidInput
from thawing.core.habits import week_start
from thawing.core.i18n import msg
from thawing.core.mood import parse_day
from thawing.habits.models import DayHabits, Numbing

# A report is for an appointment: a few months is typical, ten years is allowed.
LONGEST_DAYS = 3660
DEFAULT_DAYS = 90


def parse_range(
    *, user: AbstractBaseUser, start: str | date | None, end: str | date | None
) -> tuple[date, date]:
    """The report's first and last local day; empty means the last 90 days up to today."""
    today = local_today(user)
    problems: dict[str, str] = {}
    days: dict[str, date | None] = {}
    for field, value in (("start", start), ("end", end)):
        try:
            days[field] = value if isinstance(value, date) else parse_day(value, field=field)
        except InvalidInput as error:
            problems.update(error.fields)
    if problems:
        raise InvalidInput(problems)
    last = days["end"] or today
    first = days["start"] or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise InvalidInput({"start": msg("The first day comes after the last one. Please swap them.")})
    if (last - first).days >= LONGEST_DAYS:
        raise InvalidInput({"start": msg("A report can cover up to ten years.")})
    return first, last


def _signal_lines(user: AbstractBaseUser) -> tuple[core.SignalLine, ...]:
    from thawing.care.services import help_signals

    lines = []
    for signal in help_signals(user=user):
        html = render_to_string("care/_signal_body.html", {"signal": signal})
        found = re.search(r"<h2>(.*?)</h2>(.*)", html, re.S)
        if found:
            lines.append(core.SignalLine(strip_tags(found.group(1)).strip(), signal.since,
                                         " ".join(strip_tags(found.group(2)).split())))
    return tuple(lines)


def _practices(user: AbstractBaseUser, first: date, last: date) -> tuple[core.PracticeLine, ...]:
    from thawing.practices.models import Session

    start, end = day_bounds(user, first)[0], day_bounds(user, last)[1]
    exercises = content.exercises()
    grouped: dict[str, list[Session]] = {}
    for session in Session.objects.filter(user=user, at__gte=start, at__lt=end):
        grouped.setdefault(session.exercise, []).append(session)
    lines = []
    for exercise_id, sessions in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
        changes = [s.feel_after - s.feel_before for s in sessions
                   if s.feel_before is not None and s.feel_after is not None]
        name = exercises[exercise_id].name if exercise_id in exercises else exercise_id
        lines.append(core.PracticeLine(name, len(sessions), sum(s.seconds for s in sessions) // 60,
                                       round(sum(changes) / len(changes), 1) if changes else None))
    return tuple(lines)


def _habits(user: AbstractBaseUser, first: date, last: date) -> core.HabitSummary | None:
    rows = list(DayHabits.objects.filter(user=user, day__gte=first, day__lte=last))
    numbing = (Numbing.objects.filter(user=user, day__gte=first, day__lte=last).values("kind")
               .annotate(days=Count("day", distinct=True)).order_by("-days"))
    if not rows and not numbing:
        return None
    nights = [float(r.sleep_hours) for r in rows if r.sleep_hours is not None]
    moved = [r.movement_minutes for r in rows if r.movement_minutes is not None]
    weeks = max(1.0, ((last - first).days + 1) / 7)
    names = {i.id: i.text for i in content.ideas().section("numbing")}
    return core.HabitSummary(
        sleep_hours_mean=round(sum(nights) / len(nights), 1) if nights else None,
        nights_logged=len(nights),
        movement_minutes_per_week=round(sum(moved) / weeks, 1) if moved else None,
        numbing_days=tuple(core.NumbingDays(names.get(n["kind"], n["kind"]), n["days"]) for n in numbing),
    )


def _emotions(user: AbstractBaseUser, first: date, last: date) -> tuple[tuple, tuple]:
    start, end = day_bounds(user, first)[0], day_bounds(user, last)[1]
    weeks: dict[date, set[str]] = {}
    counts: Counter[str] = Counter()
    vocabulary = content.vocabulary()
    from thawing.accounts.days import user_zone

    zone = user_zone(user)
    for word, at in (CheckInEmotion.objects.filter(user=user, checkin__at__gte=start, checkin__at__lt=end)
                     .values_list("emotion", "checkin__at")):
        day = at.astimezone(zone).date()
        weeks.setdefault(week_start(day), set()).add(word)
        counts[word] += 1
    variety = tuple(core.WeekVariety(w, len(words)) for w, words in sorted(weeks.items()))

    def name(word: str) -> str:
        emotion = vocabulary.get(word)
        return emotion.name if emotion else word

    top = tuple(core.EmotionCount(name(w), c) for w, c in counts.most_common(10))
    return variety, top


def build_report(
    *, user: AbstractBaseUser, start: str | date | None = None, end: str | date | None = None,
    include_journal: bool = False,
) -> core.Report:
    """Everything the clinician report shows for the range; the journal only when asked."""
    first, last = parse_range(user=user, start=start, end=end)
    profile = profile_for(user)
    days = tuple(core.DayPoint(d.day, d.mood, d.feel, d.checkins, d.cant_tell)
                 for d in daily_means(user=user, start=first, end=last))
    instruments = content.instruments()
    begin, finish = day_bounds(user, first)[0], day_bounds(user, last)[1]
    results = list(ScreeningResult.objects.filter(user=user, taken_at__gte=begin, taken_at__lt=finish)
                   .order_by("taken_at"))
    zone = begin.tzinfo
    screenings = tuple(
        core.ScreeningLine(r.taken_at.astimezone(zone).date(),
                           instruments[r.instrument].name if r.instrument in instruments else r.instrument,
                           r.total, _max_total(instruments.get(r.instrument)), r.band)
        for r in results)
    meds = tuple(
        core.MedicationLine(m.name, m.dose, m.started_on, m.stopped_on,
                            tuple(core.MedicationChange(c.on, c.dose) for c in m.changes.all()))
        for m in medications.list_medications(user=user)
        if (m.started_on is None or m.started_on <= last) and (m.stopped_on is None or m.stopped_on >= first))
    variety, top = _emotions(user, first, last)
    journal: tuple[core.JournalLine, ...] = ()
    if include_journal:
        from thawing.journal.models import Entry

        journal = tuple(core.JournalLine(e.written_at.astimezone(zone).date(), e.title, e.body)
                        for e in Entry.objects.filter(user=user, written_at__gte=begin, written_at__lt=finish)
                        .order_by("written_at"))
    return core.Report(
        person=profile.display_name, made_on=local_today(user), start=first, end=last, days=days,
        weekly_variety=variety, top_emotions=top, screenings=screenings, medications=meds,
        signals=_signal_lines(user), practices=_practices(user, first, last),
        habits=_habits(user, first, last), notes_for_clinician=medications.clinician_notes(user=user),
        journal=journal,
        safety_flag_dates=tuple(r.taken_at.astimezone(zone).date() for r in results if r.safety_flag),
    )


def _max_total(instrument: object) -> int:
    if instrument is None:
        return 0
    return len(instrument.items) * max(o.value for o in instrument.options)


def render_pdf(report: core.Report) -> bytes:
    """The report as PDF bytes; refuses a range with nothing in it, kindly."""
    if core.is_empty(report):
        raise InvalidInput({"start": msg(
            "There is nothing recorded between these days, so there is nothing to put in a report yet. "
            "Try a longer range.")})
    from thawing.care.pdf import render_report

    return render_report(report)
