"""Where the command line prints: Rich consoles and kind error messages."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from rich.console import Console

from thawing.core.errors import InvalidInput, ThawingError

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def say_error(error: ThawingError) -> None:
    if isinstance(error, InvalidInput) and len(error.fields) > 1:
        for message in error.fields.values():
            err.print(f"\u2022 {message}", markup=False)
    else:
        err.print(error.message, markup=False)


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def print_json(data: Any) -> None:
    """Machine-readable output on stdout, one JSON document, no colours."""
    print(json.dumps(data, default=_default, ensure_ascii=False, indent=2))
