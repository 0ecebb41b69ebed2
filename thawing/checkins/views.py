from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from thawing import content
from thawing.accounts.days import local_today
from thawing.checkins import services
from thawing.checkins.forms import CheckInInput
from thawing.core.body import group_by_reason
from thawing.core.errors import InvalidInput, NotFound, ThawingError
from thawing.core.mood import FEEL_MAX, FEEL_MIN, MOOD_MAX, MOOD_MIN, parse_day
from thawing.web import errors_of, offer_support, page_number, paged, say

HISTORY_PAGE = 100
INTENSITY_CHOICES = [
    (1, gettext_lazy("1 barely")), (2, gettext_lazy("2 a little")), (3, gettext_lazy("3 some")),
    (4, gettext_lazy("4 a lot")), (5, gettext_lazy("5 very strongly")),
]


def _body_rows(chosen: list[str]) -> list[tuple[object, list[tuple[object, str, bool]], int]]:
    """Each region with its sensations, their form values, and whether each is ticked."""
    body_map = content.body_map()
    picked = set(chosen)
    rows = []
    for region in body_map.regions:
        options = [(s, f"{region.id}:{s.id}", f"{region.id}:{s.id}" in picked)
                   for s in body_map.sensations]
        rows.append((region, options, sum(1 for *_, ticked in options if ticked)))
    return rows


def _form_context(values: CheckInInput, errors: dict[str, str], **extra: object) -> dict[str, object]:
    suggestions = []
    if values.body:
        try:
            suggestions = services.suggest_emotions(body=values.body)
        except InvalidInput:
            suggestions = []
    return {
        "values": values, "errors": errors, "suggestions": group_by_reason(suggestions),
        "mood_range": range(MOOD_MIN, MOOD_MAX + 1), "feel_range": range(FEEL_MIN, FEEL_MAX + 1),
        "intensity_choices": INTENSITY_CHOICES, "body_rows": _body_rows(values.body),
        "vocabulary": content.vocabulary(), **extra,
    }


def new(request: HttpRequest) -> HttpResponse:
    values = CheckInInput.from_post(request.POST) if request.method == "POST" else CheckInInput()
    errors: dict[str, str] = {}
    if request.method == "POST" and "suggest" not in request.POST:
        try:
            services.record_checkin(user=request.user, **values.service_arguments())
        except ThawingError as error:
            errors = errors_of(error)
        else:
            offer_support(request, values.note, values.flicker)
            messages.success(request, _("Check-in saved. Thank you for noticing."))
            return redirect("checkins:today")
    status = 400 if errors else 200
    return render(request, "checkins/form.html", _form_context(values, errors), status=status)


def edit(request: HttpRequest, checkin_id: int) -> HttpResponse:
    try:
        checkin = services.get_checkin(user=request.user, checkin_id=checkin_id)
    except NotFound:
        raise Http404 from None
    values = (CheckInInput.from_post(request.POST) if request.method == "POST"
              else CheckInInput.from_checkin(checkin))
    errors: dict[str, str] = {}
    if request.method == "POST" and "suggest" not in request.POST:
        try:
            services.update_checkin(user=request.user, checkin_id=checkin_id,
                                    **values.service_arguments())
        except ThawingError as error:
            errors = errors_of(error)
        else:
            offer_support(request, values.note, values.flicker)
            messages.success(request, _("Check-in updated."))
            return redirect("checkins:today")
    return render(request, "checkins/form.html",
                  _form_context(values, errors, checkin=checkin), status=400 if errors else 200)


def delete(request: HttpRequest, checkin_id: int) -> HttpResponse:
    try:
        checkin = services.get_checkin(user=request.user, checkin_id=checkin_id)
    except NotFound:
        raise Http404 from None
    if request.method == "POST":
        services.delete_checkin(user=request.user, checkin_id=checkin_id)
        messages.success(request, _("Check-in deleted."))
        return redirect("checkins:today")
    return render(request, "checkins/delete.html", {"checkin": checkin,
                                                    "vocabulary": content.vocabulary()})


def history(request: HttpRequest) -> HttpResponse:
    since_text = request.GET.get("since", "")
    error = ""
    try:
        since = parse_day(since_text, field="since")
    except InvalidInput as problem:
        since, error = None, say(problem.fields["since"])
    page = page_number(request)
    checkins, pages = paged(request, services.list_checkins(
        user=request.user, since=since, limit=HISTORY_PAGE + 1,
        offset=(page - 1) * HISTORY_PAGE), page, HISTORY_PAGE)
    days: dict[date, list[object]] = {}
    for checkin in checkins:
        days.setdefault(timezone.localtime(checkin.at).date(), []).append(checkin)
    return render(request, "checkins/history.html", {
        "days": list(days.items()), "since": since_text, "error": error, "pages": pages,
        "vocabulary": content.vocabulary(),
    })


def shut_down(request: HttpRequest) -> HttpResponse:
    values = {"since": request.POST.get("since", ""), "words": request.POST.get("words", "")}
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            services.acknowledge_shutdown(user=request.user, **values)
        except ThawingError as error:
            errors = errors_of(error)
        else:
            offer_support(request, values["words"])
            messages.success(request, _(
                "Thank you for writing it down. Noticing is the first step, and it counts."))
            return redirect("checkins:today")
    return render(request, "checkins/shut_down.html", {
        "values": values, "errors": errors,
        "episode": services.current_episode(user=request.user),
        "today": local_today(request.user),
    }, status=400 if errors else 200)


@require_POST
def ease(request: HttpRequest) -> HttpResponse:
    services.end_episode(user=request.user)
    messages.success(request, _("Noted. If it comes back, you can say so again at any time."))
    return redirect("checkins:today")


def emotions(request: HttpRequest) -> HttpResponse:
    vocabulary = content.vocabulary()
    # Posted: a word someone looks up can say how they feel, and addresses end up in logs.
    query = request.POST.get("q", "").strip() if request.method == "POST" else ""
    results = vocabulary.search(query) if query else None
    close = vocabulary.close_matches(query) if query and not results else []
    return render(request, "checkins/emotions.html", {
        "vocabulary": vocabulary, "query": query, "results": results, "close": close,
        "families": [(f, vocabulary.in_family(f.id)) for f in vocabulary.families],
    })


def emotion(request: HttpRequest, emotion_id: str) -> HttpResponse:
    vocabulary = content.vocabulary()
    found = vocabulary.get(emotion_id)
    if found is None:
        raise Http404
    cousins = [(vocabulary.get(c.id), c.difference) for c in found.cousins]
    return render(request, "checkins/emotion.html", {
        "emotion": found, "family": vocabulary.family(found.family), "cousins": cousins,
    })


def learn(request: HttpRequest) -> HttpResponse:
    vocabulary = content.vocabulary()
    day = local_today(request.user)
    featured = vocabulary.emotions[(day.toordinal() * 11) % len(vocabulary.emotions)]
    grid = [[[e for e in vocabulary.emotions if e.valence == v and e.energy == n]
             for v in range(-2, 3)] for n in range(2, -3, -1)]
    return render(request, "checkins/learn.html", {
        "featured": featured, "vocabulary": vocabulary,
        "cousins": [(vocabulary.get(c.id), c.difference) for c in featured.cousins],
        "grid": grid, "numb": vocabulary.in_family("numb"),
    })
