"""Timing: a call in this process, or a command as its own process from start to exit.

Every series records the CPU time beside the wall time: on a shared two-core machine the
wall time stretches with whatever else runs, the CPU time much less.
"""

from __future__ import annotations

import gc
import subprocess
import time
from collections.abc import Callable
from typing import Any

from bench.common import ROOT
from bench.figures import Samples
from bench.machine import children_cpu


def timed(call: Callable[[], Any], runs: int, warm_up: int = 2) -> Samples:
    gc.collect()  # start each series clean: no garbage left by the one before
    for _ in range(warm_up):
        call()
    samples = Samples()
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        samples.add((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000)
    return samples


def without_gc(call: Callable[[], Any], runs: int) -> Samples:
    """The same series with Python's cyclic garbage collector paused (to tell its pauses apart)."""
    gc.collect()
    gc.disable()
    try:
        return timed(call, runs, warm_up=1)
    finally:
        gc.enable()


def command(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """Run a command from the checkout, keeping only what it says on stderr."""
    return subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, timeout=300)


def time_command(argv: list[str],
                 env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """(wall ms, CPU ms, the finished process) of one run of a command."""
    start, cpu = time.perf_counter(), children_cpu()
    done = command(argv, env)
    return (time.perf_counter() - start) * 1000, (children_cpu() - cpu) * 1000, done


def diagnose(argv: list[str], env: dict[str, str], done: subprocess.CompletedProcess[bytes]) -> str:
    """Why a command failed: its last lines, and the exception of a rerun with THAWING_DEBUG=1."""
    said = " / ".join(done.stderr.decode(errors="replace").strip().splitlines()[-2:])
    again = command(argv, {**env, "THAWING_DEBUG": "1"})
    if again.returncode == 0:
        return f"exit {done.returncode} ({said[:200]}); a rerun with THAWING_DEBUG=1 passed"
    last = again.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
    return f"exit {done.returncode} ({said[:150]}); with THAWING_DEBUG=1: {last[0][:200]}"


def process_times(argv: list[str], runs: int, env: dict[str, str], *, warm_up: int = 1,
                  prepare: Callable[[], dict[str, str]] | None = None) -> tuple[Samples, str]:
    """Wall (and CPU) times of running `argv` `runs` times, and an error if a run failed.

    `prepare`, when given, readies each run (untimed) and returns the environment it runs in."""
    samples = Samples()
    for i in range(warm_up + runs):
        run_env = prepare() if prepare else env
        wall, cpu, done = time_command(argv, run_env)
        if done.returncode != 0:
            return samples, f"failed on run {i + 1}: {diagnose(argv, run_env, done)}"
        if i >= warm_up:
            samples.add(wall, cpu)
    return samples, ""


def round_robin(commands: list[tuple[str, list[str], dict[str, str]]],
                runs: int) -> dict[str, tuple[Samples, str]]:
    """Run the commands in turn, `runs` rounds after one warm-up round, so that whatever else
    the machine is doing falls on all of them alike. Returns (samples, error) per label."""
    found: dict[str, tuple[Samples, str]] = {label: (Samples(), "") for label, _, _ in commands}
    for round_ in range(1 + runs):
        for label, argv, env in commands:
            samples, error = found[label]
            if error:
                continue
            wall, cpu, done = time_command(argv, env)
            if done.returncode != 0:
                found[label] = (samples, f"failed in round {round_ + 1}: {diagnose(argv, env, done)}")
            elif round_ > 0:
                samples.add(wall, cpu)
    return found
