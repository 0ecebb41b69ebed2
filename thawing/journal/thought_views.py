"""Thought records (E1): thin views over `journal.thoughts`."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from thawing import content
from thawing.core.errors import NotFound, ThawingError
from thawing.core.mood import as_local_input
from thawing.journal import thoughts
from thawing.web import errors_of, offer_support

FIELDS = ("situation", "thought", "belief_before", "evidence", "other_views", "conclusions",
          "alternative", "belief_after", "at")


def _record_or_404(request: HttpRequest, record_id: int):
    try:
        return thoughts.get_thought(user=request.user, record_id=record_id)
    except NotFound:
        raise Http404 from None


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "journal/thoughts.html", {
        "records": thoughts.list_thoughts(user=request.user, limit=100),
        "notes": content.ideas().section("self_compassion"),
    })


def _form(request: HttpRequest, record=None) -> HttpResponse:
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = {field: request.POST.get(field, "") for field in FIELDS}
        try:
            arguments = {k: v for k, v in values.items() if k != "thought"}
            if record is None:
                record = thoughts.record_thought(user=request.user, thought=values["thought"], **arguments)
            else:
                record = thoughts.update_thought(user=request.user, record_id=record.pk,
                                                 thought=values["thought"], **arguments)
        except ThawingError as error:
            errors = errors_of(error)
        else:
            offer_support(request, *(values[f] for f in thoughts.TEXT_FIELDS + ("thought",)))
            messages.success(request, _("Saved. Looking at a thought from another side takes practice."))
            return redirect("journal:thought", record_id=record.pk)
    elif record is not None:
        values = {field: getattr(record, field) for field in FIELDS}
        values["at"] = as_local_input(record.at, timezone.get_current_timezone())
        values = {k: "" if v is None else v for k, v in values.items()}
    else:
        values = {}
    return render(request, "journal/thought_form.html", {
        "values": values, "errors": errors, "record": record,
        "questions": content.ideas().section("thought_questions"),
        "belief_range": range(0, 101, 10),
    }, status=400 if errors else 200)


def new(request: HttpRequest) -> HttpResponse:
    return _form(request)


def edit(request: HttpRequest, record_id: int) -> HttpResponse:
    return _form(request, _record_or_404(request, record_id))


def detail(request: HttpRequest, record_id: int) -> HttpResponse:
    record = _record_or_404(request, record_id)
    if request.method == "POST" and request.POST.get("action") == "delete":
        thoughts.delete_thought(user=request.user, record_id=record.pk)
        messages.success(request, _("Thought record deleted."))
        return redirect("journal:thoughts")
    return render(request, "journal/thought.html", {
        "record": record, "questions": content.ideas().section("thought_questions"),
    })
