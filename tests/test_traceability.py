"""docs/traceability.md stays true: every practice once, real files, real tagged tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "docs" / "traceability.md"
PRACTICES = ROOT.parent / "shared" / "mission" / "practices.md"
# The catalogue's IDs, kept here too so the check runs where ../shared is absent.
KNOWN_IDS = (
    [f"A{i}" for i in range(1, 7)] + [f"B{i}" for i in range(1, 6)]
    + [f"C{i}" for i in range(1, 7)] + [f"D{i}" for i in range(1, 8)] + ["E1", "E2"]
    + [f"F{i}" for i in range(1, 6)] + [f"G{i}" for i in range(1, 7)] + ["H1", "H2"]
)
ROW = re.compile(r"^\|\s*([A-H]\d)\s*\|(.*?)\|\s*(served|partly|not yet)\s*\|(.*?)\|(.*?)\|$")


def rows() -> dict[str, tuple[str, str, str]]:
    found: dict[str, tuple[str, str, str]] = {}
    for line in TABLE.read_text().splitlines():
        match = ROW.match(line)
        if match:
            practice, _, status, code, tests = match.groups()
            assert practice not in found, f"{practice} is listed twice"
            found[practice] = (status, code, tests)
    return found


def tagged_tests() -> dict[str, set[str]]:
    """Test id -> the practice IDs its decorators name."""
    tags: dict[str, set[str]] = {}
    for path in (ROOT / "tests").rglob("test_*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                ids = {
                    d.args[0].value for d in node.decorator_list
                    if isinstance(d, ast.Call) and getattr(d.func, "attr", "") == "practice"
                    and d.args and isinstance(d.args[0], ast.Constant)
                }
                tags[f"{path.relative_to(ROOT)}::{node.name}"] = ids
    return tags


def test_every_practice_is_listed_once():
    assert sorted(rows()) == sorted(KNOWN_IDS)


def test_the_list_matches_the_practice_catalogue_when_it_is_present():
    if not PRACTICES.exists():
        pytest.skip("../shared/mission/practices.md is not beside this checkout")
    catalogue = set(re.findall(r"^- ([A-H]\d) ", PRACTICES.read_text(), flags=re.M))
    assert catalogue == set(KNOWN_IDS)


def test_served_practices_name_existing_code_and_tagged_tests():
    tags = tagged_tests()
    for practice, (status, code, tests) in rows().items():
        if status == "not yet":
            assert not code.strip() and not tests.strip(), practice
            continue
        paths = re.findall(r"`([^`]+)`", code)
        assert paths, f"{practice} names no code"
        for path in paths:
            if "/" in path:
                assert (ROOT / path).exists(), f"{practice}: {path} does not exist"
        names = re.findall(r"`([^`]+::[^`]+)`", tests)
        assert names, f"{practice} names no test"
        for name in names:
            assert name in tags, f"{practice}: {name} does not exist"
            assert practice in tags[name], f"{name} is not tagged practice({practice!r})"


def test_every_tagged_practice_is_marked_as_served():
    table = rows()
    for name, ids in tagged_tests().items():
        for practice in ids:
            assert table[practice][0] != "not yet", f"{name} proves {practice}, listed as not yet"
