"""The machine a benchmark runs on, and the processes it starts, read from /proc where there is one.

Figures mean little without the machine beside them: on two cores, anything else running
stretches every wall time, so each report names the CPU and the load average. The CPU time a
process spent moves less than its wall time; the suite and the load test both report it.
"""

from __future__ import annotations

import os
import platform
import sqlite3
from pathlib import Path
from typing import Any

import django


def _proc_lines(path: str, prefix: str) -> list[str]:
    """The lines of a /proc text file that start with `prefix` ([] where it cannot be read)."""
    try:
        return [line for line in Path(path).read_text().splitlines() if line.startswith(prefix)]
    except OSError:
        return []


def cpu_model(default: str = "") -> str:
    found = _proc_lines("/proc/cpuinfo", "model name")
    return found[0].split(":", 1)[1].strip() if found else default


def ram_gib() -> float | None:
    found = _proc_lines("/proc/meminfo", "MemTotal")
    return round(int(found[-1].split()[1]) / 1024 / 1024, 1) if found else None


def load_average() -> list[float]:
    """The 1-, 5- and 15-minute load averages ([] where the system does not say)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return []


def facts() -> dict[str, Any]:
    """The machine and the versions that shape every figure, for the suite's report."""
    return {"cpu": cpu_model(platform.processor() or platform.machine()), "cores": os.cpu_count(),
            "ram_gib": ram_gib(), "os": platform.platform(terse=True),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "django": django.get_version(), "load_average": load_average()}


def summary() -> str:
    """The machine in one line, for the load test's report."""
    return (f"{os.cpu_count()} CPUs {cpu_model()}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def rss_mb(pid: int | str = "self") -> tuple[float, float] | None:
    """(resident, peak resident) in MB from /proc, or None where there is no /proc."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    values = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def children_cpu() -> float:
    """CPU seconds used so far by this process's finished children (0 where unknown)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no resource module
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _proc_stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name may hold spaces; the fields after it are fixed.
    return raw[raw.rindex(")") + 2:].split()


def _all_pids() -> list[int]:
    try:
        return [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return []


def children_of(pid: int) -> list[int]:
    return [p for p in _all_pids() if (stat := _proc_stat(p)) and int(stat[1]) == pid]


def cpu_seconds(root: int) -> float:
    """CPU time of `root` (with its reaped children) and its live children, from /proc (0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    stat = _proc_stat(root)
    if stat is None:
        return 0.0
    total = sum(int(x) for x in stat[11:15])  # utime stime cutime cstime
    for child in children_of(root):
        if (cstat := _proc_stat(child)) is not None:
            total += int(cstat[11]) + int(cstat[12])
    return total / tick


def alive(pid: int) -> bool:
    stat = _proc_stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")
