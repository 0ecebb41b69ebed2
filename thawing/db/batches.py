"""Reading the children of many records at once, without prefetch_related's reference cycles.

prefetch_related gives every parent a queryset of its own that points back at it, so each
page of records becomes cyclic garbage that only Python's garbage collector frees; collecting
200 journal hits paused a request for up to 100 ms (bench/RESULTS.md). These helpers read the
children with plain queries, in batches that stay under every database's parameter limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

BATCH = 500


def grouped(queryset: QuerySet[Any], parent: str, ids: Iterable[int]) -> dict[int, list[Any]]:
    """The rows of `queryset` (in its order) whose `parent` column is one of `ids`, by that id."""
    found: dict[int, list[Any]] = {pk: [] for pk in ids}
    wanted = list(found)
    for start in range(0, len(wanted), BATCH):
        rows = queryset.filter(**{f"{parent}__in": wanted[start:start + BATCH]})
        for row in rows:
            key = row[0] if isinstance(row, tuple) else getattr(row, parent)
            found[key].append(row[1] if isinstance(row, tuple) else row)
    return found
