"""The locked sets that scripts/audit-deps audits must cover what pyproject.toml asks for."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _locked(name: str) -> dict[str, str]:
    text = (ROOT / "requirements" / name).read_text()
    return {match[1].lower(): match[2] for match in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}


def _requirements(extra: str | None) -> list[tuple[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + (project["optional-dependencies"][extra] if extra else [])
    pairs = []
    for spec in wanted:
        if "sys_platform == 'win32'" in spec:
            continue
        name = re.match(r"[A-Za-z0-9_.-]+", spec)[0].lower()
        pairs.append((name, spec.split(";")[0][len(name):].replace("[binary]", "")))
    return pairs


@pytest.mark.parametrize(("lock", "extra"), [("local.txt", None), ("server.txt", "server")])
def test_every_dependency_is_locked_within_its_range(lock: str, extra: str | None) -> None:
    from packaging.specifiers import SpecifierSet

    locked = _locked(lock)
    for name, spec in _requirements(extra):
        assert name in locked, f"{name} is missing from requirements/{lock}: run ./scripts/lock-deps"
        assert locked[name] in SpecifierSet(spec.strip()), (
            f"requirements/{lock} pins {name}=={locked[name]}, outside {spec}: run ./scripts/lock-deps")


def test_every_locked_package_carries_a_hash() -> None:
    for lock in ("local.txt", "server.txt"):
        text = (ROOT / "requirements" / lock).read_text()
        for block in re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text.split("\n\n", 1)[-1]):
            if "==" in block.split("\n", 1)[0]:
                assert "--hash=sha256:" in block, block.split()[0]
