"""What one run of the suite shares between its suites: the data folder, the person, the figures.

`set_up` makes a temporary data folder (never the runner's own), sets Thawing up in it in this
process and generates the synthetic years; the suites then measure against it and hand their
figures to `Run.add`, which the report reads at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench import generate
from bench.common import forget_settings, log
from bench.figures import Figure, percentile_text
from bench.profiling import profile_call, profile_command
from bench.timing import without_gc


@dataclass
class Run:
    quick: bool
    years: float
    use_jrnl: bool = True
    jrnl_path: str | None = None
    figures: list[Figure] = field(default_factory=list)
    profiles: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    machine: dict[str, Any] = field(default_factory=dict)
    cleanup: list[Path] = field(default_factory=list)
    folder: Path = Path()
    env: dict[str, str] = field(default_factory=dict)
    user: Any = None
    started: float = field(default_factory=time.perf_counter)

    @property
    def runs(self) -> int:
        """Repetitions of an in-process call."""
        return 20 if self.quick else 50

    @property
    def cli_runs(self) -> int:
        """Repetitions of a command (each one a whole process)."""
        return 3 if self.quick else 10

    @property
    def failed(self) -> list[Figure]:
        """Figures that could not be measured because something broke (not a missed budget)."""
        return [f for f in self.figures if f.failed]

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        shown = percentile_text(figure.median, figure.unit)
        log(f"  {figure.name}: median {shown}, p95 {percentile_text(figure.p95, figure.unit)}"
            + (f" [{figure.error}]" if figure.error else ""))
        return figure

    def today(self) -> date:
        from thawing.accounts.days import local_today

        return local_today(self.user)

    def scratch(self, prefix: str) -> Path:
        """A temporary folder, removed at the end of the run."""
        return self._removed_at_end(Path(tempfile.mkdtemp(prefix=prefix)))

    def data_folder(self) -> Path:
        """A temporary data folder marked as the benchmark's own, removed at the end of the run."""
        return self._removed_at_end(generate.make_data_dir())

    def _removed_at_end(self, folder: Path) -> Path:
        self.cleanup.append(folder)
        return folder

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

    def profile_command(self, key: str, argv: list[str], env: dict[str, str] | None = None) -> None:
        """Profile a command whose budget was missed, once per key.

        Left out of --quick runs, which must stay short: the full run profiles every miss."""
        if key not in self.profiles and not self.quick:
            self.profiles[key] = profile_command(argv, env or self.env)

    def close(self) -> None:
        for folder in self.cleanup:
            shutil.rmtree(folder, ignore_errors=True)


def set_up(run: Run) -> None:
    """A fresh data folder with Thawing set up in this process and the synthetic years in it."""
    run.folder = run.data_folder()
    forget_settings()
    os.environ["THAWING_DATA_DIR"] = str(run.folder)
    os.environ["DJANGO_SETTINGS_MODULE"] = "thawing.settings"
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # commands should start as they do for people
    run.env = dict(os.environ)
    _local_profile(run)
    _generate(run)


def _local_profile(run: Run) -> None:
    # Imported only now: Thawing reads its settings from the environment set just above.
    from thawing.cli import setup

    start = time.perf_counter()
    setup.django()
    from thawing.accounts import services

    generate.check_safe_data_dir()
    run.user = services.set_up_local_profile(name="Bench", timezone="UTC", passphrase=None)
    run.data["setup_seconds"] = round(time.perf_counter() - start, 2)


def _generate(run: Run) -> None:
    log(f"Generating {run.years:g} year(s) of synthetic data in {run.folder} ...")
    start = time.perf_counter()
    run.data["written"] = generate.generate_person(run.user, years=run.years, seed=1)
    run.data["generate_seconds"] = round(time.perf_counter() - start, 2)
    run.data["tables"] = generate.table_counts(run.user)
    run.data["years"] = run.years
    database = run.folder / "thawing.sqlite3"
    run.data["database_mb"] = round(database.stat().st_size / 1e6, 1) if database.exists() else None
    log(f"  {run.data['written']} in {run.data['generate_seconds']} s")
