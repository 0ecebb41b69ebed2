"""Helpers every benchmark script shares: where things are, a clean environment, ports, percentiles.

Each script runs Thawing in a temporary data folder of its own and starts its commands and
servers as separate processes. These helpers keep the settings of the person running a
benchmark out of those processes, and make every script count percentiles the same way.
"""

from __future__ import annotations

import http.client
import ipaddress
import math
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
# The hidden CSRF field of every Thawing form, as a browser would read it from the page.
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

T = TypeVar("T")


class ServerDidNotStart(RuntimeError):
    """A server process exited, or did not answer in time, before its first page."""


def log(text: str) -> None:
    """Progress for the person watching: stderr, so stdout holds only the figures."""
    print(text, file=sys.stderr, flush=True)


def is_setting(name: str) -> bool:
    """Whether an environment variable would point Thawing at the runner's own data or settings."""
    return name.startswith("THAWING_") or name == "DJANGO_SETTINGS_MODULE"


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any THAWING_* setting of the person running it."""
    # DJANGO_ALLOW_ASYNC_UNSAFE is for Playwright inside tests only; a real server never has it.
    env = {k: v for k, v in os.environ.items()
           if not is_setting(k) and k not in ("PYTHONPATH", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def free_port(host: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host.strip("[]"), 0))
        return int(sock.getsockname()[1])


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile of `values` (0 when empty)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def wait_until_serving(process: subprocess.Popen[bytes], fetch: Callable[[], T], *, seconds: float,
                       pause: float = 0.05) -> T:
    """What `fetch` returns once the server answers it; ServerDidNotStart if it exits or stays silent."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerDidNotStart(f"The server exited ({process.returncode})")
        try:
            return fetch()
        except (OSError, http.client.HTTPException):
            time.sleep(pause)
    raise ServerDidNotStart(f"The server did not answer within {seconds:.0f} s")


def stop(process: subprocess.Popen[bytes], *, seconds: float = 10) -> None:
    """Ask a server started here to end, and kill it if it has not within `seconds`."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()


def forget_settings() -> None:
    """Remove the runner's own settings from this process's environment, before Django reads them."""
    for name in [n for n in os.environ if is_setting(n)]:
        del os.environ[name]
