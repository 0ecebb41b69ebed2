"""docs/architecture.md names real places: every path it mentions exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"


def _named_paths() -> list[str]:
    spans = re.findall(r"`([^`\s]+)`", DOC.read_text())
    # Patterns such as thawing/api/<app>.py or thawing/content/*.toml name a kind of file, not one.
    return [span for span in spans if span.startswith(("thawing/", "tests/", "bench/", "docs/"))
            and not set(span) & set("<*")]


def test_the_architecture_page_names_enough_paths_to_be_a_map() -> None:
    assert len(_named_paths()) > 40


def test_every_path_the_architecture_page_names_exists() -> None:
    missing = [path for path in _named_paths() if not (ROOT / path.rstrip("/")).exists()]
    assert missing == []
