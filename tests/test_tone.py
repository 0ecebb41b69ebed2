"""No guilt, no streaks, no orders: the words people read are kind (E2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "thawing"
# Phrases that shame, pressure or keep score.
UNKIND = [r"\bstreaks?\b", r"\byou missed\b", r"\bmissed a day\b", r"\byou should\b",
          r"\byou must\b", r"\byou failed\b", r"\byou(?:'re| are) lazy\b",
          r"\bdon'?t break\b", r"\bkeep it up\b", r"\btry harder\b"]


def copy_files() -> list[Path]:
    return sorted([*PACKAGE.glob("templates/**/*.html"), *PACKAGE.glob("content/*.toml"),
                   *PACKAGE.glob("content/exercises/*.toml"), *PACKAGE.glob("cli/*.py")])


@pytest.mark.practice("E2")
@pytest.mark.parametrize("path", copy_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_copy_has_no_guilt_or_pressure(path):
    text = path.read_text().lower()
    found = [pattern for pattern in UNKIND if re.search(pattern, text)]
    assert found == [], f"{path.name} uses {found}"


def test_the_copy_check_finds_unkind_words():
    assert re.search(UNKIND[0], "don't lose your 5 day streak")
