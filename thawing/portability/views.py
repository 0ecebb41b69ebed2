"""Your data: download buttons, and import in three steps.

Upload (held in the database, never in the session or a URL, for an hour at most), preview
(counts, rows left out, a value for each Daylio mood label), then import or cancel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from thawing.core.errors import InvalidInput, NotFound, ThawingError
from thawing.portability import services
from thawing.portability.uploads import SEVERAL, hold_in_memory, too_big
from thawing.web import errors_of, say

CONTENT_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8",
                 "markdown": "text/markdown; charset=utf-8"}
MOODS = [str(n) for n in range(1, 11)]


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    services.sweep_uploads()
    return _index(request, {}, {})


def _index(request: HttpRequest, errors: Mapping[str, str], values: Mapping[str, Any],
           status: int = 200) -> HttpResponse:
    return render(request, "portability/index.html", {
        "errors": errors, "values": values, "kinds": list(services.IMPORTERS),
        "limit_mb": services.UPLOAD_MAX_BYTES // 2**20}, status=status)


@require_GET
def download(request: HttpRequest, format: str) -> StreamingHttpResponse:
    """The export goes out while it is read: never held whole, never in a temporary file."""
    user = request.user
    what = request.GET.get("what", "checkins")
    try:
        if format == "json":
            pieces = services.stream_export_json(user=user)
        elif format == "csv":
            pieces = services.stream_export_csv(user=user, what=what)
        else:
            pieces = services.stream_export_markdown(user=user, say=say)
    except InvalidInput:
        raise Http404 from None
    response = StreamingHttpResponse(pieces, content_type=CONTENT_TYPES[format])
    name = services.export_filename(user=user, format=format, what=what)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@csrf_exempt
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    """Step 1: keep the file (in memory while it arrives), then show its preview.

    The sign-in is already confirmed (middleware); a request longer than an import takes is
    refused before anything reads it, and only then is the file read, by the CSRF check.
    """
    if too_big(request, services.UPLOAD_MAX_BYTES):
        return _index(request, {"file": say(services.too_big_message())}, {}, status=413)
    if request.content_type == "multipart/form-data":
        hold_in_memory(request, services.UPLOAD_MAX_BYTES)
    return _upload(request)


@csrf_protect
def _upload(request: HttpRequest) -> HttpResponse:
    values = {"kind": request.POST.get("kind", ""), "time_format": request.POST.get("time_format", "")}
    file = request.FILES.get("file")
    try:
        refused = getattr(request, "upload_refused", "")
        if refused:
            raise InvalidInput({"file": services.SEVERAL_FILES if refused == SEVERAL
                                else services.too_big_message()})
        data = file.read() if file else b""
        token = services.keep_upload(user=request.user, kind=values["kind"], data=data)
    except ThawingError as error:
        return _index(request, errors_of(error), values, status=400)
    return _preview(request, token, {"time_format": values["time_format"]}, data=data)


def _options(post: Mapping[str, Any]) -> dict[str, Any]:
    labels, moods = post.getlist("label"), post.getlist("mood")  # type: ignore[attr-defined]
    return {"mood_map": {label: mood for label, mood in zip(labels, moods, strict=False)},
            "time_format": post.get("time_format", ""), "keep_settings": post.get("keep_settings") == "on"}


def _preview(request: HttpRequest, token: str, options: dict[str, Any], status: int = 200,
             errors: Mapping[str, str] | None = None, data: bytes | None = None) -> HttpResponse:
    """Step 2: what the file holds, what is new, what must be left out, moods to give a value.

    `data`: the file just uploaded, so it need not be read back from the database.
    """
    try:
        pending = services.pending_upload(user=request.user, token=token)
        preview = services.preview_import(user=request.user, kind=pending.kind, options=options,
                                          data=services.upload_data(pending) if data is None else data)
    except NotFound as error:
        messages.info(request, say(error.message))
        return redirect("data:index")
    except services.ImportBusy as error:
        # Another import of theirs is under way: the upload waits, the person tries again soon.
        return _index(request, errors_of(error), {"kind": pending.kind}, status=409)
    except ThawingError as error:
        # A file that can't be read at all: nothing to confirm, so it goes at once.
        services.discard_upload(user=request.user, token=token)
        return _index(request, errors_of(error), {"kind": ""}, status=400)
    chosen = options.get("mood_map", {})
    return render(request, "portability/preview.html", {
        "token": token, "preview": preview, "options": options, "errors": errors or {}, "moods": MOODS,
        "labels": [(label, chosen.get(label, "" if not mapped else str(value) if value else "cant-tell"),
                    mapped) for label, value, mapped in preview.labels]}, status=status)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Step 3: look again (after choosing mood values), import, or cancel."""
    if request.method == "GET":
        return _preview(request, token, {})
    options = _options(request.POST)
    action = request.POST.get("action", "")
    if action == "cancel":
        services.discard_upload(user=request.user, token=token)
        messages.info(request, _("Nothing was imported, and the file is gone from Thawing."))
        return redirect("data:index")
    if action != "import":
        return _preview(request, token, options)
    try:
        pending = services.pending_upload(user=request.user, token=token)
        report = services.run_import(user=request.user, kind=pending.kind,
                                     data=services.upload_data(pending), options=options)
    except NotFound as error:
        messages.info(request, say(error.message))
        return redirect("data:index")
    except services.ImportBusy as error:
        return _index(request, errors_of(error), {"kind": pending.kind}, status=409)
    except ThawingError as error:
        return _preview(request, token, options, status=400, errors=errors_of(error))
    services.discard_upload(user=request.user, token=token)
    return render(request, "portability/done.html", {"report": report})
