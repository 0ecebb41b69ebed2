"""The load test's figures, written out: a console table, and its section of bench/RESULTS.md.

The section sits between two markers so that `python -m bench` can rewrite the rest of the
file and keep it; each configuration has one row, replaced when it is run again.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import Any

from bench.common import RESULTS, ROOT

BLOCK_BEGIN = ("<!-- bench.load: begin. Written by python -m bench.load --record; "
               "python -m bench keeps it. -->")
BLOCK_END = "<!-- bench.load: end -->"
RESULTS_HEAD = ("| run | when, commit | requests/s | all requests p50 / p95 / p99 | check-in post p50 / p99 "
                "| errors | failed while down | acknowledged writes | lost |")


def table(result: dict[str, Any]) -> str:
    lines = [*_heading(result), "",
             f"{'request':<24}{'count':>8}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'max ms':>10}"]
    for kind, row in result["latency"].items():
        lines.append(f"{kind:<24}{row['count']:>8}{row['p50_ms']:>10.1f}{row['p95_ms']:>10.1f}"
                     f"{row['p99_ms']:>10.1f}{row['max_ms']:>10.1f}")
    lines += ["", *_totals(result)]
    for sample in result["error_samples"]:
        lines.append(f"  error: {sample}")
    for missing in result["verify"].get("missing_samples", []):
        lines.append(f"  LOST: {missing}")
    if result.get("server_log_tail"):
        lines += ["", "server log (last lines):", result["server_log_tail"]]
    return "\n".join(lines)


def _heading(result: dict[str, Any]) -> list[str]:
    return [f"Thawing load test: {result['server']}",
            f"new visit (sign in again) every {result['sessions_per_sign_in']} sessions"
            if result["sessions_per_sign_in"] else "each client signs in once (and after a restart)",
            f"{result['clients']} clients for {result['seconds']:g} s (after {result['warmup_seconds']:g} s "
            f"of warm-up) on {result['machine']}"
            + (f", server SIGKILLed at {result['seconds'] / 2:g} s and restarted in "
               f"{result.get('restart_seconds', 0):.1f} s" if result["kill"] else "")]


def _totals(result: dict[str, Any]) -> list[str]:
    found = result["verify"]
    return [f"requests/s: {result['requests_per_second']:.1f} ({result['requests']} in "
            f"{result['elapsed_seconds']:.1f} s)",
            f"errors: {result['errors']}",
            f"interrupted (failed while the server was down): {result['interrupted']}",
            f"signed in again after the restart: {result['signed_in_again']}",
            f"acknowledged writes: {result['acknowledged_checkins']} check-ins, "
            f"{result['acknowledged_journal']} journal entries",
            f"found in the database: {found['found_checkins']} check-ins, {found['found_journal']} "
            f"journal entries ({found['unacknowledged_present']} more saved but not acknowledged)",
            f"lost writes: {result['lost_writes']}",
            f"load average (1, 5, 15 min) before: {result['load_average_before']}, "
            f"at the end: {result['load_average_end']}",
            _cpu(result)]


def _cpu(result: dict[str, Any]) -> str:
    line = (f"server CPU: {result['server_cpu_seconds']:.1f} s "
            f"({result.get('server_cpu_ms_per_request', 0):.1f} ms a request)")
    if "database_cpu_seconds" in result:
        line += (f"; database CPU: {result['database_cpu_seconds']:.1f} s "
                 f"({result.get('database_cpu_ms_per_request', 0):.1f} ms a request), "
                 f"{result['database_commits_per_second']:.1f} commits/s")
    return line


def run_label(result: dict[str, Any]) -> str:
    """The configuration a row of the results table stands for (one row each)."""
    label = f"{result['server']}, {result['clients']} clients for {result['seconds']:g} s"
    if result.get("prefill_users"):
        label += f", {result['prefill_users']:,} more accounts of 90 days in the database"
    if result.get("think_seconds"):
        label += f", {result['think_seconds']:g} s think time"
    if result["kill"]:
        label += (f", SIGKILL at {result['seconds'] / 2:g} s, back in "
                  f"{result.get('restart_seconds', 0):.1f} s")
    return label.replace("|", "/")


def _seconds(ms: float) -> str:
    return f"{ms / 1000:.2f}"


def results_row(result: dict[str, Any], commit: str) -> str:
    every, post = result["latency"]["all"], result["latency"].get("check-in post", {})
    when = f"{time.strftime('%Y-%m-%d')}, {commit}" if commit else time.strftime("%Y-%m-%d")
    posts = (f"{_seconds(post['p50_ms'])} / {_seconds(post['p99_ms'])} s" if post else "")
    return (f"| {run_label(result)} | {when} | {result['requests_per_second']:.1f} | "
            f"{_seconds(every['p50_ms'])} / {_seconds(every['p95_ms'])} / {_seconds(every['p99_ms'])} s | "
            f"{posts} | {result['errors']} | {result['interrupted']} | "
            f"{result['acknowledged_checkins'] + result['acknowledged_journal']} | "
            f"**{result['lost_writes']}** |")


def load_block(text: str) -> str:
    """The load-test section of a RESULTS.md text, markers included ("" when there is none)."""
    start = text.find(BLOCK_BEGIN)
    end = text.find(BLOCK_END, start) if start >= 0 else -1
    return text[start:end + len(BLOCK_END)] if end >= 0 else ""


def record(result: dict[str, Any], path: Path = RESULTS) -> None:
    """Put this run's row into the load-test section of bench/RESULTS.md (same run: replaced)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    old = load_block(text)
    label = run_label(result)
    rows = [line for line in old.splitlines()
            if line.startswith("| ") and not line.startswith(("| run |", "|---"))
            and line.split(" | ")[0][2:] != label]
    rows.append(results_row(result, _commit()))
    block = _block(result, rows)
    if old:
        text = text.replace(old, block)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def _commit() -> str:
    """The checkout's short commit, or "" outside a git checkout."""
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _block(result: dict[str, Any], rows: list[str]) -> str:
    return "\n".join([
        BLOCK_BEGIN, "## Load and crash tests", "",
        "`python -m bench.load --target sqlite|postgres [--kill] [--prefill-users N] --record`: "
        "clients on loopback with no pause between requests, so the server is saturated and the "
        "latencies include queueing. A write counts when the server acknowledged it; \"lost\" is "
        "an acknowledged write missing from the database afterwards (read back through "
        "Thawing's services). Each row is its own run, on the machine described above; the "
        f"latest: {result['machine']}, load average before it {result['load_average_before']} "
        "(the client threads themselves count in the load average).", "",
        RESULTS_HEAD, "|---|---|---:|---:|---:|---:|---:|---:|---:|", *rows, "", BLOCK_END])
