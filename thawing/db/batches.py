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


def grouped(queryset: QuerySet[Any], parent: str, ids: Iterable[int], *,
            pairs: bool = False) -> dict[int, list[Any]]:
    """The rows of `queryset` (in its order) whose `parent` column is one of `ids`, by that id.

    Rows are model instances; with `pairs`, `queryset` is a values_list of (parent id, value,
    ...) and the values (one, or a tuple of the rest) are grouped.
    """
    found: dict[int, list[Any]] = {pk: [] for pk in ids}
    wanted = list(found)
    for start in range(0, len(wanted), BATCH):
        for row in queryset.filter(**{f"{parent}__in": wanted[start:start + BATCH]}):
            if pairs:
                key, *values = row
                found[key].append(values[0] if len(values) == 1 else tuple(values))
            else:
                found[getattr(row, parent)].append(row)
    return found
