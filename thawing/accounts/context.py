from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

import thawing


def thawing_context(request: HttpRequest) -> dict[str, Any]:
    """Values every template may use: the mode and the version."""
    return {
        "thawing_mode": settings.THAWING_MODE,
        "thawing_signup": settings.THAWING_SIGNUP,
        "thawing_version": thawing.__version__,
    }
