"""Export and Daylio import: as service calls in process, and as commands end to end.

Each is skipped (not failed) while its command does not exist yet, so the suite runs on any
version of Thawing.
"""

from __future__ import annotations

import random
import subprocess
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from bench.common import ROOT, log
from bench.context import Run
from bench.figures import Figure, failure
from bench.suites.commands import THAWING
from bench.timing import command, process_times, timed

DAYLIO_ROWS = 3650


def data_commands(run: Run) -> Iterator[Figure]:
    available = _commands_available(run.env)
    runs = 1 if run.quick else 5
    log("Export and import:")
    if "export" not in available:
        yield Figure("full export (thawing export)", "data", error="not yet built")
    else:
        yield from _export(run, runs)
    if "import" not in available:
        yield Figure("Daylio import, 3,650 rows (thawing import)", "data", error="not yet built")
    else:
        yield from _daylio_import(run, runs)


def _commands_available(env: dict[str, str]) -> set[str]:
    done = subprocess.run([*THAWING, "--help"], env=env, cwd=ROOT, capture_output=True, timeout=120)
    names = set()
    for line in done.stdout.decode(errors="replace").splitlines():
        if line.startswith("  ") and not line.startswith("   ") and line.strip():
            names.add(line.split()[0])
    return names


def _export(run: Run, runs: int) -> Iterator[Figure]:
    yield _export_in_process(run, runs)
    target = run.scratch("thawing-bench-export-") / "export.json"
    argv = [*THAWING, "export", "--output", str(target)]

    def fresh() -> dict[str, str]:
        target.unlink(missing_ok=True)
        return run.env

    samples, error = process_times(argv, runs, run.env, prepare=fresh)
    figure = Figure("full export (thawing export -o FILE, end to end)", "data", samples, budget=2000,
                    judge="median", error=error, profile="export", note="JSON, every record")
    yield figure
    if figure.ok is False:
        run.profile_command("export", argv[1:])


def _export_in_process(run: Run, runs: int) -> Figure:
    name = "full export as JSON (export_json, in process)"
    try:
        from thawing.portability import services

        size = len(services.export_json(user=run.user))
        call = lambda: services.export_json(user=run.user)  # noqa: E731
        figure = Figure(name, "data", timed(call, runs, 1), budget=2000, judge="median", profile="export-fn",
                        note=f"{size / 1e6:.1f} MB; what the web download does")
        run.explain(figure, call, runs)
        return figure
    except Exception as error:  # the service may change shape while the command stays
        return failure(name, "data", error)


def _daylio_import(run: Run, runs: int) -> Iterator[Figure]:
    csv_path = run.scratch("thawing-bench-import-") / "daylio.csv"
    csv_path.write_text(daylio_csv(DAYLIO_ROWS, end=run.today()), encoding="utf-8")
    yield _import_in_process(run, csv_path.read_bytes(), runs)
    argv = [*THAWING, "import", "daylio", str(csv_path), "--yes"]
    samples, error = process_times(argv, runs, run.env, warm_up=0 if run.quick else 1,
                                   prepare=lambda: _fresh_profile(run))
    figure = Figure("Daylio import, 3,650 rows (thawing import daylio FILE --yes, end to end)", "data",
                    samples, budget=2000, judge="median", error=error, profile="import",
                    note="into an empty profile each run")
    yield figure
    if figure.ok is False:
        run.profile_command("import", argv[1:], _fresh_profile(run))


def _import_in_process(run: Run, data: bytes, runs: int) -> Figure:
    try:
        one = _importer(data)
        figure = Figure("Daylio import, 3,650 rows (preview + run_import, in process)", "data",
                        timed(one, runs, warm_up=0 if run.quick else 1), budget=2000, judge="median",
                        profile="import-fn", note="a new, empty account each run")
        run.explain(figure, one, runs)
        return figure
    except Exception as error:
        return failure("Daylio import, 3,650 rows (in process)", "data", error)


def _importer(data: bytes) -> Callable[[], None]:
    """A call that imports `data` into a new, empty account each time."""
    from django.contrib.auth import get_user_model

    from thawing.accounts.models import Profile
    from thawing.portability import services

    options = {"mood_map": {}, "time_format": None, "keep_settings": False}
    made = [0]

    def one() -> None:
        made[0] += 1
        person = get_user_model().objects.create_user(username=f"bench-import-{made[0]}")
        Profile.objects.create(user=person, timezone="UTC")
        services.preview_import(user=person, kind="daylio", data=data, options=options)
        services.run_import(user=person, kind="daylio", data=data, options=options)

    return one


def _fresh_profile(run: Run) -> dict[str, str]:
    """The environment of a new, empty local profile in a folder of its own."""
    env = {**run.env, "THAWING_DATA_DIR": str(run.data_folder())}
    done = command([*THAWING, "init", "--no-passphrase", "--timezone", "UTC"], env)
    if done.returncode != 0:
        raise RuntimeError(f"thawing init failed: {done.stderr.decode(errors='replace')[-200:]}")
    return env


def daylio_csv(rows: int, *, end: date) -> str:
    """A Daylio (v3 header) export of `rows` entries, one a day going back from `end`, seeded."""
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
