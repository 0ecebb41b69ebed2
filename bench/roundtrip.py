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
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(count: int = 100) -> None:
    folder = tempfile.mkdtemp(prefix="thawing-bench-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("THAWING_")}
    env["THAWING_DATA_DIR"] = folder
    run = [sys.executable, "-m", "thawing"]
    subprocess.run([*run, "init", "--no-passphrase", "--timezone", "UTC"], env=env, check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen([*run, "serve", "--no-browser", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    try:
        for _ in range(100):
            try:
                form = opener.open(base + "/checkins/new/").read().decode()
                break
            except OSError:
                time.sleep(0.1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
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
    finally:
        server.terminate()
        server.wait()
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"check-in submit -> Today page, {count} runs, SQLite, waitress on loopback:")
    print(f"  median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
