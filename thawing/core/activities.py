"""Things done to feel something again, planned with a guess and rated after (D1)."""

from __future__ import annotations

from collections.abc import Iterable


def mostly_better_than_expected(ratings: Iterable[tuple[int | None, int | None]]) -> bool:
    """True when at least half the activities rated both ways went better than predicted (D1).

    `ratings` are (predicted, actual) enjoyment, 0-10; `None` is "not noted", and such an
    activity is not counted. Nothing rated both ways is False: there is nothing to say yet.
    """
    both = [(predicted, actual) for predicted, actual in ratings
            if predicted is not None and actual is not None]
    return bool(both) and sum(actual > predicted for predicted, actual in both) * 2 >= len(both)
