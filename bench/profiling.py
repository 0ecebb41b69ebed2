"""Where the time went when a budget is missed: a cProfile summary, and import times of a command.

A missed budget alone says little; the top entries of one profiled run say where to look.
Timings never fail the run, so these summaries are the suite's way of pointing at a fix.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.timing import command


def profile_call(call: Callable[[], Any], *, ours: str = "thawing") -> str:
    """Top entries of a cProfile of one call: cumulative in our code, then self time overall."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        call()
    finally:
        profiler.disable()
    return summarise_stats(pstats.Stats(profiler), ours=ours)


def profile_command(argv: list[str], env: dict[str, str]) -> str:
    """cProfile and import times of one run of a Python command (argv after `python`)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "run.prof"
        command([sys.executable, "-m", "cProfile", "-o", str(out), *argv], env)
        imports = command([sys.executable, "-X", "importtime", *argv], env)
        text = summarise_stats(pstats.Stats(str(out))) if out.exists() else ""
    text += "\nslowest imports (python -X importtime, cumulative):\n"
    return text + import_times(imports.stderr.decode(errors="replace"))


def _where(key: tuple[str, int, str]) -> str:
    path, line, name = key
    if path == "~":
        return name
    parts = Path(path).parts
    for anchor in ("site-packages", "lib"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return f"{'/'.join(parts[index + 1:])}:{line} {name}"
    if "thawing" in parts:
        return f"{'/'.join(parts[parts.index('thawing'):])}:{line} {name}"
    return f"{Path(path).name}:{line} {name}"


def summarise_stats(stats: pstats.Stats, *, ours: str = "thawing", top: int = 10) -> str:
    table = stats.stats  # type: ignore[attr-defined]
    total = max((ct for _, _, _, ct, _ in table.values()), default=0.0)
    # Frames that take (almost) the whole call are wrappers (middleware, main): left out.
    mine = sorted(((ct, nc, key) for key, (_, nc, _, ct, _) in table.items()
                   if f"/{ours}/" in key[0] and "/bench/" not in key[0] and ct < 0.97 * total),
                  reverse=True)[:top]
    hot = sorted(((tt, nc, key) for key, (_, nc, tt, _, _) in table.items()), reverse=True)[:top]
    lines = [f"whole call: {total * 1000:.1f} ms", f"cumulative time in {ours}/ code:"]
    lines += [f"  {ct * 1000:8.1f} ms {nc:7d}x  {_where(key)}" for ct, nc, key in mine]
    lines.append("self time, everywhere:")
    lines += [f"  {tt * 1000:8.1f} ms {nc:7d}x  {_where(key)}" for tt, nc, key in hot]
    return "\n".join(lines)


def import_times(stderr: str, top: int = 10) -> str:
    """The slowest top-level imports from `python -X importtime` output."""
    found = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|", 2)
        if not name.startswith(" ") or name.startswith("  "):
            continue  # a nested import: counted in its parent's cumulative time
        try:
            found.append((int(cumulative.strip()), name.strip()))
        except ValueError:
            continue
    found.sort(reverse=True)
    return "\n".join(f"  {us / 1000:8.1f} ms  import {name}" for us, name in found[:top])
