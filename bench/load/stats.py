"""What the load test's clients saw, gathered across their threads, and summed up at the end."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.common import percentile

# Seconds after the restarted server first answers during which failures still count as interrupted.
GRACE = 2.0
KINDS = ("sign-in page (warm-up)", "sign in (warm-up)", "sign-in page", "sign in", "today", "check-in form",
         "check-in post", "journal form", "journal post")


@dataclass
class Stats:
    started: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    interrupted: int = 0
    resigned: int = 0
    requests: int = 0
    generation: int = 0  # bumped at each restart
    down_since: float | None = None
    up_again: float | None = None
    written: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    measure_from: float = 0.0  # requests started before this (the warm-up) are not timed
    after_restart: int = 0  # writes acknowledged by the restarted server
    until: float = math.inf  # when clients stop: the time asked for, plus the outage after a kill

    def record(self, kind: str, start: float, ms: float) -> None:
        warming = start < self.measure_from
        if warming and not kind.startswith("sign"):
            return
        with self.lock:
            # Most sign-ins happen while the clients arrive: timed, shown apart, not in the rate.
            self.latencies.setdefault(f"{kind} (warm-up)" if warming else kind, []).append(ms)
            if not warming:
                self.requests += 1

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(f"[{time.monotonic() - self.measure_from:+.1f} s] {text}")

    def interrupt(self) -> None:
        """A request failed because the server was down: expected, not an error."""
        with self.lock:
            self.interrupted += 1

    def sign_in_again(self) -> None:
        """A client was signed out by the restart (local mode forgets the key) and signs in again."""
        with self.lock:
            self.resigned += 1

    def in_outage(self, start: float, end: float) -> bool:
        with self.lock:
            if self.down_since is None or end < self.down_since:
                return False
            return self.up_again is None or start <= self.up_again + GRACE

    def acknowledge(self, user: str, kind: str, marker: str) -> None:
        with self.lock:
            self.written.setdefault(user, {"checkins": [], "journal": []})[kind].append(marker)
            if self.up_again is not None:
                self.after_restart += 1

    def went_down(self) -> None:
        with self.lock:
            self.down_since = time.monotonic()

    def new_generation(self) -> None:
        """The server is about to start again: a sign-in from before it is expected to be lost."""
        with self.lock:
            self.generation += 1

    def came_back(self) -> float:
        """Mark the server up again; returns how long it was down, in seconds."""
        with self.lock:
            self.up_again = time.monotonic()
            down = self.up_again - (self.down_since or self.up_again)
            # The time asked for is load time: the outage does not count against it.
            self.until += down
            return down

    def acknowledged(self) -> dict[str, dict[str, list[str]]]:
        """A copy of every acknowledged marker, per user and kind."""
        with self.lock:
            return {user: {k: list(v) for k, v in kinds.items()} for user, kinds in self.written.items()}


def _latency(values: Sequence[float]) -> dict[str, float]:
    return {"count": len(values), "p50_ms": round(percentile(values, 50), 1),
            "p95_ms": round(percentile(values, 95), 1), "p99_ms": round(percentile(values, 99), 1),
            "max_ms": round(max(values), 1) if values else 0.0}


def summarise(stats: Stats, elapsed: float) -> dict[str, Any]:
    kinds = {}
    everything: list[float] = []
    for kind in KINDS + tuple(k for k in stats.latencies if k not in KINDS):
        values = stats.latencies.get(kind, [])
        if not values:
            continue
        if not kind.endswith("(warm-up)"):
            everything += values
        kinds[kind] = _latency(values)
    kinds["all"] = _latency(everything)
    return {
        "elapsed_seconds": round(elapsed, 1), "requests": stats.requests,
        "requests_per_second": round(stats.requests / elapsed, 1) if elapsed else 0.0,
        "latency": kinds, "errors": len(stats.errors), "error_samples": stats.errors[:20],
        "interrupted": stats.interrupted, "signed_in_again": stats.resigned,
        "acknowledged_checkins": sum(len(v["checkins"]) for v in stats.written.values()),
        "acknowledged_journal": sum(len(v["journal"]) for v in stats.written.values()),
        "acknowledged_after_restart": stats.after_restart,
    }
