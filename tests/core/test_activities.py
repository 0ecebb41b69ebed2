"""Planned activities rated after: does the person's guess tend to undersell them? (D1)"""

from __future__ import annotations

import pytest

from thawing.core.activities import mostly_better_than_expected


@pytest.mark.parametrize(("ratings", "better"), [
    ([], False),
    ([(3, None), (None, 7)], False),            # not rated both ways: nothing to say yet
    ([(3, 6)], True),
    ([(3, 6), (5, 5)], True),                   # half is enough
    ([(3, 6), (5, 5), (6, 2)], False),
    ([(2, 8), (4, 4), (None, 1), (1, 3)], True),
])
def test_it_went_better_than_expected_when_at_least_half_did(ratings, better):
    assert mostly_better_than_expected(ratings) is better
