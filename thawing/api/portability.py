"""Export and import over the JSON API: the same services as the data
page and `thawing export` / `thawing import`.

Exports answer the file itself (JSON, CSV or Markdown) as an attachment. Imports take a
multipart form: `file`, `kind` (daylio, jrnl or thawing) and `options`, a JSON object with
`mood_map` ({"label": 1-10 or "cant-tell"}), `time_format` and `keep_settings`. The preview
writes nothing; the import writes everything new in one transaction, or nothing.
Uploads are read into memory only (never a temporary file), one file of up to
THAWING_MAX_UPLOAD_BYTES (32 MiB unless the operator says otherwise); a longer request is
refused with 413 before it is read, and a signed-out one with 401, also unread. Exports are
streamed: they go out while they are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import Field, File, Form, Router, Schema, UploadedFile
from ninja.errors import HttpError
from ninja.security import SessionAuth

from thawing.api.schemas import Problem
from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg
from thawing.portability import services
from thawing.portability.uploads import SEVERAL, hold_in_memory, too_big
from thawing.web import say

router = Router(tags=["data"])
ERRORS: dict[int, Any] = {400: Problem, 401: Problem, 404: Problem}
# An upload's answers: also 413, a request longer than an import takes, refused unread.
UPLOAD_ERRORS: dict[int, Any] = {**ERRORS, 413: Problem}
UNREADABLE = msg("This upload couldn\u2019t be read. Send the file as a multipart form with the field "
                 "\u201cfile\u201d.")


class UploadAuth(SessionAuth):
    """The API's session sign-in for uploads, in the order that leaves a stranger's body unread:
    the sign-in, then the request's declared length, and only then the in-memory handler and
    the CSRF check, which is what reads the body."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        if too_big(request, services.UPLOAD_MAX_BYTES):
            raise HttpError(413, say(services.too_big_message()))
        if request.content_type == "multipart/form-data":
            hold_in_memory(request, services.UPLOAD_MAX_BYTES)
        try:
            # The body is read now, so a refusal is known here (the CSRF check reads it anyway).
            request.POST  # noqa: B018
        except MultiPartParserError:
            raise InvalidInput({"file": UNREADABLE}) from None
        key = self._get_key(request)
        refused = getattr(request, "upload_refused", "")
        if refused:
            raise InvalidInput({"file": services.SEVERAL_FILES if refused == SEVERAL
                                else services.too_big_message()})
        return self.authenticate(request, key)


def _file(pieces: Iterator[bytes], content_type: str, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(pieces, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _download(content_type: str, description: str) -> dict[str, Any]:
    schema = {"type": "object"} if content_type == "application/json" else {"type": "string"}
    return {"responses": {200: {"description": description, "content": {content_type: {"schema": schema}}}}}


@router.get("/export.json", response={401: Problem}, openapi_extra=_download(
    "application/json", "Every record, in Thawing's export format version 1 (docs/export-format.md)."))
def export_json(request: HttpRequest) -> Any:
    return _file(services.stream_export_json(user=request.user), "application/json",
                 services.export_filename(user=request.user, format="json"))


@router.get("/export.csv", response={400: Problem, 401: Problem}, openapi_extra=_download(
    "text/csv", "One row per check-in (what=checkins) or per day of habits (what=habits)."))
def export_csv(request: HttpRequest, what: str = "checkins") -> Any:
    return _file(services.stream_export_csv(user=request.user, what=what), "text/csv; charset=utf-8",
                 services.export_filename(user=request.user, format="csv", what=what))


@router.get("/export.md", response={401: Problem}, openapi_extra=_download(
    "text/markdown", "The journal, unsent letters and thought records, by local day."))
def export_markdown(request: HttpRequest) -> Any:
    return _file(services.stream_export_markdown(user=request.user, say=say), "text/markdown; charset=utf-8",
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


def _read(file: UploadedFile | None, options: str) -> tuple[bytes, dict[str, Any]]:
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


@router.post("/import/preview", response={200: PreviewOut, **UPLOAD_ERRORS}, auth=UploadAuth())
def preview_import(request: HttpRequest, kind: Form[str], file: File[UploadedFile] = None,
                   options: Form[str] = "{}") -> Any:
    """What importing the file would add and leave out; nothing is written."""
    data, parsed = _read(file, options)
    preview = services.preview_import(user=request.user, kind=kind, data=data, options=parsed)
    return {**_common(preview), "detected": preview.detected, "new": preview.new,
            "labels": [{"label": label, "mood": mood, "mapped": mapped}
                       for label, mood, mapped in preview.labels],
            "unmapped": list(preview.unmapped)}


@router.post("/import", response={200: ReportOut, **UPLOAD_ERRORS}, auth=UploadAuth())
def run_import(request: HttpRequest, kind: Form[str], file: File[UploadedFile] = None,
               options: Form[str] = "{}") -> Any:
    """Import everything new in the file, all or nothing; importing it again adds nothing twice."""
    data, parsed = _read(file, options)
    report = services.run_import(user=request.user, kind=kind, data=data, options=parsed)
    return {**_common(report), "added": report.added}
