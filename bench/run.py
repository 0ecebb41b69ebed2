"""The benchmark suite: every performance budget of DESIGN.md, measured on synthetic data.

Usage: python -m bench [--quick] [--json] [--out PATH]   (or: thawing bench [--quick] [--json])

It makes its own temporary data folder (never touching yours), sets Thawing up there,
generates ten years of one person (--quick: one year) and measures, each with the median
and the 95th percentile of N runs after a warm-up:

- pages (Today, check-in form, journal list and search, insights) and check-in submission,
  server time through Django's test client and the full middleware stack, and a bare view
  with no work behind the same stack: the framework floor our pages are a ratio of;
- journal search, insights and the one-year PDF report as function calls;
- the server's resident memory after warm-up (`thawing serve`, read from /proc);
- CLI commands end to end (process start to exit): check-in, adding a journal entry and
  searching, side by side with jrnl 4.6 (installed in its own virtual environment) on a
  journal of the same entries; export and Daylio import when those commands exist.

Figures are printed with the machine's description and each budget; a full run writes
bench/RESULTS.md (a quick one only with --out). A missed budget is profiled (cProfile, and
import times for commands) and the top entries are shown. Timings never fail the run.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import http.cookiejar
import json
import math
import os
import platform
import pstats
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import types
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "RESULTS.md"
JRNL_VERSION = "4.6"
JRNL_VENV = Path(tempfile.gettempdir()) / "thawing-jrnl-venv"
ENTRY_TEXT = ("Walked to the river after work and sat on the bench for a while. The water was grey "
              "and quiet. I noticed my shoulders were tight and let them drop a little. Nothing big, "
              "but it felt like something.")


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------ figures

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
    profile: str = ""             # key into Bench.profiles when a budget is missed

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def p95(self) -> float | None:
        if not self.samples:
            return None
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

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

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "group": self.group, "unit": self.unit, "n": len(self.samples),
                "median": _round(self.median), "p95": _round(self.p95), "cpu_median": _round(self.cpu),
                "budget": self.budget,
                "judged_on": self.judge if self.budget is not None else None, "ok": self.ok,
                "note": self.note, "error": self.error or None}


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
        return "error" if not figure.error.startswith(("not yet built", "skipped")) else "—"
    return {True: "ok", False: "**MISSED**", None: ""}[figure.ok]


# ------------------------------------------------------------------------------ machine

def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    memory = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import django

    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gib": memory,
            "os": platform.platform(terse=True), "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "django": django.get_version(),
            "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None}


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


# -------------------------------------------------------------------------- the harness

class Samples(list):
    """Wall-clock milliseconds, with the CPU milliseconds of the same runs in `cpu`."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: list[float] = []


def children_cpu() -> float:
    """CPU seconds used so far by this process's finished children (0 where unknown)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(call: Callable[[], Any], runs: int, warm_up: int = 2) -> Samples:
    gc.collect()  # start each series clean: no garbage left by the one before
    for _ in range(warm_up):
        call()
    samples = Samples()
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        samples.append((time.perf_counter() - start) * 1000)
        samples.cpu.append((time.process_time() - cpu) * 1000)
    return samples


def without_gc(call: Callable[[], Any], runs: int) -> Samples:
    """The same series with Python's cyclic garbage collector paused (to tell its pauses apart)."""
    gc.collect()
    gc.disable()
    try:
        return timed(call, runs, warm_up=1)
    finally:
        gc.enable()


def profile_call(call: Callable[[], Any], *, ours: str = "thawing") -> str:
    """Top entries of a cProfile of one call: cumulative in our code, then self time overall."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        call()
    finally:
        profiler.disable()
    return summarise_stats(pstats.Stats(profiler), ours=ours)


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


# ------------------------------------------------------------------------------- bench

class Bench:
    def __init__(self, *, quick: bool, years: float | None, jrnl: bool, jrnl_path: str | None) -> None:
        self.quick = quick
        self.years = years if years is not None else (1 if quick else 10)
        self.use_jrnl = jrnl
        self.jrnl_path = jrnl_path
        self.runs = 20 if quick else 50
        self.cli_runs = 3 if quick else 10
        self.figures: list[Figure] = []
        self.profiles: dict[str, str] = {}
        self.data: dict[str, Any] = {}
        self.notes: list[str] = []
        self.folder: Path | None = None
        self.cleanup: list[Path] = []
        self.env: dict[str, str] = {}
        self.user: Any = None
        self.started = time.perf_counter()

    # -- set-up ---------------------------------------------------------------------------

    def set_up(self) -> None:
        from bench.generate import make_data_dir

        self.folder = make_data_dir()
        self.cleanup.append(self.folder)
        for key in [k for k in os.environ if k.startswith("THAWING_") or k == "DJANGO_SETTINGS_MODULE"]:
            del os.environ[key]
        os.environ["THAWING_DATA_DIR"] = str(self.folder)
        os.environ["DJANGO_SETTINGS_MODULE"] = "thawing.settings"
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # commands should start as they do for people
        self.env = dict(os.environ)
        from thawing.cli import setup

        start = time.perf_counter()
        setup.django()
        from bench.generate import check_safe_data_dir, generate_person, table_counts
        from thawing.accounts import services

        check_safe_data_dir()
        self.user = services.set_up_local_profile(name="Bench", timezone="UTC", passphrase=None)
        self.data["setup_seconds"] = round(time.perf_counter() - start, 2)
        log(f"Generating {self.years:g} year(s) of synthetic data in {self.folder} ...")
        start = time.perf_counter()
        self.data["written"] = generate_person(self.user, years=self.years, seed=1)
        self.data["generate_seconds"] = round(time.perf_counter() - start, 2)
        self.data["tables"] = table_counts(self.user)
        self.data["years"] = self.years
        size = (self.folder / "thawing.sqlite3")
        self.data["database_mb"] = round(size.stat().st_size / 1e6, 1) if size.exists() else None
        log(f"  {self.data['written']} in {self.data['generate_seconds']} s")

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        shown = percentile_text(figure.median, figure.unit)
        log(f"  {figure.name}: median {shown}, p95 {percentile_text(figure.p95, figure.unit)}"
            + (f" [{figure.error}]" if figure.error else ""))
        return figure

    # -- server time ----------------------------------------------------------------------

    def pages(self) -> None:
        from django.http import HttpResponse
        from django.test import Client
        from django.test.utils import override_settings
        from django.urls import path

        import thawing.urls

        def floor(request: Any) -> HttpResponse:
            return HttpResponse("ok")

        urls = types.ModuleType("bench_floor_urls")
        urls.urlpatterns = [path("bench-floor/", floor), *thawing.urls.urlpatterns]  # type: ignore[attr-defined]
        sys.modules["bench_floor_urls"] = urls
        # A view that fails answers 500 here, reported as an error, instead of ending the run.
        client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
        client.force_login(self.user)
        log("Pages, server time (Django test client, full middleware stack):")
        start_day = (self.today() - timedelta(days=round(365.25 * self.years))).isoformat()
        post = {"mood": "6", "feel": "4", "emotion": ["tired", "calm"], "intensity": ["2", "3"],
                "body": ["chest:tight", "shoulders:tense"], "flicker": "", "note": "from the benchmark"}
        views: list[tuple[str, str, Callable[[], Any], int, float | None, str]] = [
            ("bare view (framework floor)", "floor", lambda: client.get("/bench-floor/"), 200, None,
             "a view that returns a constant, behind the same middleware"),
            ("Today", "today", lambda: client.get("/"), 200, 50, ""),
            ("check-in form", "form", lambda: client.get("/checkins/new/"), 200, 50, ""),
            ("journal list", "journal", lambda: client.get("/journal/"), 200, 50, ""),
            ("journal search page (\"guitar\")", "search-page",
             lambda: client.post("/journal/", {"q": "guitar"}),
             200, 100, "the search budget"),
            ("insights page (default: last 365 days)", "insights", lambda: client.get("/insights/"), 200,
             150, ""),
            *([] if self.quick else [("insights page, all years", "insights-all",
                                      lambda: client.get(f"/insights/?since={start_day}"), 200, None,
                                      "informational")]),
            ("check-in submission (POST, redirect to Today)", "post",
             lambda: client.post("/checkins/new/", post), 302, 50, ""),
        ]
        with override_settings(ROOT_URLCONF="bench_floor_urls"):
            floor_median = None
            for name, key, call, status, budget, note in views:
                response = call()
                if response.status_code != status:
                    self.add(Figure(name, "pages", error=f"answered {response.status_code}, "
                                    f"expected {status}"))
                    continue
                # A search answers "N entries with “guitar”" and the hits, each an entry card.
                page = response.content.decode()
                if key == "search-page" and not ("\u201cguitar\u201d" in page and "entry-card" in page):
                    self.add(Figure(name, "pages", error="the search found nothing to show"))
                    continue
                runs = self.runs // 4 if key == "insights-all" else (
                    self.runs // 2 if key == "insights" else self.runs)
                samples = timed(call, max(3, runs), warm_up=3)
                figure = Figure(name, "pages", samples, budget=budget, note=note, profile=key)
                if key == "floor":
                    floor_median = figure.median
                elif floor_median:
                    figure.note = (f"{figure.median / floor_median:.0f}× the floor" +
                                   (f"; {note}" if note else ""))
                self.explain(figure, call, max(3, runs))
                self.add(figure)

    def explain(self, figure: Figure, call: Callable[[], Any], runs: int) -> None:
        """For a missed budget: a profile of one call, and the p95 without garbage-collector pauses."""
        if figure.ok is not False:
            return
        self.profiles[figure.profile] = profile_call(call)
        if figure.median and figure.p95 and figure.p95 > 1.5 * figure.median:
            calm = Figure("", "", without_gc(call, runs))
            figure.note = "; ".join(filter(None, [figure.note, (
                f"with the garbage collector paused: median {percentile_text(calm.median, 'ms')}, "
                f"p95 {percentile_text(calm.p95, 'ms')}")]))

    def today(self) -> date:
        from thawing.checkins.services import local_today

        return local_today(self.user)

    def functions(self) -> None:
        from bench.generate import SEARCH_WORDS
        from thawing.care.report import build_report, render_pdf
        from thawing.insights.services import insights
        from thawing.journal.services import search_entries

        log("Functions (in process):")
        for word in SEARCH_WORDS:
            hits = len(search_entries(user=self.user, query=word))
            call = lambda word=word: search_entries(user=self.user, query=word)  # noqa: E731
            figure = Figure(f"journal search service (\"{word}\", {hits} hits shown)", "functions",
                            timed(call, self.runs), budget=100, profile=f"search-{word}",
                            note="search_entries shows at most 200")
            self.explain(figure, call, self.runs)
            self.add(figure)
        call = lambda: insights(user=self.user)  # noqa: E731
        runs = max(5, self.runs // 2)
        figure = Figure("insights computation (last 365 days)", "functions", timed(call, runs), budget=150,
                        profile="insights-fn")
        self.explain(figure, call, runs)
        self.add(figure)
        since = self.today() - timedelta(days=round(365.25 * self.years))
        self.add(Figure("insights computation, all years", "functions",
                        timed(lambda: insights(user=self.user, since=since), max(3, self.runs // 5), 1),
                        note="informational"))
        start = self.today() - timedelta(days=364)

        def report() -> bytes:
            return render_pdf(build_report(user=self.user, start=start, end=self.today()))

        size = len(report())
        figure = self.add(Figure("PDF report for a year (build_report + render_pdf)", "functions",
                                 timed(report, 1 if self.quick else 5, warm_up=0), budget=3000,
                                 judge="median", profile="report",
                                 note=f"{size / 1024:.0f} KB; fpdf2 imported before timing"))
        if figure.ok is False:
            self.profiles["report"] = profile_call(report)

    # -- memory ---------------------------------------------------------------------------

    def memory(self) -> None:
        log("Server memory (thawing serve, after warm-up):")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "thawing", "serve", "--no-browser", "--port",
                                   str(port)], env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        try:
            for _ in range(150):
                try:
                    opener.open(base + "/", timeout=10).read()
                    break
                except OSError:
                    if server.poll() is not None:
                        raise RuntimeError((server.stderr.read() or b"").decode()[-500:]) from None
                    time.sleep(0.1)
            paths = ["/", "/checkins/new/", "/journal/", "/journal/ (search)", "/insights/",
                     "/checkins/", "/insights/week/"]
            for _ in range(5):
                for page in paths:
                    if page.endswith("(search)"):  # a search is posted, like the page's form
                        token = next(c.value for c in jar if c.name == "csrftoken")
                        form = urllib.parse.urlencode({"q": "guitar", "csrfmiddlewaretoken": token})
                        opener.open(base + "/journal/", data=form.encode(), timeout=30).read()
                    else:
                        opener.open(base + page, timeout=30).read()
            found = rss_mb(server.pid)
            if found is None:
                self.add(Figure("server resident memory after warm-up", "memory",
                                error="skipped: no /proc on this system"))
            else:
                rss, peak = found
                self.add(Figure("server resident memory after warm-up", "memory", [rss], unit="MB",
                                budget=200, judge="median",
                                note=f"waitress, 8 threads; peak {peak:.0f} MB; 35 requests over 7 pages"))
        except (OSError, RuntimeError) as error:
            self.add(Figure("server resident memory after warm-up", "memory", error=f"failed: {error}"))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    # -- commands -------------------------------------------------------------------------

    def command(self, argv: list[str], *, env: dict[str, str] | None = None,
                cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(argv, env=env or self.env, cwd=cwd or ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=300)

    def process_times(self, argv: list[str], runs: int, *, env: dict[str, str] | None = None,
                      warm_up: int = 1,
                      prepare: Callable[[int], list[str]] | None = None) -> tuple[Samples, str]:
        """Wall (and CPU) times of running `argv` `runs` times, and an error if a run failed."""
        samples = Samples()
        for i in range(warm_up + runs):
            args = prepare(i) if prepare else argv
            start, cpu = time.perf_counter(), children_cpu()
            done = self.command(args, env=env)
            elapsed = (time.perf_counter() - start) * 1000
            spent = (children_cpu() - cpu) * 1000
            if done.returncode != 0:
                return samples, f"failed on run {i + 1}: {self.diagnose(args, env, done)}"
            if i >= warm_up:
                samples.append(elapsed)
                samples.cpu.append(spent)
        return samples, ""

    def diagnose(self, argv: list[str], env: dict[str, str] | None,
                 done: subprocess.CompletedProcess[bytes]) -> str:
        """Why a command failed: its last lines, and the exception of a rerun with THAWING_DEBUG=1."""
        said = " / ".join(done.stderr.decode(errors="replace").strip().splitlines()[-2:])
        again = subprocess.run(argv, env={**(env or self.env), "THAWING_DEBUG": "1"}, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                               timeout=300)
        if again.returncode == 0:
            return f"exit {done.returncode} ({said[:200]}); a rerun with THAWING_DEBUG=1 passed"
        last = again.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        return f"exit {done.returncode} ({said[:150]}); with THAWING_DEBUG=1: {last[0][:200]}"

    def profile_command(self, key: str, argv: list[str], *, env: dict[str, str] | None = None) -> None:
        """cProfile and import times of one run of a Python command (argv after `python`).

        Left out of --quick runs, which must stay short: the full run profiles every miss."""
        if key in self.profiles or self.quick:
            return
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch) / "run.prof"
            self.command([sys.executable, "-m", "cProfile", "-o", str(out), *argv], env=env)
            imports = subprocess.run([sys.executable, "-X", "importtime", *argv], env=env or self.env,
                                     cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, timeout=300)
            text = ""
            if out.exists():
                text = summarise_stats(pstats.Stats(str(out)))
            text += "\nslowest imports (python -X importtime, cumulative):\n"
            text += import_times(imports.stderr.decode(errors="replace"))
        self.profiles[key] = text

    def cli(self) -> None:
        log("Commands, end to end (process start to exit):")
        py = sys.executable
        thawing = [py, "-m", "thawing"]
        floors = [
            ("bare Python interpreter", [py, "-c", "pass"]),
            ("thawing --version (CLI framework only)", [*thawing, "--version"]),
            ("Django set-up alone (thawing settings)",
             [py, "-c", "import django; django.setup()"]),
        ]
        for name, argv in floors:
            samples, error = self.process_times(argv, self.cli_runs)
            self.add(Figure(name, "commands", samples, judge="median", note="floor", error=error))
        self.checkin_argv = checkin = [*thawing, "checkin", "--mood", "5", "--feel", "4", "--emotion",
                                       "tired:2", "--body", "chest:tight", "--note", "from the benchmark"]
        self.journal_add = [*thawing, "journal", ENTRY_TEXT]
        self.search_word = "guitar"
        self.journal_search = [*thawing, "journal", "search", self.search_word]
        samples, error = self.process_times(checkin, self.cli_runs)
        figure = self.add(Figure("thawing checkin (CLI check-in)", "commands", samples, budget=600,
                                 judge="median", error=error, profile="cli-checkin",
                                 note="the quick way: no Django (thawing/quick.py)"))
        if figure.ok is False:
            self.profile_command("cli-checkin", checkin[1:])
        usual = {**self.env, "THAWING_QUICK": "0"}
        samples, error = self.process_times(checkin, self.cli_runs, env=usual)
        self.add(Figure("thawing checkin the usual way (THAWING_QUICK=0)", "commands", samples,
                        judge="median", error=error,
                        note="through Django and services.py, as every other command; informational"))

    def round_robin(self, commands: list[tuple[str, list[str], dict[str, str]]],
                    runs: int) -> dict[str, tuple[Samples, str]]:
        """Run the commands in turn, `runs` rounds after one warm-up round, so that whatever else
        the machine is doing falls on all of them alike. Returns (samples, error) per label."""
        found: dict[str, tuple[Samples, str]] = {label: (Samples(), "") for label, _, _ in commands}
        for round_ in range(1 + runs):
            for label, argv, env in commands:
                samples, error = found[label]
                if error:
                    continue
                start, cpu = time.perf_counter(), children_cpu()
                done = self.command(argv, env=env)
                elapsed, spent = (time.perf_counter() - start) * 1000, (children_cpu() - cpu) * 1000
                if done.returncode != 0:
                    why = self.diagnose(argv, env, done)
                    found[label] = (samples, f"failed in round {round_ + 1}: {why}")
                elif round_ > 0:
                    samples.append(elapsed)
                    samples.cpu.append(spent)
        return found

    # -- jrnl -----------------------------------------------------------------------------

    def jrnl_binary(self) -> tuple[Path | None, str]:
        if self.jrnl_path:
            return Path(self.jrnl_path), ""
        binary = JRNL_VENV / "bin" / "jrnl"
        if binary.exists():
            done = subprocess.run([str(binary), "--version"], capture_output=True, timeout=60)
            if done.returncode == 0 and JRNL_VERSION.encode() in done.stdout:
                return binary, ""
        log(f"Installing jrnl {JRNL_VERSION} into {JRNL_VENV} (for the side-by-side only) ...")
        try:
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(JRNL_VENV)], check=True,
                           capture_output=True, timeout=300)
            done = subprocess.run([str(JRNL_VENV / "bin" / "python"), "-m", "pip", "install", "-q",
                                   "--disable-pip-version-check", f"jrnl=={JRNL_VERSION}"],
                                  capture_output=True, timeout=600)
        except (OSError, subprocess.SubprocessError) as error:
            return None, f"could not make a virtual environment for jrnl: {error}"
        if done.returncode != 0 or not binary.exists():
            tail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
            return None, f"pip could not install jrnl {JRNL_VERSION} (no network?): {tail[0][:200]}"
        return binary, ""

    def jrnl_journal(self, folder: Path, entries: list[tuple[datetime, str, str]]) -> Path:
        """A jrnl text journal of these entries and its configuration file; returns the config."""
        journal = folder / "journal.txt"
        with journal.open("w", encoding="utf-8") as handle:
            for at, title, body in entries:
                head = f"{title}. " if title else ""
                handle.write(f"[{at:%Y-%m-%d %H:%M}] {head}{body}\n\n")
        config = folder / "jrnl.yaml"
        config.write_text(
            "colors: {body: none, date: none, tags: none, title: none}\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
            "indent_character: '|'\n"
            f"journals: {{default: {{journal: {journal}}}}}\n"
            "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\n"
            f"version: '{JRNL_VERSION}'\n")
        return config

    def side_folder(self, keep_entries: int) -> Path:
        """A copy of the data folder whose journal holds only the newest `keep_entries` entries."""
        from django.db import connection

        from bench.generate import make_data_dir

        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        folder = make_data_dir()
        self.cleanup.append(folder)
        for name in ("thawing.sqlite3", "unlock.json", "secret_key"):
            if (self.folder / name).exists():
                shutil.copy2(self.folder / name, folder / name)
        db = sqlite3.connect(folder / "thawing.sqlite3")
        keep = ("SELECT id FROM journal_entry ORDER BY written_at DESC, id DESC LIMIT ?")
        db.execute(f"DELETE FROM journal_entrytag WHERE entry_id NOT IN ({keep})", (keep_entries,))
        db.execute(f"DELETE FROM journal_entry WHERE id NOT IN ({keep})", (keep_entries,))
        db.commit()
        db.close()
        return folder

    def versus_jrnl(self) -> None:
        from bench.generate import iter_entries

        binary, problem = (self.jrnl_binary() if self.use_jrnl
                           else (None, "skipped on request (--no-jrnl)"))
        if binary is None:
            self.notes.append(f"The comparison with jrnl was not made: {problem}.")
            self.add(Figure("jrnl comparison", "jrnl", error=f"skipped: {problem}"))
        log("Side by side with jrnl (same entries; the commands take turns, round after round):")
        entries = list(iter_entries(self.user))
        total = len(entries)
        sizes = sorted({total} | ({1000} if total > 1000 and binary else set()))
        for size in sizes:
            env = self.env if size == total else {**self.env,
                                                  "THAWING_DATA_DIR": str(self.side_folder(size))}
            commands = [("checkin", self.checkin_argv, env), ("add", self.journal_add, env)]
            jrnl: list[str] = []
            if binary is not None:
                scratch = Path(tempfile.mkdtemp(prefix="thawing-bench-jrnl-"))
                self.cleanup.append(scratch)
                jrnl = [str(binary), "--config-file", str(self.jrnl_journal(scratch, entries[-size:]))]
                commands.append(("jrnl-add", [*jrnl, ENTRY_TEXT], self.env))
            if size == total:
                commands.append(("search", self.journal_search, env))
                if jrnl:
                    commands.append(("jrnl-search", [*jrnl, "-contains", self.search_word], self.env))
            found = self.round_robin(commands, self.cli_runs)
            names = {"checkin": ("thawing checkin", ""), "add": ("thawing journal TEXT", ""),
                     "jrnl-add": ("jrnl TEXT", f"jrnl {JRNL_VERSION}"),
                     "search": (f"thawing journal search {self.search_word}", "prints up to 200 excerpts"),
                     "jrnl-search": (f"jrnl -contains {self.search_word}", "prints every match in full")}
            made = {}
            for label, (samples, error) in found.items():
                name, note = names[label]
                made[label] = self.add(Figure(f"{name}, {size:,}-entry journal", "jrnl", samples,
                                              judge="median", error=error, note=note))
            if "jrnl-add" in made:
                self.ratio(f"CLI check-in ÷ jrnl add, {size:,} entries", made["checkin"], made["jrnl-add"],
                           "cli-checkin", self.checkin_argv[1:], env)
                self.ratio(f"thawing journal add ÷ jrnl add, {size:,} entries", made["add"],
                           made["jrnl-add"], "cli-journal", self.journal_add[1:], env)
            if "jrnl-search" in made:
                self.ratio(f"thawing journal search ÷ jrnl -contains, {size:,} entries", made["search"],
                           made["jrnl-search"], "cli-search", self.journal_search[1:], env)

    def ratio(self, name: str, ours: Figure, theirs: Figure, profile: str, argv: list[str],
              env: dict[str, str]) -> None:
        if ours.median is None or theirs.median is None:
            self.add(Figure(name, "jrnl", unit="×", error=ours.error or theirs.error or "no samples"))
            return
        cpu = (f"; CPU {percentile_text(ours.cpu, 'ms')} vs {percentile_text(theirs.cpu, 'ms')}"
               if ours.cpu and theirs.cpu else "")
        figure = self.add(Figure(name, "jrnl", [ours.median / theirs.median], unit="×", budget=1.0,
                                 judge="median", profile=profile,
                                 note=f"{percentile_text(ours.median, 'ms')} vs "
                                      f"{percentile_text(theirs.median, 'ms')}{cpu}"))
        if figure.ok is False:
            self.profile_command(profile, argv, env=env)

    # -- export and import ----------------------------------------------------------------

    def commands_available(self) -> set[str]:
        done = subprocess.run([sys.executable, "-m", "thawing", "--help"], env=self.env, cwd=ROOT,
                              capture_output=True, timeout=120)
        names = set()
        for line in done.stdout.decode(errors="replace").splitlines():
            if line.startswith("  ") and not line.startswith("   ") and line.strip():
                names.add(line.split()[0])
        return names

    def fresh_profile(self) -> dict[str, str]:
        """The environment of a new, empty local profile in a folder of its own."""
        from bench.generate import make_data_dir

        folder = make_data_dir()
        self.cleanup.append(folder)
        env = {**self.env, "THAWING_DATA_DIR": str(folder)}
        done = self.command([sys.executable, "-m", "thawing", "init", "--no-passphrase", "--timezone", "UTC"],
                            env=env)
        if done.returncode != 0:
            raise RuntimeError(f"thawing init failed: {done.stderr.decode(errors='replace')[-200:]}")
        return env

    def data_commands(self) -> None:
        available = self.commands_available()
        runs = 1 if self.quick else 5
        log("Export and import:")
        if "export" not in available:
            self.add(Figure("full export (thawing export)", "data", error="not yet built"))
        else:
            self.export(runs)
        if "import" not in available:
            self.add(Figure("Daylio import, 3,650 rows (thawing import)", "data", error="not yet built"))
        else:
            self.daylio_import(runs)

    def export(self, runs: int) -> None:
        try:
            from thawing.portability import services

            size = len(services.export_json(user=self.user))
            call = lambda: services.export_json(user=self.user)  # noqa: E731
            figure = Figure("full export as JSON (export_json, in process)", "data", timed(call, runs, 1),
                            budget=2000, judge="median", profile="export-fn",
                            note=f"{size / 1e6:.1f} MB; what the web download does")
            self.explain(figure, call, runs)
            self.add(figure)
        except Exception as error:  # the service may change shape while the command stays
            self.add(Figure("full export as JSON (export_json, in process)", "data",
                            error=f"failed: {type(error).__name__}: {error}"[:300]))
        scratch = Path(tempfile.mkdtemp(prefix="thawing-bench-export-"))
        self.cleanup.append(scratch)
        target = scratch / "export.json"
        argv = [sys.executable, "-m", "thawing", "export", "--output", str(target)]

        def fresh(i: int) -> list[str]:
            target.unlink(missing_ok=True)
            return argv

        samples, error = self.process_times(argv, runs, prepare=fresh)
        figure = self.add(Figure("full export (thawing export -o FILE, end to end)", "data", samples,
                                 budget=2000, judge="median", error=error, profile="export",
                                 note="JSON, every record"))
        if figure.ok is False:
            self.profile_command("export", argv[1:])

    def daylio_import(self, runs: int) -> None:
        scratch = Path(tempfile.mkdtemp(prefix="thawing-bench-import-"))
        self.cleanup.append(scratch)
        csv_path = scratch / "daylio.csv"
        csv_path.write_text(daylio_csv(3650, end=self.today()), encoding="utf-8")
        try:
            from django.contrib.auth import get_user_model

            from thawing.accounts.models import Profile
            from thawing.portability import services

            data = csv_path.read_bytes()
            options = {"mood_map": {}, "time_format": None, "keep_settings": False}
            made = [0]

            def one() -> None:
                made[0] += 1
                person = get_user_model().objects.create_user(username=f"bench-import-{made[0]}")
                Profile.objects.create(user=person, timezone="UTC")
                services.preview_import(user=person, kind="daylio", data=data, options=options)
                services.run_import(user=person, kind="daylio", data=data, options=options)

            figure = Figure("Daylio import, 3,650 rows (preview + run_import, in process)", "data",
                            timed(one, runs, warm_up=0 if self.quick else 1), budget=2000, judge="median",
                            profile="import-fn", note="a new, empty account each run")
            self.explain(figure, one, runs)
            self.add(figure)
        except Exception as error:
            self.add(Figure("Daylio import, 3,650 rows (in process)", "data",
                            error=f"failed: {type(error).__name__}: {error}"[:300]))
        argv = [sys.executable, "-m", "thawing", "import", "daylio", str(csv_path), "--yes"]
        samples = Samples()
        error = ""
        warm_up = 0 if self.quick else 1
        for i in range(runs + warm_up):
            env = self.fresh_profile()
            start, cpu = time.perf_counter(), children_cpu()
            done = self.command(argv, env=env)
            if done.returncode != 0:
                error = f"failed: {self.diagnose(argv, env, done)}"
                break
            if i >= warm_up:
                samples.append((time.perf_counter() - start) * 1000)
                samples.cpu.append((children_cpu() - cpu) * 1000)
        figure = self.add(Figure("Daylio import, 3,650 rows (thawing import daylio FILE --yes, end to end)",
                                 "data", samples, budget=2000, judge="median", error=error, profile="import",
                                 note="into an empty profile each run"))
        if figure.ok is False:
            self.profile_command("import", argv[1:], env=self.fresh_profile())

    # -- the whole run --------------------------------------------------------------------

    def run(self) -> None:
        self.machine = machine()
        self.set_up()
        for section in (self.pages, self.functions, self.memory, self.cli, self.versus_jrnl,
                        self.data_commands):
            try:
                section()
            except Exception as error:  # one broken part must not hide the other figures
                import traceback

                log(traceback.format_exc())
                self.add(Figure(f"{section.__name__.replace('_', ' ')} (the whole section)", "errors",
                                error=f"failed: {type(error).__name__}: {error}"[:300]))
        self.data["total_seconds"] = round(time.perf_counter() - self.started, 1)
        self.machine["load_average_at_end"] = machine()["load_average"]
        loads = [self.machine["load_average"], self.machine["load_average_at_end"]]
        cores = self.machine["cores"] or 1
        if any(load and load[0] > cores for load in loads):
            self.notes.append(
                f"The machine was busy with other work during this run (load average above its {cores} "
                "cores), so wall-clock times are stretched, and p95 most of all; the CPU column is "
                "closer to what a quiet machine shows. Judge trends on a quiet machine.")

    @property
    def failed(self) -> list[Figure]:
        """Figures that could not be measured because something broke (not a missed budget)."""
        return [f for f in self.figures if f.error and not f.error.startswith(("not yet built", "skipped"))]

    def close(self) -> None:
        for folder in self.cleanup:
            shutil.rmtree(folder, ignore_errors=True)

    # -- output ---------------------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        return {"mode": "quick" if self.quick else "full", "machine": self.machine, "data": self.data,
                "figures": [f.as_dict() for f in self.figures], "profiles": self.profiles,
                "notes": self.notes, "missed": [f.name for f in self.figures if f.ok is False],
                "failed": [f.name for f in self.failed]}

    def table(self) -> list[str]:
        lines = ["| figure | n | median | p95 | CPU (median) | budget | verdict | note |",
                 "|---|---:|---:|---:|---:|---|---|---|"]
        group = None
        for f in self.figures:
            if f.group != group:
                group = f.group
                lines.append(f"| **{GROUPS.get(group, group)}** | | | | | | | |")
            p95 = percentile_text(f.p95, f.unit) if len(f.samples) > 1 else ""
            cpu = percentile_text(f.cpu, "ms") if f.cpu is not None else ""
            note = f.error or f.note
            lines.append(f"| {f.name} | {len(f.samples) or ''} | {percentile_text(f.median, f.unit)} | "
                         f"{p95} | {cpu} | {budget_text(f)} | {verdict(f)} | {note} |")
        return lines

    def markdown(self) -> str:
        m = self.machine
        d = self.data
        written = d.get("written", {})
        mode = "quick (one year of data)" if self.quick else f"full ({self.years:g} years of data)"
        lines = [
            "# Thawing benchmark results",
            "",
            f"Written by `python -m bench{' --quick' if self.quick else ''}` on "
            f"{datetime.now().strftime('%Y-%m-%d %H:%M')}, {mode}; the whole run took "
            f"{d.get('total_seconds', '?')} s. Re-run it to check any figure: the data are synthetic "
            "and seeded (`bench/generate.py`), so every run measures the same records.",
            "",
            "## Machine",
            "",
            f"- CPU: {m['cpu']}, {m['cores']} cores; RAM {m['ram_gib']} GiB; {m['os']}",
            f"- Python {m['python']}, SQLite {m['sqlite']}, Django {m['django']}",
            f"- load average (1, 5, 15 min) at the start: {m['load_average']}, at the end: "
            f"{m.get('load_average_at_end')}. On two cores, anything else running stretches the wall "
            "times; the CPU column (time the process spent computing, all its threads together: "
            "NumPy may use two) moves less, so compare it across runs.",
            "",
            "## Data set",
            "",
            f"{', '.join(f'{n:,} {k}' for k, n in written.items())}. Generated in "
            f"{d.get('generate_seconds')} s; database {d.get('database_mb')} MB.",
            "",
            "## Figures",
            "",
            "Server times are in-process through Django's test client with the whole middleware stack "
            "(what a WSGI server adds is not included); command times are wall-clock from process "
            "start to exit. Budgets on pages apply to the 95th percentile, on commands and one-off "
            "jobs to the median; ratios are our median over jrnl's (below 1 means Thawing is faster).",
            "",
            *self.table(),
            "",
        ]
        # The load and crash tests (python -m bench.load --record) are run on their own: keep them.
        from bench.load import load_block

        kept = load_block(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else ""
        if kept:
            lines += [kept, ""]
        missed = [f for f in self.figures if f.ok is False]
        lines += ["## Budgets missed", ""]
        if not missed:
            lines += ["None.", ""]
        shown: dict[str, str] = {}
        for f in missed:
            lines += [f"### {f.name}: {percentile_text(f.judged, f.unit)} against {budget_text(f)}", ""]
            text = self.profiles.get(f.profile)
            if text and f.profile in shown:
                lines += [f"Profile: the same command as \"{shown[f.profile]}\" above.", ""]
            elif text:
                shown[f.profile] = f.name
                lines += ["Profile of one run:", "", "```", text, "```", ""]
            elif self.quick:
                lines += ["(A quick run profiles only what runs in process; a full run profiles this.)", ""]
        if self.notes:
            lines += ["## Notes", "", *[f"- {n}" for n in self.notes], ""]
        return "\n".join(lines)

    def console(self) -> str:
        m = self.machine
        head = (f"Thawing benchmark, {'quick' if self.quick else 'full'}: {m['cpu']}, {m['cores']} cores, "
                f"{m['ram_gib']} GiB, Python {m['python']}, SQLite {m['sqlite']}, Django {m['django']}, "
                f"load {m['load_average']}")
        rows = [("figure", "n", "median", "p95", "CPU", "budget", "verdict", "note")]
        rows += [(f.name, str(len(f.samples) or ""), percentile_text(f.median, f.unit),
                  percentile_text(f.p95, f.unit) if len(f.samples) > 1 else "",
                  percentile_text(f.cpu, "ms") if f.cpu is not None else "", budget_text(f),
                  verdict(f).replace("*", ""), f.error or f.note) for f in self.figures]
        widths = [max(len(r[i]) for r in rows) for i in range(7)]
        out = [head, f"data: {self.data.get('written')}", ""]
        for r in rows:
            out.append("  ".join(r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i])
                                 if i < 5 else r[i].ljust(widths[i]) for i in range(7)) + "  " + r[7])
        shown: set[str] = set()
        for f in self.figures:
            if f.ok is False and self.profiles.get(f.profile) and f.profile not in shown:
                shown.add(f.profile)
                out += ["", f"Profile of {f.name} (budget missed):", self.profiles[f.profile]]
        out += ["", f"total {self.data.get('total_seconds')} s"]
        return "\n".join(out)


GROUPS = {"pages": "Pages and check-in submission, server time", "functions": "Functions, in process",
          "memory": "Memory", "commands": "Commands, end to end", "jrnl": "Side by side with jrnl",
          "data": "Export and import", "errors": "Sections that broke"}
# Ratio rows are one number (our median over theirs), not a series: no p95, no CPU column.


def daylio_csv(rows: int, *, end: date) -> str:
    """A Daylio (v3 header) export of `rows` entries, one a day going back from `end`, seeded."""
    import random

    rng = random.Random("thawing-bench:daylio")
    moods = ("rad", "good", "meh", "bad", "awful")
    activities = ("work", "walk", "friends", "sleep early", "reading", "music", "cleaning", "shopping")
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    for i in range(rows):
        day = end - timedelta(days=i)
        hour, minute = rng.randint(8, 22), rng.randint(0, 59)
        chosen = " | ".join(sorted(rng.sample(activities, rng.randint(0, 3))))
        note = rng.choice(("", "", "Quiet day.", "Long walk, felt a bit more", "Tired, flat again"))
        lines.append(f"{day:%Y-%m-%d},{day:%B} {day.day},{day:%A},{hour:02d}:{minute:02d},"
                     f"{rng.choice(moods)},{chosen},,\"{note}\"")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Measure Thawing against its performance budgets on seeded synthetic data, in a "
                    "temporary data folder of its own (your data is never touched).")
    parser.add_argument("--quick", action="store_true",
                        help="one year of data and fewer repetitions (under two minutes; for CI)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"write the Markdown results here (default: {RESULTS.relative_to(ROOT)} "
                             "for a full run, nowhere for --quick)")
    parser.add_argument("--years", type=float, default=None, help="years of data (default 10; quick 1)")
    parser.add_argument("--no-jrnl", action="store_true", help="skip the side-by-side with jrnl")
    parser.add_argument("--jrnl", default=None, help="a jrnl executable to use instead of installing "
                        f"jrnl {JRNL_VERSION} into {JRNL_VENV}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folders")
    args = parser.parse_args(argv)
    # Stopped from outside (a timeout, Ctrl-C): still remove the temporary folders.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    bench = Bench(quick=args.quick, years=args.years, jrnl=not args.no_jrnl, jrnl_path=args.jrnl)
    try:
        bench.run()
    finally:
        if args.keep:
            log(f"Kept: {', '.join(str(p) for p in bench.cleanup)}")
        else:
            bench.close()
    out = args.out if args.out is not None else (None if args.quick else RESULTS)
    if out is not None:
        out.write_text(bench.markdown() + "\n", encoding="utf-8")
        log(f"Wrote {out}")
    if args.json:
        print(json.dumps(bench.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(bench.console())
        # Crisis words on the frozen split nobody tuned on (figures only; see bench/crisis.py).
        from bench import crisis

        crisis.main([])
    if bench.failed:
        log(f"{len(bench.failed)} figure(s) could not be measured: "
            + "; ".join(f"{f.name}: {f.error}" for f in bench.failed))
        return 1
    return 0
