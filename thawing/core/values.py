"""Numbers and short texts typed by a person, checked the same way in every feature.

Each parser names the field it checks, so a form can show the message beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from thawing.core.errors import InvalidInput
from thawing.core.i18n import Message, msg


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_whole(
    value: str | int | None, *, field: str, low: int, high: int, label: str | Message,
) -> int | None:
    """A whole number from `low` to `high`; `None` when left empty (not answered)."""
    if _blank(value):
        return None
    try:
        number = value if isinstance(value, int) else int(str(value).strip())
    except ValueError:
        number = None
    if isinstance(number, bool) or number is None or not low <= number <= high:
        raise InvalidInput({field: msg("%(label)s is a whole number from %(low)s to %(high)s.",
                                       label=label, low=low, high=high)})
    return number


def parse_decimal(
    value: str | float | int | None, *, field: str, low: float, high: float, label: str | Message,
) -> float | None:
    """A number from `low` to `high` (a comma works as the decimal mark); `None` when empty."""
    if _blank(value):
        return None
    try:
        number = float(value) if not isinstance(value, str) else float(value.strip().replace(",", "."))
    except ValueError:
        number = None
    # NaN and infinity are not amounts of anything.
    if number is None or number != number or not low <= number <= high:
        raise InvalidInput({field: msg("%(label)s is a number from %(low)s to %(high)s.",
                                       label=label, low=low, high=high)})
    return round(number, 2)


def minutes_as_seconds(
    value: str | None, *, field: str, most_seconds: int, label: str | Message,
) -> int | None:
    """Minutes a person typed (a decimal, up to `most_seconds` in all) as whole seconds; `None` when empty."""
    minutes = parse_decimal(value, field=field, low=0, high=most_seconds // 60, label=label)
    return None if minutes is None else round(minutes * 60)


def required_text(value: str | None, *, field: str, limit: int, label: str | Message) -> str:
    """Text that must not be empty: trimmed, NUL-free, at most `limit` characters."""
    from thawing.core.mood import clean_text

    text = clean_text(field, value, limit=limit, label=label)
    if not text:
        raise InvalidInput({field: msg("%(label)s can\u2019t be empty.", label=label)})
    return text


def one_of(value: str | None, *, field: str, choices: tuple[str, ...], label: str | Message) -> str:
    """One of a fixed set of codes."""
    code = (value or "").strip().lower()
    if code not in choices:
        raise InvalidInput({field: msg("%(label)s should be one of: %(choices)s.",
                                       label=label, choices=", ".join(choices))})
    return code


def checked(checks: Mapping[str, Callable[[], object]]) -> dict[str, object]:
    """Every field's value from its check; InvalidInput names every problem at once, by field."""
    values: dict[str, object] = {}
    problems: dict[str, str] = {}
    for field, check in checks.items():
        try:
            values[field] = check()
        except InvalidInput as error:
            problems[field] = next(iter(error.fields.values()))
    if problems:
        raise InvalidInput(problems)
    return values
