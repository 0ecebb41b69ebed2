"""Side by side with jrnl 4.6, on a journal of the same entries: adding an entry, and searching.

jrnl is installed into a virtual environment of its own (or given with --jrnl), so it never
shares packages with Thawing. The commands take turns, round after round, so that whatever
else the machine is doing falls on both alike. Ratios are our median over jrnl's.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from bench.common import log
from bench.context import Run
from bench.figures import Figure, percentile_text
from bench.generate import iter_entries
from bench.suites.commands import CHECKIN, ENTRY_TEXT, JOURNAL_ADD, JOURNAL_SEARCH, SEARCH_WORD
from bench.timing import round_robin

JRNL_VERSION = "4.6"
JRNL_VENV = Path(tempfile.gettempdir()) / "thawing-jrnl-venv"
NAMES = {"checkin": ("thawing checkin", ""), "add": ("thawing journal TEXT", ""),
         "jrnl-add": ("jrnl TEXT", f"jrnl {JRNL_VERSION}"),
         "search": (f"thawing journal search {SEARCH_WORD}", "prints up to 200 excerpts"),
         "jrnl-search": (f"jrnl -contains {SEARCH_WORD}", "prints every match in full")}
# (name, our label, their label, profile key, our command)
RATIOS = [("CLI check-in ÷ jrnl add", "checkin", "jrnl-add", "cli-checkin", CHECKIN),
          ("thawing journal add ÷ jrnl add", "add", "jrnl-add", "cli-journal", JOURNAL_ADD),
          ("thawing journal search ÷ jrnl -contains", "search", "jrnl-search", "cli-search", JOURNAL_SEARCH)]
Entries = list[tuple[datetime, str, str]]


def versus_jrnl(run: Run) -> Iterator[Figure]:
    binary, problem = (_jrnl_binary(run.jrnl_path) if run.use_jrnl
                       else (None, "skipped on request (--no-jrnl)"))
    if binary is None:
        run.notes.append(f"The comparison with jrnl was not made: {problem}.")
        yield Figure("jrnl comparison", "jrnl", error=f"skipped: {problem}")
    log("Side by side with jrnl (same entries; the commands take turns, round after round):")
    entries = list(iter_entries(run.user))
    total = len(entries)
    # The budget holds "from 1,000 entries up" (DESIGN.md), so a longer journal is cut to 1,000 too.
    for size in sorted({total} | ({1000} if total > 1000 and binary else set())):
        yield from _side_by_side(run, binary, entries, size)


def _side_by_side(run: Run, binary: Path | None, entries: Entries, size: int) -> Iterator[Figure]:
    env = run.env if size == len(entries) else {**run.env, "THAWING_DATA_DIR": str(_side_folder(run, size))}
    made = {}
    for label, (samples, error) in round_robin(_commands(run, binary, entries, size, env),
                                               run.cli_runs).items():
        name, note = NAMES[label]
        made[label] = Figure(f"{name}, {size:,}-entry journal", "jrnl", samples, judge="median", error=error,
                             note=note)
        yield made[label]
    for name, ours, theirs, profile, argv in RATIOS:
        if ours in made and theirs in made:
            figure = _ratio(f"{name}, {size:,} entries", made[ours], made[theirs], profile)
            yield figure
            if figure.ok is False:
                run.profile_command(profile, argv[1:], env)


def _commands(run: Run, binary: Path | None, entries: Entries, size: int,
              env: dict[str, str]) -> list[tuple[str, list[str], dict[str, str]]]:
    commands = [("checkin", CHECKIN, env), ("add", JOURNAL_ADD, env)]
    jrnl: list[str] = []
    if binary is not None:
        config = _jrnl_journal(run.scratch("thawing-bench-jrnl-"), entries[-size:])
        jrnl = [str(binary), "--config-file", str(config)]
        commands.append(("jrnl-add", [*jrnl, ENTRY_TEXT], run.env))
    if size == len(entries):
        commands.append(("search", JOURNAL_SEARCH, env))
        if jrnl:
            commands.append(("jrnl-search", [*jrnl, "-contains", SEARCH_WORD], run.env))
    return commands


def _ratio(name: str, ours: Figure, theirs: Figure, profile: str) -> Figure:
    if ours.median is None or theirs.median is None:
        return Figure(name, "jrnl", unit="×", error=ours.error or theirs.error or "no samples")
    cpu = (f"; CPU {percentile_text(ours.cpu, 'ms')} vs {percentile_text(theirs.cpu, 'ms')}"
           if ours.cpu and theirs.cpu else "")
    return Figure(name, "jrnl", [ours.median / theirs.median], unit="×", budget=1.0, judge="median",
                  profile=profile, note=f"{percentile_text(ours.median, 'ms')} vs "
                                        f"{percentile_text(theirs.median, 'ms')}{cpu}")


def _jrnl_binary(given: str | None) -> tuple[Path | None, str]:
    """jrnl to compare with, and why there is none when it could not be had."""
    if given:
        return Path(given), ""
    binary = JRNL_VENV / "bin" / "jrnl"
    if binary.exists():
        done = subprocess.run([str(binary), "--version"], capture_output=True, timeout=60)
        if done.returncode == 0 and JRNL_VERSION.encode() in done.stdout:
            return binary, ""
    return _install_jrnl(binary)


def _install_jrnl(binary: Path) -> tuple[Path | None, str]:
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


def _jrnl_journal(folder: Path, entries: Entries) -> Path:
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


def _side_folder(run: Run, keep_entries: int) -> Path:
    """A copy of the data folder whose journal holds only the newest `keep_entries` entries."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = run.data_folder()
    for name in ("thawing.sqlite3", "unlock.json", "secret_key"):
        if (run.folder / name).exists():
            shutil.copy2(run.folder / name, folder / name)
    db = sqlite3.connect(folder / "thawing.sqlite3")
    keep = "SELECT id FROM journal_entry ORDER BY written_at DESC, id DESC LIMIT ?"
    db.execute(f"DELETE FROM journal_entrytag WHERE entry_id NOT IN ({keep})", (keep_entries,))
    db.execute(f"DELETE FROM journal_entry WHERE id NOT IN ({keep})", (keep_entries,))
    db.commit()
    db.close()
    return folder
