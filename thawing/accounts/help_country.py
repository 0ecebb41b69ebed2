"""The country for "Get help now" while Thawing is locked or signed out.

The right crisis lines matter most when the encrypted database cannot be read: before the
passphrase is given (local mode) or before signing in (server mode). So the country chosen at
set-up is also kept outside the database, and nothing else is:

- local mode: `help-country` in the data folder, created 0600, holding only the two-letter
  code (say "GB\\n"); kept in step with the profile on set-up, every unlock and every change
  in Settings, and removed by "delete everything";
- server mode: the `thawing_help_country` cookie in the person's own browser, holding only
  the code; set when they sign in, save Settings or choose a country on the help page.

Without either, the browser's language may name a region (Accept-Language "en-GB" -> GB).
docs/security.md says what this reveals.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from thawing.core.helplines import country_from_languages

FILE_NAME = "help-country"
COOKIE = "thawing_help_country"
COOKIE_AGE = 400 * 24 * 3600  # the longest browsers keep a cookie
CODE = re.compile(r"[A-Z]{2}")


def path() -> Path:
    return Path(settings.DATA_DIR) / FILE_NAME


def _clean(code: str | None) -> str:
    code = (code or "").strip().upper()
    return code if CODE.fullmatch(code) else ""


def remember(code: str | None) -> None:
    """Keep the local profile's country beside the database (no code: no file)."""
    if settings.THAWING_MODE != "local":
        return
    code = _clean(code)
    if not code:
        forget()
        return
    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    # Written beside, then renamed: never half a file, and never readable by others.
    temporary = path().with_name(FILE_NAME + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(code + "\n")
    os.replace(temporary, path())


def recall() -> str:
    """The code kept in local mode, or "" (none kept, or not a code)."""
    try:
        return _clean(path().read_text(encoding="ascii", errors="replace")[:8])
    except OSError:
        return ""


def forget() -> None:
    path().unlink(missing_ok=True)
    path().with_name(FILE_NAME + ".tmp").unlink(missing_ok=True)


def guess(request: HttpRequest) -> str:
    """The country for someone not signed in: kept code, else the browser's language, else ""."""
    kept = recall() if settings.THAWING_MODE == "local" else _clean(request.COOKIES.get(COOKIE))
    return kept or country_from_languages(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))


def set_cookie(response: HttpResponse, code: str | None) -> HttpResponse:
    """Server mode: remember the code in this browser (no code: forget it)."""
    if settings.THAWING_MODE == "local":
        return response
    code = _clean(code)
    if not code:
        response.delete_cookie(COOKIE, samesite="Lax")
        return response
    response.set_cookie(COOKIE, code, max_age=COOKIE_AGE, httponly=True, samesite="Lax",
                        secure=settings.SESSION_COOKIE_SECURE)
    return response
