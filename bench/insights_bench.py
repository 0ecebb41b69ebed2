"""Server time of insights on ten years of records: the service, the page, the API and the command.

Usage: python -m bench.insights_bench [RUNS]. Makes a fresh SQLite profile in a temporary folder
(never the person's own data directory), writes ten years of synthetic records for one person
(about 11,000 check-ins with emotion words, a habits row a day, practice sessions, activities,
connections and numbing notes; journal entries are left out, insights do not read them), then
times `insights(user=...)`, the `/insights/` page and `/api/insights` through Django's test client
and `thawing insights` in-process, RUNS times each (default 20) after one warm-up, for the default
year and for all ten years (`since`). Prints the median and 95th percentile in milliseconds, then
removes the folder. Prints figures only; it asserts nothing.
"""

from __future__ import annotations

import contextlib
import io
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as clock_time

from bench.common import forget_settings, percentile
from bench.timing import timed

YEARS = 10
SEED = 5
WORDS = ["numb", "tired", "flat", "sad", "calm", "curious", "anxious", "hopeful", "irritated", "content",
         "lonely", "relieved", "bored", "grateful", "tense"]


def isolated_profile() -> str:
    """A new local profile in a new data directory, set before Django loads; no THAWING_* of the caller."""
    forget_settings()
    folder = tempfile.mkdtemp(prefix="thawing-insights-bench-")
    os.environ["THAWING_DATA_DIR"] = folder
    # Set up the way a person does, with `thawing init`, then open the profile as commands do.
    from thawing.__main__ import main as thawing

    with contextlib.redirect_stdout(io.StringIO()):
        code = thawing(["init", "--no-passphrase", "--timezone", "Europe/London", "--country", "GB"])
    if code != 0:
        raise SystemExit(f"thawing init failed ({code})")
    return folder


def ten_years(user, today: date) -> dict[str, int]:
    """Synthetic records, seeded: 1-5 check-ins a day, feel slowly rising, fun days a little higher."""
    from thawing.accounts.days import user_zone
    from thawing.checkins.models import CheckIn, CheckInEmotion
    from thawing.habits.models import DayHabits, Numbing
    from thawing.practices.models import Activity, Connection, Session

    rng, zone = random.Random(SEED), user_zone(user)
    checkins, words, habits, sessions, activities, connections, numbing = [], [], [], [], [], [], []
    days = YEARS * 365
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        habits.append(DayHabits(user=user, day=day, sleep_hours=round(rng.uniform(5, 9), 1),
                                meals=rng.randint(1, 3), movement_minutes=rng.choice([0, 10, 20, 30, 45])))
        fun = rng.random() < 0.4
        if fun:
            activities.append(Activity(user=user, kind=rng.choice(["fun", "enjoy", "creative"]),
                                       title="something", done_on=day))
        if rng.random() < 0.15:
            connections.append(Connection(user=user, on=day, who="a friend", how="call"))
        if rng.random() < 0.15:
            numbing.append(Numbing(user=user, day=day, kind=rng.choice(["scrolling", "binge-watching"])))
        if rng.random() < 0.35:
            before = rng.randint(0, 6)
            sessions.append(Session(user=user, exercise="longer-out-breath", kind="breathing", seconds=300,
                                    at=datetime.combine(day, clock_time(7), zone), feel_before=before,
                                    feel_after=min(10, before + rng.randint(0, 3))))
        for hour in sorted(rng.sample(range(8, 22), rng.choice([1, 2, 3, 3, 4, 5]))):
            cant_tell = rng.random() < 0.05
            feel = max(0, min(10, round(rng.gauss(3 + back % 7 / 3 + 2 * fun, 1.5))))
            checkins.append(CheckIn(
                user=user, at=datetime.combine(day, clock_time(hour), zone),
                mood=None if cant_tell else rng.randint(2, 8),
                feel=None if cant_tell else feel,
                flicker="a flicker" if rng.random() < 0.05 else ""))
            words.append({w: rng.randint(1, 5) for w in rng.sample(WORDS, rng.randint(0, 4))})
    saved = CheckIn.objects.bulk_create(checkins, batch_size=2000)
    CheckInEmotion.objects.bulk_create([CheckInEmotion(user=user, checkin=c, emotion=w, intensity=i)
                                        for c, chosen in zip(saved, words, strict=True)
                                        for w, i in chosen.items()], batch_size=5000)
    for model, rows in ((DayHabits, habits), (Session, sessions), (Activity, activities),
                        (Connection, connections), (Numbing, numbing)):
        model.objects.bulk_create(rows, batch_size=2000)
    return {"check-ins": len(saved), "emotion words": sum(map(len, words)), "habit days": len(habits),
            "sessions": len(sessions), "activities": len(activities), "connections": len(connections),
            "numbing": len(numbing)}


def median_and_p95(run: Callable[[], object], runs: int) -> tuple[float, float]:
    # One warm-up fills the caches (content files, templates, query compilation), as a running server has.
    samples = timed(run, runs, warm_up=1)
    return statistics.median(samples), percentile(samples, 95)


def main(runs: int = 20) -> None:
    folder = isolated_profile()
    try:
        measure(runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(runs: int) -> None:
    from django.test import Client

    from thawing.__main__ import main as thawing
    from thawing.accounts.days import local_today
    from thawing.cli import setup
    from thawing.insights.serialize import insights_dict
    from thawing.insights.services import insights

    user = setup.user()
    today = local_today(user)
    start = time.perf_counter()
    counts = ten_years(user, today)
    print(f"{platform.python_implementation()} {platform.python_version()}, SQLite, "
          f"{YEARS} years written in {time.perf_counter() - start:.1f} s: "
          + ", ".join(f"{n} {what}" for what, n in counts.items()))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    since = today - timedelta(days=YEARS * 365 - 1)

    def page(url: str) -> Callable[[], object]:
        def get() -> object:
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response
        return get

    def command(*argv: str) -> Callable[[], object]:
        def run() -> object:
            with contextlib.redirect_stdout(io.StringIO()):
                assert thawing(list(argv)) == 0
            return None
        return run

    cases = [
        ("insights(user=...) default year", lambda: insights(user=user)),
        ("insights(user=..., since=10 years)", lambda: insights(user=user, since=since)),
        ("insights + insights_dict (API, CLI --json), year", lambda: insights_dict(insights(user=user))),
        ("GET /insights/ default year", page("/insights/")),
        ("GET /insights/?since=10 years", page(f"/insights/?since={since.isoformat()}")),
        ("GET /api/insights default year", page("/api/insights")),
        ("thawing insights (in-process, Rich output)", command("insights")),
        ("thawing insights --json (in-process)", command("insights", "--json")),
    ]
    print(f"{'':52} {'median ms':>10} {'p95 ms':>10}   ({runs} runs each)")
    for name, run in cases:
        median, p95 = median_and_p95(run, runs)
        print(f"{name:52} {median:10.1f} {p95:10.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
