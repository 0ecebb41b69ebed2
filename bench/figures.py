"""A figure of the suite: a named series of timings (or one value) with its budget and verdict.

A budget applies to one statistic, named in `judge`: the 95th percentile for pages, whose
slow requests are the ones people notice, the median for commands and one-off jobs.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from bench.common import percentile

# A figure that could not be measured for these reasons is not a failure of the run.
NOT_FAILURES = ("not yet built", "skipped")


class Samples(list):
    """Wall-clock milliseconds, with the CPU milliseconds of the same runs in `cpu`."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: list[float] = []

    def add(self, wall_ms: float, cpu_ms: float) -> None:
        self.append(wall_ms)
        self.cpu.append(cpu_ms)


@dataclass
class Figure:
    name: str
    group: str
    samples: list[float] = field(default_factory=list)
    unit: str = "ms"
    budget: float | None = None
    judge: str = "p95"            # which statistic the budget applies to: p95, median or value
    note: str = ""
    error: str = ""
    profile: str = ""             # key into the run's profiles when a budget is missed

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def p95(self) -> float | None:
        return percentile(self.samples, 95) if self.samples else None

    @property
    def cpu(self) -> float | None:
        """Median CPU time of the runs: the work done, whatever else the machine was doing."""
        spent = getattr(self.samples, "cpu", None)
        return statistics.median(spent) if spent else None

    @property
    def judged(self) -> float | None:
        return self.p95 if self.judge == "p95" else self.median

    @property
    def ok(self) -> bool | None:
        if self.budget is None or self.judged is None:
            return None
        return self.judged < self.budget

    @property
    def failed(self) -> bool:
        """Something broke while measuring it (a missed budget is not a failure)."""
        return bool(self.error) and not self.error.startswith(NOT_FAILURES)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "group": self.group, "unit": self.unit, "n": len(self.samples),
                "median": _round(self.median), "p95": _round(self.p95), "cpu_median": _round(self.cpu),
                "budget": self.budget,
                "judged_on": self.judge if self.budget is not None else None, "ok": self.ok,
                "note": self.note, "error": self.error or None}


def failure(name: str, group: str, error: Exception) -> Figure:
    """A figure that could not be measured because `error` was raised."""
    return Figure(name, group, error=f"failed: {type(error).__name__}: {error}"[:300])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3 if abs(value) < 10 else 1)


def percentile_text(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.1f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def budget_text(figure: Figure) -> str:
    if figure.budget is None:
        return ""
    if figure.unit == "×":
        return f"< {figure.budget:g}× (median)"
    return f"< {percentile_text(figure.budget, figure.unit)} ({figure.judge})"


def verdict(figure: Figure) -> str:
    if figure.error:
        return "error" if figure.failed else "—"
    return {True: "ok", False: "**MISSED**", None: ""}[figure.ok]
