"""The server's resident memory after a warm-up: `thawing serve` in a process of its own, read from /proc."""

from __future__ import annotations

import http.cookiejar
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator

from bench.common import ROOT, ServerDidNotStart, free_port, log, stop, wait_until_serving
from bench.context import Run
from bench.figures import Figure
from bench.machine import rss_mb

NAME = "server resident memory after warm-up"
# A search is posted, like the page's form; the other pages are read.
WARM_UP = ["/", "/checkins/new/", "/journal/", "/journal/ (search)", "/insights/", "/checkins/",
           "/insights/week/"]


def memory(run: Run) -> Iterator[Figure]:
    log("Server memory (thawing serve, after warm-up):")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "thawing", "serve", "--no-browser", "--port", str(port)],
                              env=run.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        figure = _after_warm_up(server, f"http://127.0.0.1:{port}")
    except (OSError, RuntimeError) as error:
        figure = Figure(NAME, "memory", error=f"failed: {error}")
    finally:
        stop(server)
    yield figure


def _after_warm_up(server: subprocess.Popen[bytes], base: str) -> Figure:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _wait(server, lambda: opener.open(base + "/", timeout=10).read())
    for _ in range(5):
        for page in WARM_UP:
            if page.endswith("(search)"):
                token = next(c.value for c in jar if c.name == "csrftoken")
                form = urllib.parse.urlencode({"q": "guitar", "csrfmiddlewaretoken": token})
                opener.open(base + "/journal/", data=form.encode(), timeout=30).read()
            else:
                opener.open(base + page, timeout=30).read()
    found = rss_mb(server.pid)
    if found is None:
        return Figure(NAME, "memory", error="skipped: no /proc on this system")
    rss, peak = found
    return Figure(NAME, "memory", [rss], unit="MB", budget=200, judge="median",
                  note=f"waitress, 8 threads; peak {peak:.0f} MB; 35 requests over 7 pages")


def _wait(server: subprocess.Popen[bytes], fetch: Callable[[], object]) -> None:
    try:
        wait_until_serving(server, fetch, seconds=15, pause=0.1)
    except ServerDidNotStart as error:
        said = server.stderr.read() if server.poll() is not None and server.stderr else b""
        raise RuntimeError(f"{error}: {said.decode(errors='replace')[-500:]}") from None
