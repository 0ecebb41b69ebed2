"""Time from pressing "Save check-in" to the Today page on screen, against `thawing serve`.

Usage: python -m bench.roundtrip [N]. Starts a real server on a fresh SQLite profile in a
temporary folder, then posts N check-ins, one a day going back, the way a browser does
(CSRF token, session cookie, redirect to Today) and prints the median and 95th percentile in milliseconds.
Prints figures only; it asserts nothing.
"""

from __future__ import annotations

import http.cookiejar
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta

from bench.common import TOKEN, clean_env, free_port, percentile, stop, wait_until_serving

THAWING = [sys.executable, "-m", "thawing"]


def main(count: int = 100) -> None:
    folder = tempfile.mkdtemp(prefix="thawing-bench-")
    env = clean_env(THAWING_DATA_DIR=folder)
    subprocess.run([*THAWING, "init", "--no-passphrase", "--timezone", "UTC"], env=env, check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen([*THAWING, "serve", "--no-browser", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        timings = _submit(f"http://127.0.0.1:{port}", server, count)
    finally:
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"check-in submit -> Today page, {count} runs, SQLite, waitress on loopback:")
    print(f"  median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 95):.1f} ms")


def _submit(base: str, server: subprocess.Popen[bytes], count: int) -> list[float]:
    """Milliseconds from posting each check-in to having the Today page it leads to."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    form = wait_until_serving(server, lambda: opener.open(base + "/checkins/new/").read().decode(),
                              seconds=10, pause=0.1)
    token = TOKEN.search(form).group(1)  # type: ignore[union-attr]
    timings = []
    for i in range(count):
        # One check-in a day going back, as in real use: Today shows a handful, not N.
        day = (datetime.now(UTC) - timedelta(days=i)).strftime("%Y-%m-%dT%H:%M")
        body = urllib.parse.urlencode({
            "csrfmiddlewaretoken": token, "mood": str(i % 10 + 1), "at": day,
            "body": "chest:tight", "emotion": "tired", "intensity": "2",
        }).encode()
        request = urllib.request.Request(base + "/checkins/new/", data=body,
                                         headers={"Referer": base + "/checkins/new/"})
        start = time.perf_counter()
        page = opener.open(request).read()
        timings.append((time.perf_counter() - start) * 1000)
        assert b"Your check-ins today" in page
    return timings


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
