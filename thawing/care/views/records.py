"""Medications, appointment notes and the clinician report (G3, G4): thin views."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from thawing.accounts.days import local_today
from thawing.care import medications, report
from thawing.checkins.services import daily_means
from thawing.core.charts import Band, Series, line_chart
from thawing.core.errors import NotFound, ThawingError
from thawing.web import errors_of, offer_support

TIMELINE_DAYS = 180


def medication_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    errors: dict[str, str] = {}
    values = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            medications.add_medication(user=user, name=values.get("name"), dose=values.get("dose"),
                                       started_on=values.get("started_on"),
                                       stopped_on=values.get("stopped_on"), note=values.get("note"))
        except ThawingError as error:
            errors = errors_of(error)
        else:
            offer_support(request, values.get("note"))
            messages.success(request, _("Saved. Dates, even rough ones, make the picture clearer."))
            return redirect("records:medications")
    meds = medications.list_medications(user=user)
    today = local_today(user)
    # From a little before the earliest start, at most half a year back.
    earliest = min([today - timedelta(days=60)] + [m.started_on for m in meds if m.started_on])
    start = max(earliest - timedelta(days=14), today - timedelta(days=TIMELINE_DAYS))
    days = daily_means(user=user, start=start, end=today)
    chart = None
    if days:
        chart = line_chart(
            [Series(_("How much I could feel"), tuple((d.day, d.feel) for d in days), "feel"),
             Series(_("Mood"), tuple((d.day, d.mood) for d in days), "mood")],
            start=start, end=today, low=0, high=10,
            bands=[Band(f"{m.name} {m.dose}".strip(), m.started_on or start, m.stopped_on or today)
                   for m in meds],
            marks=[c.on for m in meds for c in m.changes.all()],
        )
    return render(request, "care/medications.html", {
        "medications": meds, "errors": errors, "values": values, "chart": chart, "days": days,
        "today": today,
    }, status=400 if errors else 200)


def _medication_or_404(request: HttpRequest, medication_id: int):
    try:
        return medications.get_medication(user=request.user, medication_id=medication_id)
    except NotFound:
        raise Http404 from None


def medication_detail(request: HttpRequest, medication_id: int) -> HttpResponse:
    medication = _medication_or_404(request, medication_id)
    errors: dict[str, str] = {}
    action = request.POST.get("action", "")
    stored = {
        "name": medication.name, "dose": medication.dose, "note": medication.note,
        "started_on": medication.started_on.isoformat() if medication.started_on else "",
        "stopped_on": medication.stopped_on.isoformat() if medication.stopped_on else ""}
    # Each form shows what was typed into it; the other keeps the saved values.
    values = request.POST if action == "save" else stored
    change_values = request.POST if action == "change" else {}
    if request.method == "POST":
        try:
            if action == "save":
                medications.update_medication(user=request.user, medication_id=medication.pk,
                                              name=values.get("name"), dose=values.get("dose"),
                                              started_on=values.get("started_on"),
                                              stopped_on=values.get("stopped_on"), note=values.get("note"))
            elif action == "change":
                medications.add_change(user=request.user, medication_id=medication.pk,
                                       on=change_values.get("on"), dose=change_values.get("change"))
            elif action == "remove-change":
                change_id = request.POST.get("change_id", "")
                medications.delete_change(user=request.user,
                                          change_id=int(change_id) if change_id.isdigit() else 0)
            elif action == "delete":
                medications.delete_medication(user=request.user, medication_id=medication.pk)
                messages.success(request, _("Removed."))
                return redirect("records:medications")
            else:
                raise Http404
        except NotFound:
            raise Http404 from None
        except ThawingError as error:
            errors = errors_of(error)
            if "dose" in errors and action == "change":
                errors["change"] = errors.pop("dose")
        else:
            messages.success(request, _("Saved."))
            return redirect("records:medication", medication_id=medication.pk)
    return render(request, "care/medication.html", {
        "medication": medication, "values": values, "change_values": change_values, "errors": errors,
        "action": action,
        "today": local_today(request.user),
    }, status=400 if errors else 200)


def appointment(request: HttpRequest) -> HttpResponse:
    """Prepare for an appointment: dated observations to edit, kept for the report (G3)."""
    user = request.user
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            medications.save_clinician_notes(user=user, text=request.POST.get("text"))
        except ThawingError as error:
            errors = errors_of(error)
        else:
            offer_support(request, request.POST.get("text"))
            messages.success(request, _("Saved. Your notes will be in the report."))
            return redirect("records:appointment")
    observations = medications.observations(user=user)
    saved = medications.clinician_notes(user=user)
    draft = "\n".join(render_to_string("care/_observation.txt", {"o": o}).strip() for o in observations)
    return render(request, "care/appointment.html", {
        "observations": observations, "errors": errors,
        "text": request.POST.get("text", "") if errors else (saved or draft), "draft": draft,
        "has_saved": bool(saved),
    }, status=400 if errors else 200)


def report_page(request: HttpRequest) -> HttpResponse:
    """Choose a range and download the PDF; an empty range says so instead of drawing nothing."""
    errors: dict[str, str] = {}
    values = request.GET if "start" in request.GET else {}
    if values:
        try:
            built = report.build_report(user=request.user, start=values.get("start"), end=values.get("end"),
                                        include_journal=bool(values.get("journal")))
            body = report.render_pdf(built)
        except ThawingError as error:
            errors = errors_of(error)
        else:
            response = HttpResponse(body, content_type="application/pdf")
            name = f"thawing-report-{built.start.isoformat()}-{built.end.isoformat()}.pdf"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
    first, last = report.parse_range(user=request.user, start=None, end=None)
    return render(request, "care/report.html", {
        "values": values or {"start": first.isoformat(), "end": last.isoformat()}, "errors": errors,
    }, status=400 if errors else 200)

