"""Doing and connecting (D1-D6, B3, F3): the person's own lists, activities and contacts."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thawing import content
from thawing.accounts.days import local_today
from thawing.core.errors import InvalidInput, NotFound, ThawingError
from thawing.practices import services
from thawing.practices.models import Connection, ListItem
from thawing.web import errors_of, offer_support

# Which section of ideas.toml offers starters for each list.
IDEAS_FOR = {"enjoy": "enjoy", "fun": "fun", "ladder": "comfort_zone", "scramble": "routine_scrambles",
             "stimulation": "stimulation", "creative": "creative_outlets", "stressor": "stress_relief"}
# Lists whose items can be planned ahead with a predicted enjoyment (D1).
PLANNABLE = ("enjoy", "fun", "scramble", "stimulation", "creative")


def _kind_or_404(kind: str) -> str:
    if kind not in services.LIST_KINDS:
        raise Http404
    return kind


def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    lists = [(kind, label, services.list_items(user=user, kind=kind))
             for kind, label in ListItem.Kind.choices if kind != "stressor"]
    return render(request, "practices/doing.html", {
        "lists": lists,
        "planned": services.list_activities(user=user, planned=True, limit=20),
        "done": services.list_activities(user=user, planned=False, limit=15),
        "today": local_today(user),
    })


def one_list(request: HttpRequest, kind: str) -> HttpResponse:
    kind = _kind_or_404(kind)
    errors: dict[str, str] = {}
    values = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            services.add_item(user=request.user, kind=kind, text=values.get("text"),
                              detail=values.get("detail"))
        except ThawingError as error:
            errors = errors_of(error)
        else:
            messages.success(request, _("Added to your list."))
            return redirect("practices:list", kind=kind)
    pace = services.pace_of(request.user)
    # The same dimmer as for exercises (G6): the strongest ideas wait for a higher pace.
    ideas = content.ideas().section(IDEAS_FOR[kind], up_to=services.PACE_ALLOWS[pace][-1])
    mine = services.list_items(user=request.user, kind=kind)
    have = {item.text.casefold() for item in mine}
    return render(request, "practices/list.html", {
        "kind": kind, "label": ListItem.Kind(kind).label, "items": mine, "errors": errors,
        "values": values, "ideas": [i for i in ideas if i.text.casefold() not in have],
        "done_today": services.done_today(user=request.user, kind=kind),
        "plannable": kind in PLANNABLE, "pace": pace, "today": local_today(request.user),
        "activities": services.list_activities(user=request.user, kind=kind, limit=20),
    }, status=400 if errors else 200)


def _item_or_404(request: HttpRequest, item_id: int) -> ListItem:
    try:
        return services.get_item(user=request.user, item_id=item_id)
    except NotFound:
        raise Http404 from None


@require_POST
def item_action(request: HttpRequest, item_id: int) -> HttpResponse:
    """Move, cross off, tick as done today, or delete one list item."""
    item = _item_or_404(request, item_id)
    action = request.POST.get("action", "")
    user = request.user
    if action in ("up", "down"):
        services.move_item(user=user, item_id=item.pk, direction=action)
    elif action in ("cross", "uncross"):
        services.cross_off(user=user, item_id=item.pk, done=action == "cross")
        if action == "cross":
            messages.success(request, _("Crossed off. That took something."))
    elif action == "done":
        services.record_activity(user=user, kind=item.kind, item_id=item.pk)
        messages.success(request, _("Noted as done today."))
    elif action == "delete":
        services.delete_item(user=user, item_id=item.pk)
        messages.success(request, _("Removed from your list."))
    else:
        raise Http404
    back = request.POST.get("next", "")
    return redirect("checkins:today") if back == "today" else redirect("practices:list", kind=item.kind)


def item_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    item = _item_or_404(request, item_id)
    errors: dict[str, str] = {}
    values = request.POST if request.method == "POST" else {"text": item.text, "detail": item.detail}
    if request.method == "POST":
        try:
            services.update_item(user=request.user, item_id=item.pk, text=values.get("text"),
                                 detail=values.get("detail"))
        except ThawingError as error:
            errors = errors_of(error)
        else:
            messages.success(request, _("Saved."))
            return redirect("practices:list", kind=item.kind)
    return render(request, "practices/item_edit.html", {"item": item, "values": values,
                                                        "errors": errors},
                  status=400 if errors else 200)


def plan(request: HttpRequest, item_id: int) -> HttpResponse:
    """Plan one thing from a list for a day, with how much you expect to enjoy it (D1)."""
    item = _item_or_404(request, item_id)
    errors: dict[str, str] = {}
    values = request.POST if request.method == "POST" else {"planned_on": local_today(request.user)}
    if request.method == "POST":
        try:
            services.record_activity(user=request.user, kind=item.kind, item_id=item.pk, done=False,
                                     planned_on=values.get("planned_on"),
                                     predicted=values.get("predicted"))
        except ThawingError as error:
            errors = errors_of(error)
        else:
            messages.success(request, _("Planned. You don’t have to feel like it first."))
            return redirect("practices:doing")
    return render(request, "practices/plan.html", {"item": item, "values": values, "errors": errors,
                                                   "scale": range(0, 11)},
                  status=400 if errors else 200)


def rate(request: HttpRequest, activity_id: int) -> HttpResponse:
    """How it went: actual enjoyment 0-10 beside the prediction, the gap shown kindly (D1)."""
    try:
        activity = services.get_activity(user=request.user, activity_id=activity_id)
    except NotFound:
        raise Http404 from None
    errors: dict[str, str] = {}
    values = request.POST if request.method == "POST" else {"note": activity.note}
    if request.method == "POST":
        if values.get("action") == "delete":
            services.delete_activity(user=request.user, activity_id=activity.pk)
            messages.success(request, _("Removed."))
            return redirect("practices:doing")
        try:
            activity = services.rate_activity(user=request.user, activity_id=activity.pk,
                                              actual=values.get("actual"), note=values.get("note"),
                                              done_on=values.get("done_on"))
        except ThawingError as error:
            errors = errors_of(error)
        else:
            offer_support(request, values.get("note"))
            return render(request, "practices/rated.html", {"activity": activity})
    return render(request, "practices/rate.html", {"activity": activity, "values": values,
                                                   "errors": errors, "scale": range(0, 11)},
                  status=400 if errors else 200)


def connect(request: HttpRequest) -> HttpResponse:
    errors: dict[str, str] = {}
    # Drafting a message posts the name, so that it never appears in an address (or a log of one).
    drafting = request.method == "POST" and request.POST.get("action") == "draft"
    values = request.POST if request.method == "POST" and not drafting else {}
    if request.method == "POST" and not drafting:
        try:
            services.log_connection(user=request.user, who=values.get("who"), how=values.get("how"),
                                    felt=values.get("felt"), reached_out=bool(values.get("reached_out")),
                                    note=values.get("note"), on=values.get("on"))
        except ThawingError as error:
            errors = errors_of(error)
        else:
            offer_support(request, values.get("note"))
            messages.success(request, _("Noted. Reaching someone counts, however it went."))
            return redirect("practices:connect")
    ideas = content.ideas()
    starters = ideas.section("reach_out_starters")
    chosen = request.POST if drafting else request.GET
    starter = chosen.get("starter", starters[0].id)
    name = request.POST.get("name", "") if drafting else ""
    try:
        draft = services.draft_message(starter_id=starter, name=name)
    except InvalidInput:
        draft = services.draft_message(starter_id=starter)
    return render(request, "practices/connect.html", {
        "values": values, "errors": errors, "hows": Connection.How.choices,
        "felts": Connection.Felt.choices, "connections": services.list_connections(user=request.user,
                                                                                  limit=30),
        "starters": starters, "starter": starter, "draft": draft, "name": name,
        "contact_ideas": ideas.section("low_pressure_contact"), "nobody_near": ideas.section("nobody_near"),
        "pets": ideas.section("pets"), "today": local_today(request.user),
    }, status=400 if errors else 200)


@require_POST
def connection_delete(request: HttpRequest, connection_id: int) -> HttpResponse:
    try:
        services.delete_connection(user=request.user, connection_id=connection_id)
    except NotFound:
        raise Http404 from None
    messages.success(request, _("Removed."))
    return redirect("practices:connect")
