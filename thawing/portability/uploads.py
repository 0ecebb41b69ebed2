"""Uploads held in memory only, up to a limit: an export never touches the disk unencrypted.

Django writes uploads above 2.5 MB to a temporary file; an export holds a person's journal,
so the import page and the import API read uploads with this handler instead. It must be set
before anything reads the request body (CSRF checks do), as Django's docs describe.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.core.files.uploadhandler import MemoryFileUploadHandler, SkipFile, StopFutureHandlers
from django.http import HttpRequest


class LimitedMemoryUpload(MemoryFileUploadHandler):
    """Every uploaded file in memory; a file above `limit` bytes is dropped and flagged."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.size = 0

    def handle_raw_input(self, input_data: Any, META: Any, content_length: int, boundary: Any,
                         encoding: str | None = None) -> None:
        self.activated = True

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super(MemoryFileUploadHandler, self).new_file(*args, **kwargs)
        self.size = 0
        self.file = BytesIO()
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.size += len(raw_data)
        if self.size > self.limit:
            self.request.upload_too_big = True  # type: ignore[union-attr]
            self.file = BytesIO()
            raise SkipFile()
        self.file.write(raw_data)


def hold_in_memory(request: HttpRequest, limit: int) -> None:
    """Read this request's uploads into memory, at most `limit` bytes per file."""
    request.upload_too_big = False  # type: ignore[attr-defined]
    request.upload_handlers = [LimitedMemoryUpload(request, limit)]
