"""Guided practices, the person's own lists, activities, connections and the checklist.

The only door to the practices tables for views, the API and the CLI (C1-C6, D1-D6, B3-B5,
F3, F4, H1). Every query filters by the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from thawing import content
from thawing.accounts.days import day_bounds, local_today, user_zone
from thawing.accounts.services import profile_for
from thawing.core import checklist as core_checklist
from thawing.core.errors import InvalidInput, NotFound
from thawing.core.exercises import Exercise
from thawing.core.i18n import msg
from thawing.core.mood import FEEL_MAX, FEEL_MIN, clean_text, parse_day, parse_moment
from thawing.core.values import checked, one_of, parse_whole, required_text
from thawing.practices.models import Activity, ChecklistTick, Connection, ListItem, Session

NOTE_MAX = 5_000
ITEM_MAX = 300
WHO_MAX = 120
# A session longer than this is a timer left running, not practice: it is refused.
SESSION_MAX_SECONDS = 6 * 60 * 60
PACES = ("gentle", "steady", "full")
# What each pace lets through, from softest to strongest (G6).
PACE_ALLOWS = {"gentle": ("gentle",), "steady": ("gentle", "moderate"),
               "full": ("gentle", "moderate", "intense")}
LIST_KINDS = tuple(ListItem.Kind.values)
FEEL_LABEL = msg("\u201cHow much can you feel\u201d")


# Exercises and sessions (C1-C6, A5, B4, B5) ---------------------------------------------

def pace_of(user: AbstractBaseUser) -> str:
    pace = profile_for(user).pace
    return pace if pace in PACES else "steady"


def set_pace(*, user: AbstractBaseUser, pace: str) -> str:
    """Turn the dimmer (G6): gentle holds back intense practices and prompts."""
    code = one_of(pace, field="pace", choices=PACES, label=msg("Pace"))
    profile = profile_for(user)
    profile.pace = code
    profile.save(update_fields=["pace"])
    return code


@dataclass(frozen=True)
class Offer:
    """An exercise as offered to this person: `ready` is False when their pace holds it back."""

    exercise: Exercise
    ready: bool


def list_exercises(*, user: AbstractBaseUser) -> list[Offer]:
    allowed = PACE_ALLOWS[pace_of(user)]
    return [Offer(e, e.intensity in allowed) for e in content.exercises().values()]


# At a gentle pace, the practices page starts with these: gentle and a few minutes at most (G6).
SHORT_MINUTES = 3


def short_and_gentle(*, user: AbstractBaseUser) -> list[Offer]:
    """The gentle practices of a few minutes, offered first at a gentle pace (G6)."""
    if pace_of(user) != "gentle":
        return []
    return [o for o in list_exercises(user=user)
            if o.ready and o.exercise.minutes <= SHORT_MINUTES and o.exercise.kind != "release"]


def get_exercise(*, exercise_id: str, minutes: str | int | None = None) -> Exercise:
    """An exercise by id, its timed steps stretched to `minutes` when given."""
    exercise = content.exercises().get(exercise_id or "")
    if exercise is None:
        raise NotFound(msg("I don\u2019t know an exercise called \u201c%(name)s\u201d.",
                           name=(exercise_id or "")[:60]))
    if minutes not in (None, ""):
        exercise = exercise.with_minutes(minutes)
    return exercise


def record_session(
    *,
    user: AbstractBaseUser,
    exercise_id: str,
    seconds: str | int,
    planned_seconds: str | int | None = None,
    completed: bool = True,
    feel_before: str | int | None = None,
    feel_after: str | int | None = None,
    note: str | None = "",
    at: str | datetime | None = None,
) -> Session:
    """Log a practice session with the time it really ran; ratings are optional (0-10)."""
    exercise = get_exercise(exercise_id=exercise_id)
    checks = {
        "seconds": lambda: _seconds(seconds),
        "planned_seconds": lambda: parse_whole(planned_seconds, field="planned_seconds", low=0,
                                               high=SESSION_MAX_SECONDS, label=msg("Planned time")),
        "feel_before": lambda: parse_whole(feel_before, field="feel_before", low=FEEL_MIN,
                                           high=FEEL_MAX, label=FEEL_LABEL),
        "feel_after": lambda: parse_whole(feel_after, field="feel_after", low=FEEL_MIN,
                                          high=FEEL_MAX, label=FEEL_LABEL),
        "note": lambda: clean_text("note", note, limit=NOTE_MAX, label=msg("This note")),
        "at": lambda: _moment(user, at),
    }
    values = checked(checks)
    return Session.objects.create(
        user=user, exercise=exercise.id, kind=exercise.kind, at=values["at"],
        seconds=values["seconds"],
        planned_seconds=(exercise.total_seconds if values["planned_seconds"] is None
                         else values["planned_seconds"]),
        completed=bool(completed), feel_before=values["feel_before"], feel_after=values["feel_after"],
        note=values["note"],
    )


def _seconds(value: str | int | None) -> int:
    seconds = parse_whole(value, field="seconds", low=0, high=SESSION_MAX_SECONDS,
                          label=msg("Time spent in seconds"))
    if seconds is None:
        raise InvalidInput({"seconds": msg("Say how long the practice ran, in seconds (0 is fine).")})
    return seconds


def _moment(user: AbstractBaseUser, at: str | datetime | None) -> datetime:
    zone = user_zone(user)
    return parse_moment(at, now=timezone.now().astimezone(zone), tz=zone)


def named(sessions: list[Session]) -> list[Session]:
    """Sessions with the name of their exercise attached as `.name`, for pages and the CLI."""
    exercises = content.exercises()
    for session in sessions:
        found = exercises.get(session.exercise)
        session.name = found.name if found else session.exercise  # type: ignore[attr-defined]
    return sessions


def list_sessions(
    *, user: AbstractBaseUser, since: date | None = None, limit: int | None = None, offset: int = 0
) -> list[Session]:
    queryset = Session.objects.filter(user=user)
    if since is not None:
        queryset = queryset.filter(at__gte=day_bounds(user, since)[0])
    return named(list(queryset[offset:offset + limit] if limit else queryset[offset:]))


def sessions_on(*, user: AbstractBaseUser, day: date) -> list[Session]:
    start, end = day_bounds(user, day)
    return named(list(Session.objects.filter(user=user, at__gte=start, at__lt=end)))


def delete_session(*, user: AbstractBaseUser, session_id: int) -> None:
    deleted, _ = Session.objects.filter(user=user, pk=session_id).delete()
    if not deleted:
        raise NotFound(msg("That session isn\u2019t here any more."))


# The person's own lists (D1-D5, B3, F3) -------------------------------------------------

def _kind(kind: str | None) -> str:
    return one_of(kind, field="kind", choices=LIST_KINDS, label=msg("List"))


def list_items(
    *, user: AbstractBaseUser, kind: str, limit: int | None = None, offset: int = 0
) -> list[ListItem]:
    queryset = ListItem.objects.filter(user=user, kind=_kind(kind))
    return list(queryset[offset:offset + limit] if limit else queryset[offset:])


def get_item(*, user: AbstractBaseUser, item_id: int) -> ListItem:
    item = ListItem.objects.filter(user=user, pk=item_id).first()
    if item is None:
        raise NotFound(msg("That item isn\u2019t on your list any more."))
    return item


def _item_texts(text: str | None, detail: str | None) -> tuple[str, str]:
    problems: dict[str, str] = {}
    clean = {}
    for field, value, check in (
        ("text", text, lambda v: required_text(v, field="text", limit=ITEM_MAX, label=msg("The item"))),
        ("detail", detail, lambda v: clean_text("detail", v, limit=ITEM_MAX, label=msg("The small step"))),
    ):
        try:
            clean[field] = check(value)
        except InvalidInput as error:
            problems.update(error.fields)
    if problems:
        raise InvalidInput(problems)
    return clean["text"], clean["detail"]


def add_item(*, user: AbstractBaseUser, kind: str, text: str | None, detail: str | None = "") -> ListItem:
    """Add to the end of one of the person's lists; the favourite is the one at the top."""
    code = _kind(kind)
    clean_text_, clean_detail = _item_texts(text, detail)
    with transaction.atomic():
        last = ListItem.objects.filter(user=user, kind=code).aggregate(top=Max("position"))["top"]
        return ListItem.objects.create(user=user, kind=code, text=clean_text_, detail=clean_detail,
                                       position=(last or 0) + 1)


def update_item(
    *, user: AbstractBaseUser, item_id: int, text: str | None, detail: str | None = ""
) -> ListItem:
    item = get_item(user=user, item_id=item_id)
    item.text, item.detail = _item_texts(text, detail)
    item.save(update_fields=["text", "detail"])
    return item


def move_item(*, user: AbstractBaseUser, item_id: int, direction: str) -> ListItem:
    """Move an item one place "up" (towards the favourite) or "down"."""
    step = one_of(direction, field="direction", choices=("up", "down"), label=msg("Direction"))
    with transaction.atomic():
        item = get_item(user=user, item_id=item_id)
        items = list(ListItem.objects.filter(user=user, kind=item.kind).select_for_update())
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = index - 1 if step == "up" else index + 1
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        for position, other in enumerate(items, start=1):
            if other.position != position:
                other.position = position
                other.save(update_fields=["position"])
    return get_item(user=user, item_id=item_id)


def cross_off(*, user: AbstractBaseUser, item_id: int, done: bool = True) -> ListItem:
    """Mark a step of the comfort-zone ladder (or any item) as done for good, or undo it."""
    item = get_item(user=user, item_id=item_id)
    item.done_on = local_today(user) if done else None
    item.save(update_fields=["done_on"])
    return item


def delete_item(*, user: AbstractBaseUser, item_id: int) -> None:
    deleted, _ = ListItem.objects.filter(user=user, pk=item_id).delete()
    if not deleted:
        raise NotFound(msg("That item isn\u2019t on your list any more."))


# Activities: planned, done, rated (D1-D5, B3) -------------------------------------------

def record_activity(
    *,
    user: AbstractBaseUser,
    kind: str,
    title: str | None = "",
    item_id: int | None = None,
    planned_on: str | date | None = None,
    done_on: str | date | None = None,
    done: bool | None = None,
    predicted: str | int | None = None,
    actual: str | int | None = None,
    note: str | None = "",
) -> Activity:
    """Plan something (with a predicted enjoyment) or log it done (with the actual one), 0-10.

    Without `done`, it counts as done unless it is planned for a day (`planned_on`).
    """
    item = get_item(user=user, item_id=item_id) if item_id else None
    # An item's own list decides where its activity is filed.
    code = item.kind if item is not None else _kind(kind)
    if done is None:
        done = planned_on in (None, "")
    today = local_today(user)
    checks = {
        "title": lambda: required_text(title or (item.text if item else ""), field="title",
                                       limit=ITEM_MAX, label=msg("What you did")),
        "planned_on": lambda: _day(planned_on, "planned_on"),
        "done_on": lambda: _day(done_on, "done_on", latest=today) or (today if done else None),
        "predicted": lambda: parse_whole(predicted, field="predicted", low=0, high=10,
                                         label=msg("The enjoyment you expect")),
        "actual": lambda: parse_whole(actual, field="actual", low=0, high=10,
                                      label=msg("How much you enjoyed it")),
        "note": lambda: clean_text("note", note, limit=NOTE_MAX, label=msg("This note")),
    }
    values = checked(checks)
    return Activity.objects.create(user=user, kind=code, item=item, **values)


def _day(value: str | date | None, field: str, *, latest: date | None = None) -> date | None:
    day = value if isinstance(value, date) else parse_day(value, field=field)
    if day is not None and latest is not None and day > latest:
        raise InvalidInput({field: msg("That day hasn\u2019t come yet. Choose today or earlier.")})
    return day


def rate_activity(
    *, user: AbstractBaseUser, activity_id: int, actual: str | int | None, note: str | None = None,
    done_on: str | date | None = None,
) -> Activity:
    """Say how a planned activity went: done today (or on `done_on`), enjoyment 0-10 if known."""
    activity = get_activity(user=user, activity_id=activity_id)
    today = local_today(user)
    problems: dict[str, str] = {}
    try:
        activity.actual = parse_whole(actual, field="actual", low=0, high=10,
                                      label=msg("How much you enjoyed it"))
    except InvalidInput as error:
        problems.update(error.fields)
    try:
        activity.done_on = _day(done_on, "done_on", latest=today) or activity.done_on or today
    except InvalidInput as error:
        problems.update(error.fields)
    if note is not None:
        try:
            activity.note = clean_text("note", note, limit=NOTE_MAX, label=msg("This note"))
        except InvalidInput as error:
            problems.update(error.fields)
    if problems:
        raise InvalidInput(problems)
    activity.save()
    return activity


def get_activity(*, user: AbstractBaseUser, activity_id: int) -> Activity:
    activity = Activity.objects.filter(user=user, pk=activity_id).first()
    if activity is None:
        raise NotFound(msg("I couldn\u2019t find that activity."))
    return activity


def list_activities(
    *, user: AbstractBaseUser, kind: str | None = None, since: date | None = None,
    planned: bool | None = None, limit: int | None = None, offset: int = 0,
) -> list[Activity]:
    """Activities newest first; `planned=True` keeps only those not yet done."""
    queryset = Activity.objects.filter(user=user).select_related("item")
    if kind:
        queryset = queryset.filter(kind=_kind(kind))
    if since is not None:
        queryset = queryset.filter(done_on__gte=since) | queryset.filter(planned_on__gte=since,
                                                                          done_on__isnull=True)
    if planned is not None:
        queryset = queryset.filter(done_on__isnull=planned)
    return list(queryset[offset:offset + limit] if limit else queryset[offset:])


def delete_activity(*, user: AbstractBaseUser, activity_id: int) -> None:
    deleted, _ = Activity.objects.filter(user=user, pk=activity_id).delete()
    if not deleted:
        raise NotFound(msg("I couldn\u2019t find that activity."))


def done_today(*, user: AbstractBaseUser, kind: str) -> set[int]:
    """Ids of the list items of `kind` done today (a fun-list item ticked off, D2)."""
    today = local_today(user)
    return set(Activity.objects.filter(user=user, kind=_kind(kind), done_on=today,
                                       item__isnull=False).values_list("item_id", flat=True))


# Connecting (D6) ------------------------------------------------------------------------

def log_connection(
    *,
    user: AbstractBaseUser,
    who: str | None,
    how: str | None,
    felt: str | None = Connection.Felt.CANT_TELL,
    reached_out: bool = False,
    note: str | None = "",
    on: str | date | None = None,
) -> Connection:
    """Note time with someone: who, how (in person, call, message, group) and how it felt."""
    checks = {
        "who": lambda: required_text(who, field="who", limit=WHO_MAX, label=msg("Who")),
        "how": lambda: one_of(how, field="how", choices=tuple(Connection.How.values), label=msg("How")),
        "felt": lambda: one_of(felt or Connection.Felt.CANT_TELL, field="felt",
                               choices=tuple(Connection.Felt.values), label=msg("How it felt")),
        "note": lambda: clean_text("note", note, limit=NOTE_MAX, label=msg("This note")),
        "on": lambda: _day(on, "on", latest=local_today(user)) or local_today(user),
    }
    values = checked(checks)
    return Connection.objects.create(user=user, reached_out=bool(reached_out), **values)


def list_connections(
    *, user: AbstractBaseUser, limit: int | None = None, offset: int = 0
) -> list[Connection]:
    queryset = Connection.objects.filter(user=user)
    return list(queryset[offset:offset + limit] if limit else queryset[offset:])


def delete_connection(*, user: AbstractBaseUser, connection_id: int) -> None:
    deleted, _ = Connection.objects.filter(user=user, pk=connection_id).delete()
    if not deleted:
        raise NotFound(msg("That entry isn\u2019t here any more."))


def draft_message(*, starter_id: str | None = None, name: str | None = "") -> str:
    """A message to one trusted person about how I have been feeling, for the person to edit."""
    starters = content.ideas().section("reach_out_starters")
    starter = next((s for s in starters if s.id == starter_id), starters[0])
    return starter.filled(clean_text("name", name, limit=WHO_MAX, label=msg("The name")))


# The reconnection checklist (H1) --------------------------------------------------------

def checklist(*, user: AbstractBaseUser) -> list[core_checklist.Item]:
    """The seven reconnection steps for today, ticked from records where they show it."""
    from thawing.checkins.models import CheckIn, Episode
    from thawing.habits.models import Numbing

    today = local_today(user)
    week = today - timedelta(days=6)
    start, end = day_bounds(user, today)
    first = Episode.objects.filter(user=user).order_by("started_on").first()
    body = Session.objects.filter(user=user, kind="body", at__gte=start, at__lt=end)
    creative = Activity.objects.filter(user=user, kind=ListItem.Kind.CREATIVE, done_on__gte=week,
                                       done_on__lte=today)
    numbing = Numbing.objects.filter(user=user, day__gte=week - timedelta(days=7), day__lte=today)
    numbing_days = set(numbing.values_list("day", flat=True))
    records = core_checklist.Records(
        acknowledged_on=first.started_on if first else None,
        body_minutes_today=(body.aggregate(total=Sum("seconds"))["total"] or 0) // 60,
        creative_days=tuple(creative.values_list("done_on", flat=True)),
        connection_days=tuple(Connection.objects.filter(user=user, on__gte=week, on__lte=today)
                              .values_list("on", flat=True)),
        numbing_days_this_week=sum(1 for d in numbing_days if d >= week),
        numbing_days_week_before=sum(1 for d in numbing_days if d < week),
        flickers_today=CheckIn.objects.filter(user=user, at__gte=start, at__lt=end)
        .exclude(flicker="").count(),
        ticks=tuple(ChecklistTick.objects.filter(user=user).values_list("item", "on")),
    )
    return core_checklist.reconnection_checklist(records, today=today)


def tick(*, user: AbstractBaseUser, item: str, done: bool = True) -> None:
    """Tick a checklist step by hand for today (or untick it)."""
    code = one_of(item, field="item", choices=core_checklist.ITEMS, label=msg("Checklist step"))
    today = local_today(user)
    if done:
        ChecklistTick.objects.get_or_create(user=user, item=code, on=today)
    else:
        since = core_checklist.period_start(core_checklist.PERIOD[code], today)
        ChecklistTick.objects.filter(user=user, item=code, on__gte=since).delete()



@dataclass(frozen=True)
class TodayPractices:
    """What Today shows of practices and plans: sessions, the fun list, plans, checklist."""

    sessions: list[Session]
    fun: list[ListItem]
    fun_done: set[int]
    planned: list[Activity]
    checklist: list[core_checklist.Item]
    kind_word: str

    @property
    def checklist_done(self) -> int:
        return sum(1 for item in self.checklist if item.done)


def today_practices(*, user: AbstractBaseUser) -> TodayPractices:
    today = local_today(user)
    notes = content.ideas().section("self_compassion")
    return TodayPractices(
        sessions=sessions_on(user=user, day=today),
        fun=[i for i in list_items(user=user, kind="fun")][:3],
        fun_done=done_today(user=user, kind="fun"),
        planned=list(Activity.objects.filter(user=user, planned_on__lte=today, done_on__isnull=True)
                     .order_by("planned_on", "pk")[:5]),
        checklist=checklist(user=user),
        kind_word=notes[today.toordinal() % len(notes)].text if notes else "",
    )
