"""The safety plan's sections (Stanley & Brown 2012), in the order a person works through them."""

from __future__ import annotations

from collections.abc import Mapping

from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg
from thawing.core.mood import clean_text

SECTIONS = ("warning_signs", "coping", "distractions", "people", "professionals",
            "environment", "reasons")
SECTION_MAX = 5_000


def build_plan(values: Mapping[str, str | None]) -> dict[str, str]:
    """Each section's text, trimmed and checked; InvalidInput names every section too long."""
    plan: dict[str, str] = {}
    errors: dict[str, str] = {}
    for section in SECTIONS:
        try:
            plan[section] = clean_text(section, values.get(section), limit=SECTION_MAX,
                                       label=msg("This part"))
        except InvalidInput as error:
            errors.update(error.fields)
    if errors:
        raise InvalidInput(errors)
    return plan
