"""Uploads held in memory only, up to a limit: an export never touches the disk unencrypted.

Django writes uploads above 2.5 MB to a temporary file; an export holds a person's journal,
so no address keeps a file by default (`DropFiles`, the only handler in settings), and the
import page and the import API read uploads with `LimitedMemoryUpload` instead. The order is
the point, so a stranger's body is never read: first the sign-in, then the request's declared length against
the limit (`too_big`, nothing read yet), and only then this handler and the CSRF check, which
is what reads the body. One file per request, counted across every part of it.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.core.files.uploadhandler import (
    FileUploadHandler,
    MemoryFileUploadHandler,
    SkipFile,
    StopFutureHandlers,
    StopUpload,
)
from django.http import HttpRequest

from thawing.conf import UPLOAD_FORM_ALLOWANCE

# Why an upload was refused while it arrived, as `request.upload_refused`.
TOO_BIG, SEVERAL = "too_big", "several"
CHUNK = 64 * 2**10


class DropFiles(FileUploadHandler):
    """Every file part is read past and dropped: outside the import, nobody sends Thawing a file."""

    chunk_size = CHUNK

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        raise SkipFile()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        return None

    def file_complete(self, file_size: int) -> None:
        return None


class LimitedMemoryUpload(MemoryFileUploadHandler):
    """One file in memory; a file above `limit` bytes, or a second file, stops the upload."""

    chunk_size = CHUNK

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.files = 0

    def handle_raw_input(self, input_data: Any, META: Any, content_length: int, boundary: Any,
                         encoding: str | None = None) -> None:
        self.activated = True

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super(MemoryFileUploadHandler, self).new_file(*args, **kwargs)
        self.files += 1
        if self.files > 1:
            self._refuse(SEVERAL)
        self.file = BytesIO()
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        if start + len(raw_data) > self.limit:
            self._refuse(TOO_BIG)
        self.file.write(raw_data)

    def _refuse(self, reason: str) -> None:
        """Stop reading files; the file kept so far is let go, and the view says why."""
        self.request.upload_refused = reason  # type: ignore[union-attr]
        self.file = BytesIO()
        raise StopUpload(connection_reset=False)


def too_big(request: HttpRequest, limit: int) -> bool:
    """True when the request says it is larger than an import of `limit` bytes: refuse it unread."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > limit + UPLOAD_FORM_ALLOWANCE


def hold_in_memory(request: HttpRequest, limit: int) -> None:
    """Read this request's upload into memory: one file, at most `limit` bytes.

    Call it only after the sign-in is confirmed and `too_big` said no, and only for a multipart
    request whose body nothing has read yet.
    """
    request.upload_refused = ""  # type: ignore[attr-defined]
    request.upload_handlers = [LimitedMemoryUpload(request, limit)]
