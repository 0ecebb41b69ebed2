"""Export and import over the JSON API (issue 6 items 4 and 5): the same services as the data
page and `thawing export` / `thawing import`.

Exports answer the file itself (JSON, CSV or Markdown) as an attachment. Imports take a
multipart form: `file`, `kind` (daylio, jrnl or thawing) and `options`, a JSON object with
`mood_map` ({"label": 1-10 or "cant-tell"}), `time_format` and `keep_settings`. The preview
writes nothing; the import writes everything new in one transaction, or nothing.
Uploads are read into memory only (never a temporary file), up to 32 MB.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, File, Form, Router, Schema, UploadedFile
from ninja.security import SessionAuth

from thawing.api.schemas import Problem
from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg
from thawing.portability import services
from thawing.portability.uploads import hold_in_memory
from thawing.web import say

router = Router(tags=["data"])
ERRORS: dict[int, Any] = {400: Problem, 401: Problem, 404: Problem}


class UploadAuth(SessionAuth):
    """The API's session sign-in, after telling Django to keep this request's upload in memory."""

    def _get_key(self, request: HttpRequest) -> str | None:
        hold_in_memory(request, services.UPLOAD_MAX_BYTES)
        return super()._get_key(request)


def _file(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _download(content_type: str, description: str) -> dict[str, Any]:
    schema = {"type": "object"} if content_type == "application/json" else {"type": "string"}
    return {"responses": {200: {"description": description, "content": {content_type: {"schema": schema}}}}}


@router.get("/export.json", response={401: Problem}, openapi_extra=_download(
    "application/json", "Every record, in Thawing's export format version 1 (docs/export-format.md)."))
def export_json(request: HttpRequest) -> Any:
    return _file(services.export_json(user=request.user), "application/json",
                 services.export_filename(user=request.user, format="json"))


@router.get("/export.csv", response={400: Problem, 401: Problem}, openapi_extra=_download(
    "text/csv", "One row per check-in (what=checkins) or per day of habits (what=habits)."))
def export_csv(request: HttpRequest, what: str = "checkins") -> Any:
    return _file(services.export_csv(user=request.user, what=what), "text/csv; charset=utf-8",
                 services.export_filename(user=request.user, format="csv", what=what))


@router.get("/export.md", response={401: Problem}, openapi_extra=_download(
    "text/markdown", "The journal, unsent letters and thought records, by local day."))
def export_markdown(request: HttpRequest) -> Any:
    return _file(services.export_markdown(user=request.user, say=say), "text/markdown; charset=utf-8",
                 services.export_filename(user=request.user, format="markdown"))


class CountOut(Schema):
    kind: str = Field(description="A record type of the export format, e.g. checkins, entries.")
    new: int
    already: int = Field(description="Already here: left as it is.")


class SkippedOut(Schema):
    line: int = Field(description="Where the row or record starts in the file; 0 when not known.")
    reason: str
    message: str


class LabelOut(Schema):
    label: str = Field(description="A Daylio mood label as the file has it.")
    mood: int | None = Field(description="The value 1-10 it gets; null: can't tell.")
    mapped: bool = Field(description="False: no value yet, give one in options.mood_map.")


class PreviewOut(Schema):
    kind: str
    detected: str = Field(description="The format and version found, e.g. daylio-csv-v3.")
    new: int
    already: int
    counts: list[CountOut]
    skipped: list[SkippedOut]
    notes: list[str]
    labels: list[LabelOut]
    unmapped: list[str]


class ReportOut(Schema):
    kind: str
    added: int
    already: int
    counts: list[CountOut]
    skipped: list[SkippedOut]
    notes: list[str]


def _read(request: HttpRequest, file: UploadedFile | None, options: str) -> tuple[bytes, dict[str, Any]]:
    if getattr(request, "upload_too_big", False):
        raise InvalidInput({"file": msg("This file is bigger than %(mb)s MB.",
                                        mb=services.UPLOAD_MAX_BYTES // 2**20)})
    if file is None:
        raise InvalidInput({"file": msg("Send the file to import as the form field \u201cfile\u201d.")})
    try:
        parsed = json.loads(options or "{}")
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        raise InvalidInput({"options": msg(
            "Options are a JSON object, like {\"mood_map\": {\"so-so\": 5}}.")})
    return file.read(), parsed


def _common(result: Any) -> dict[str, Any]:
    return {"kind": result.kind, "already": result.already,
            "counts": [vars(c) for c in result.counts],
            "skipped": [{"line": s.line, "reason": s.reason, "message": say(s.message)}
                        for s in result.skipped],
            "notes": [say(n) for n in result.notes]}


@router.post("/import/preview", response={200: PreviewOut, **ERRORS}, auth=UploadAuth())
def preview_import(request: HttpRequest, kind: Form[str], file: File[UploadedFile] = None,
                   options: Form[str] = "{}") -> Any:
    """What importing the file would add and leave out; nothing is written."""
    data, parsed = _read(request, file, options)
    preview = services.preview_import(user=request.user, kind=kind, data=data, options=parsed)
    return {**_common(preview), "detected": preview.detected, "new": preview.new,
            "labels": [{"label": label, "mood": mood, "mapped": mapped}
                       for label, mood, mapped in preview.labels],
            "unmapped": list(preview.unmapped)}


@router.post("/import", response={200: ReportOut, **ERRORS}, auth=UploadAuth())
def run_import(request: HttpRequest, kind: Form[str], file: File[UploadedFile] = None,
               options: Form[str] = "{}") -> Any:
    """Import everything new in the file, all or nothing; importing it again adds nothing twice."""
    data, parsed = _read(request, file, options)
    report = services.run_import(user=request.user, kind=kind, data=data, options=parsed)
    return {**_common(report), "added": report.added}
