"""Guides of our own about finding help and understanding numbness (G2, G3, G4, G6).

Each guide is a template under `templates/care/guides/`; this registry names them so one
view serves them all and the index lists them in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Guide:
    template: str
    title: str | Promise
    summary: str | Promise


GUIDES: dict[str, Guide] = {
    "therapies": Guide(
        "care/guides/therapies.html", _("Kinds of therapy"),
        _("Talk therapy, CBT, ACT, EMDR and Somatic Experiencing, in plain words.")),
    "finding-a-therapist": Guide(
        "care/guides/finding-a-therapist.html", _("Finding a therapist"),
        _("Where to look, what it may cost, and waiting lists.")),
    "first-appointment": Guide(
        "care/guides/first-appointment.html", _("Your first appointment"),
        _("What to say, what to bring and what to ask.")),
    "causes": Guide(
        "care/guides/causes.html", _("What can cause numbness"),
        _("The usual reasons feelings go quiet, to think over with a doctor.")),
    "medication": Guide(
        "care/guides/medication.html", _("Medication and feeling"),
        _("When a medicine may be turning feelings down, and how to raise it.")),
    "when-it-lifts": Guide(
        "care/guides/when-it-lifts.html", _("When feeling comes back"),
        _("If part of you is wary of what may return, going at your own pace.")),
}


def guides(request: HttpRequest) -> HttpResponse:
    return render(request, "care/guides/index.html", {"guides": GUIDES.items()})


def guide(request: HttpRequest, slug: str) -> HttpResponse:
    found = GUIDES.get(slug)
    if found is None:
        raise Http404
    return render(request, found.template, {"guide": found})
