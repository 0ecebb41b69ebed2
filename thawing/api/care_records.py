"""Medications, notes for the clinician, the report and the reasons to get support, over the
JSON API. Thin: parse, call one service, shape the answer.

Mounted on the API of `routes.py`, so it shares its session sign-in, CSRF check and error
answers: InvalidInput is a 400 `{message, fields}`, NotFound (also another person's id) a 404.
The report is PDF bytes; a range with nothing in it is a 400 that says so.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from thawing.api.pages import PAGED, PageIn, one_page, page_of
from thawing.api.schemas import Day, Problem, SupportOut
from thawing.api.serialize import support_dict
from thawing.care import medications, report
from thawing.care import services as care

router = Router()
ERRORS: dict[int, Any] = {400: Problem, 401: Problem, 404: Problem}
PDF_TYPE = "application/pdf"


class MedicationIn(Schema):
    name: str = Field("", description="The medicine's name (required).")
    dose: str = Field("", description="Free text, e.g. \"50 mg in the morning\".")
    started_on: Day | None = Field(None, description="Null when unknown.")
    stopped_on: Day | None = Field(None, description="Null while still taking it.")
    note: str = ""


class ChangeIn(Schema):
    on: Day | None = Field(None, description="The day it changed (required).")
    dose: str = Field("", description="What changed: the new dose, the time of day...")


class ChangeOut(Schema):
    id: int
    on: date
    dose: str


class MedicationOut(Schema):
    id: int
    name: str
    dose: str
    started_on: date | None
    stopped_on: date | None
    note: str
    changes: list[ChangeOut]
    support: SupportOut | None = Field(None, description="Crisis lines when the note suggests a crisis.")


class ObservationOut(Schema):
    kind: str = Field(description="start, change or stop.")
    name: str
    on: date
    detail: str = Field(description="The new dose for a change, else the dose.")
    measure: str = Field(description="feel (0-10) or mood (1-10).")
    before: float = Field(description="Mean of the daily means in the 28 days before.")
    after: float = Field(description="Mean from the day itself until the next event (28 days at most).")
    before_days: int
    after_days: int
    change: float
    settling: bool = Field(description="Less than six weeks since: the effect may still be coming.")
    sentence: str = Field(description="The observation in words, as the appointment page drafts it.")


class NotesIn(Schema):
    text: str = ""


class NotesOut(Schema):
    text: str = Field(description="The saved notes; the report prints them.")
    draft: str = Field(description="Sentences drafted from the records, to edit into the notes.")
    support: SupportOut | None = None


class SignalOut(Schema):
    kind: str = Field(description="phq9-item9, long-shutdown, shutdown, long-numbness, numbness, "
                                  "phq9-high, gad7-high, pcl5-high, pcptsd5-high, auditc-high, "
                                  "phq9-difficulty, detached, struggling, substances, sleep-change "
                                  "or history.")
    level: str = Field(description="urgent (PHQ-9 question 9, first), clear or gentle.")
    since: date | None
    figures: dict[str, Any] = Field(description="The numbers behind it; `lowered` is true where a past "
                                                "of depression, anxiety or trauma made it count sooner.")
    title: str
    text: str = Field(description="Why, and what to do next, in plain words.")
    support: SupportOut | None = Field(None, description="Crisis lines, with PHQ-9 question 9 (phq9-item9).")


def medication_dict(medication: Any) -> dict[str, Any]:
    return {"id": medication.pk, "name": medication.name, "dose": medication.dose,
            "started_on": medication.started_on, "stopped_on": medication.stopped_on,
            "note": medication.note,
            "changes": [{"id": c.pk, "on": c.on, "dose": c.dose} for c in medication.changes.all()]}


def sentence(observation: Any) -> str:
    return render_to_string("care/_observation.txt", {"o": observation}).strip()


def observation_dict(observation: Any) -> dict[str, Any]:
    """An observation with its sentence; shared with the CLI's `appointment --json`."""
    return {**vars(observation), "change": observation.change, "sentence": sentence(observation)}


def signal_dict(signal: Any, help_: Any = None) -> dict[str, Any]:
    """A reason to get support, worded as on the "Getting support" page; shared with the CLI.

    PHQ-9 question 9 carries the crisis lines of `help_` with it, as on the page.
    """
    html = render_to_string("care/_signal_body.html", {"signal": signal})
    found = re.search(r"<h2>(.*?)</h2>(.*)", html, re.S)
    title, text = (found.group(1), found.group(2)) if found else ("", html)
    support = None
    if signal.kind == "phq9-item9" and help_ is not None:
        support = {**(support_dict(help_) or {}), "message": " ".join(strip_tags(render_to_string(
            "care/_item9_support.txt", {"signal": signal})).split())}
    return {"kind": signal.kind, "level": signal.level, "since": signal.since,
            "figures": dict(signal.figures), "title": " ".join(strip_tags(title).split()),
            "text": " ".join(strip_tags(text).split()), "support": support}


def signal_dicts(*, user: Any) -> list[dict[str, Any]]:
    """Every reason to get support, with the crisis lines where PHQ-9 question 9 calls for them."""
    signals = care.help_signals(user=user)
    help_ = care.help_for(user=user) if any(s.kind == "phq9-item9" for s in signals) else None
    return [signal_dict(s, help_) for s in signals]


def _with_support(data: dict[str, Any], request: HttpRequest, *texts: str | None) -> dict[str, Any]:
    return {**data, "support": support_dict(care.support_for(user=request.user, texts=texts),
                                            texts=texts)}


def _fresh(request: HttpRequest, medication_id: int) -> dict[str, Any]:
    return medication_dict(medications.get_medication(user=request.user, medication_id=medication_id))


# Medications (G3) ---------------------------------------------------------------------------

@router.get("/medications", response={200: list[MedicationOut], **ERRORS}, tags=["medications"],
            openapi_extra=PAGED)
def list_medications(request: HttpRequest, response: HttpResponse, asked: Query[PageIn]) -> Any:
    page = page_of(asked)
    found = medications.list_medications(user=request.user, limit=page.fetch, offset=page.offset)
    return [medication_dict(m) for m in one_page(request, response, found, page)]


@router.post("/medications", response={201: MedicationOut, **ERRORS}, tags=["medications"])
def add_medication(request: HttpRequest, payload: MedicationIn) -> Any:
    medication = medications.add_medication(user=request.user, **payload.dict())
    return Status(201, _with_support(_fresh(request, medication.pk), request, payload.note))


# Declared before /medications/{medication_id}, whose address would otherwise catch it.
@router.get("/medications/observations", response={200: list[ObservationOut], **ERRORS},
            tags=["medications"])
def observations(request: HttpRequest) -> Any:
    """Before/after means around each start, change and stop, newest first: averages, not causes."""
    return [observation_dict(o) for o in medications.observations(user=request.user)]


@router.get("/medications/{medication_id}", response={200: MedicationOut, **ERRORS}, tags=["medications"])
def get_medication(request: HttpRequest, medication_id: int) -> Any:
    return _fresh(request, medication_id)


@router.put("/medications/{medication_id}", response={200: MedicationOut, **ERRORS}, tags=["medications"])
def update_medication(request: HttpRequest, medication_id: int, payload: MedicationIn) -> Any:
    """Replace every field; its changes are kept."""
    medications.update_medication(user=request.user, medication_id=medication_id, **payload.dict())
    return _with_support(_fresh(request, medication_id), request, payload.note)


@router.delete("/medications/{medication_id}", response={204: None, **ERRORS}, tags=["medications"])
def delete_medication(request: HttpRequest, medication_id: int) -> Any:
    medications.delete_medication(user=request.user, medication_id=medication_id)
    return Status(204, None)


@router.post("/medications/{medication_id}/changes", response={201: ChangeOut, **ERRORS},
             tags=["medications"])
def add_change(request: HttpRequest, medication_id: int, payload: ChangeIn) -> Any:
    change = medications.add_change(user=request.user, medication_id=medication_id, on=payload.on,
                                    dose=payload.dose)
    return Status(201, {"id": change.pk, "on": change.on, "dose": change.dose})


@router.delete("/medications/changes/{change_id}", response={204: None, **ERRORS}, tags=["medications"])
def delete_change(request: HttpRequest, change_id: int) -> Any:
    medications.delete_change(user=request.user, change_id=change_id)
    return Status(204, None)


# Notes for the clinician and the report (G3, G4) ---------------------------------------------

def _notes(request: HttpRequest, text: str) -> dict[str, Any]:
    draft = "\n".join(sentence(o) for o in medications.observations(user=request.user))
    return {"text": text, "draft": draft}


@router.get("/clinician-notes", response={200: NotesOut, **ERRORS}, tags=["care"])
def get_notes(request: HttpRequest) -> Any:
    return _notes(request, medications.clinician_notes(user=request.user))


@router.put("/clinician-notes", response={200: NotesOut, **ERRORS}, tags=["care"])
def put_notes(request: HttpRequest, payload: NotesIn) -> Any:
    saved = medications.save_clinician_notes(user=request.user, text=payload.text)
    return _with_support(_notes(request, saved), request, saved)


@router.get("/report.pdf", response={200: None, **ERRORS}, tags=["care"],
            openapi_extra={"responses": {200: {
                "description": "The clinician report for the range (the last 90 days by default).",
                "content": {PDF_TYPE: {"schema": {"type": "string", "format": "binary"}}}}}})
def report_pdf(request: HttpRequest, start: str | None = None, end: str | None = None,
               journal: bool = False) -> Any:
    """The report as a PDF, made on this device; journal entries only with `journal=true`."""
    built = report.build_report(user=request.user, start=start, end=end, include_journal=journal)
    response = HttpResponse(report.render_pdf(built), content_type=PDF_TYPE)
    name = f"thawing-report-{built.start.isoformat()}-{built.end.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# Reasons to talk to a professional (G1) ------------------------------------------------------

@router.get("/help-signals", response={200: list[SignalOut], **ERRORS}, tags=["care"])
def help_signals(request: HttpRequest) -> Any:
    """Reasons from the person's own records to suggest a doctor or therapist, clear ones first."""
    return signal_dicts(user=request.user)
