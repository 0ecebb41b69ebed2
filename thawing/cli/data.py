"""`thawing export` and `thawing import`: leave with everything, arrive from Daylio or jrnl.

Both show a progress bar on the terminal (on standard error, so `-o -` output stays clean).
An export is written as it is read, never held whole, beside its target and renamed into
place, so a crash never leaves half a file. An import prints its preview first and asks
before writing, unless `--yes`; without a terminal to ask in, it refuses rather than guess.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from thawing.cli import setup
from thawing.cli.output import err, out
from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.i18n import msg

FORMATS = ("json", "csv", "markdown")

# What the person reads, kept together so it can be reviewed in one place.
WORDS = {
    "kinds": {
        "profiles": "settings", "checkins": "check-ins", "checkin_emotions": "emotion words",
        "body_sensations": "body cues", "episodes": "shut-down stretches", "day_habits": "days of habits",
        "numbing": "numbing notes", "entries": "journal entries", "tags": "tags", "entry_tags": "entry tags",
        "thought_records": "thought records", "safety_plans": "safety plan", "screening_results":
        "questionnaires", "medications": "medicines", "medication_changes": "dose changes",
        "clinician_notes": "notes for appointments", "sessions": "practice sessions",
        "list_items": "list items", "activities": "activities", "connections": "connections",
        "checklist_ticks": "checklist ticks", "imported_keys": "records of earlier imports",
    },
    "count": "  {label}: {new:,} new, {already:,} already here",
    "nothing": "There is nothing new in this file: everything in it is already here.",
    "skipped": "Left out ({n}), with the line each starts on:",
    "unmapped": "Mood labels without a value yet: {labels}. Their check-ins will be "
                "\u201ccan\u2019t tell\u201d unless you give each a value from 1 to 10, e.g. "
                "--mood-map \"{first}=5\".",
    "ask_mood": "On a scale of 1 to 10, what is \u201c{label}\u201d? (Enter for can\u2019t tell)",
    "dry_run": "Dry run: nothing was imported.",
    "confirm": "Import {n:,} new records?",
    "stopped": "Nothing was imported.",
    "done": "Imported {n:,} records.",
    "saved": "Saved {path} ({size}).",
    "plain": "This file is not encrypted: keep it somewhere only you can open.",
}


@contextmanager
def _bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on standard error; `update(done, total)` moves it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write beside the target (the pieces as they come), flush to disk, then rename: the file is
    whole or not there."""
    path = path.expanduser()
    if not path.parent.is_dir():
        raise InvalidInput({"output": msg("The folder %(folder)s doesn\u2019t exist.",
                                          folder=str(path.parent))})
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            for piece in [data] if isinstance(data, bytes) else data:
                file.write(piece)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ThawingError(msg("I couldn\u2019t write %(path)s (%(why)s). Nothing was changed there.",
                                   path=str(path), why=error.strerror or str(error))) from None
        raise
    return path


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count / 1e3:.1f} kB"


def export(
    format: str = typer.Option("json", "--format", "-f",
                               help="json (everything, lossless), csv or markdown."),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write, or - for standard output."),
    what: str = typer.Option("checkins", "--what", help="For csv: checkins (one row each) or habits."),
) -> None:
    """Export your data: json holds every record; csv check-ins or habits; markdown the journal."""
    fmt = format.strip().lower()
    if fmt not in FORMATS:
        raise InvalidInput({"format": msg("Choose a format: json, csv or markdown.")})
    user = setup.user()
    from thawing.portability import services

    with _bar("Exporting") as update:
        if fmt == "json":
            pieces = services.stream_export_json(user=user, progress=update)
        elif fmt == "csv":
            pieces = services.stream_export_csv(user=user, what=what.strip().lower())
        else:
            pieces = services.stream_export_markdown(user=user)
        if str(output) == "-":
            for piece in pieces:
                sys.stdout.buffer.write(piece)
            sys.stdout.flush()
            return
        path = write_atomically(output, pieces)
    saved = WORDS["saved"].format(path=path, size=_size(path.stat().st_size))
    out.print(saved, markup=False, highlight=False)
    out.print(WORDS["plain"])


def _read(file: Path) -> bytes:
    setup.django()
    from thawing.portability.services import MAX_BYTES

    try:
        if file.stat().st_size > MAX_BYTES:
            raise InvalidInput({"file": msg("This file is too big to be an export.")})
        return file.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        raise ThawingError(msg("I can\u2019t find the file %(file)s.", file=str(file))) from None
    except PermissionError:
        raise ThawingError(msg("I\u2019m not allowed to read %(file)s.", file=str(file))) from None


def _show(preview: Any) -> None:
    kinds: dict[str, str] = WORDS["kinds"]  # type: ignore[assignment]
    out.print(f"{preview.kind} ({preview.detected}):", markup=False, highlight=False)
    for count in preview.counts:
        out.print(WORDS["count"].format(label=kinds.get(count.kind, count.kind), new=count.new,
                                        already=count.already), markup=False, highlight=False)
    for note in preview.notes:
        out.print(str(note), markup=False)
    if preview.skipped:
        out.print(WORDS["skipped"].format(n=len(preview.skipped)), markup=False)
        for left_out in preview.skipped:
            out.print(f"  {left_out.message}", markup=False, highlight=False)
    if preview.unmapped:
        out.print(WORDS["unmapped"].format(labels=", ".join(preview.unmapped), first=preview.unmapped[0]),
                  markup=False, highlight=False)


def _ask_moods(unmapped: tuple[str, ...], mood_map: dict[str, str]) -> None:
    for label in unmapped:
        answer = typer.prompt(WORDS["ask_mood"].format(label=label), default="", show_default=False)
        mood_map[label] = answer.strip() or "cant-tell"


def import_(
    kind: str = typer.Argument(..., help="What the file is: daylio, jrnl or thawing."),
    file: Path = typer.Argument(..., help="The exported file."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only show what would be imported."),
    yes: bool = typer.Option(False, "--yes", help="Import without asking (for scripts)."),
    mood_map: list[str] = typer.Option([], "--mood-map", metavar="LABEL=N",
                                       help="A Daylio mood's value 1-10 (or cant-tell); repeat for more."),
    time_format: str = typer.Option("", "--time-format",
                                    help="jrnl's timeformat, e.g. \"%Y-%m-%d %H:%M\" (its default)."),
    keep_settings: bool = typer.Option(False, "--keep-settings",
                                       help="Thawing export: keep this profile's settings."),
) -> None:
    """Import from Daylio (CSV), jrnl (JSON or text) or a Thawing export, after a preview."""
    data = _read(file)
    user = setup.user()
    from thawing.portability import services

    options: dict[str, Any] = {"mood_map": services.mood_pairs(mood_map), "time_format": time_format or None,
                               "keep_settings": keep_settings}
    preview = services.preview_import(user=user, kind=kind, data=data, options=options)
    asking = not yes and not dry_run and sys.stdin.isatty()
    if asking and preview.unmapped:
        _ask_moods(preview.unmapped, options["mood_map"])
        preview = services.preview_import(user=user, kind=kind, data=data, options=options)
    _show(preview)
    if dry_run:
        out.print(WORDS["dry_run"])
        return
    if preview.new == 0:
        out.print(WORDS["nothing"])
        return
    if not yes:
        if not sys.stdin.isatty():
            raise InvalidInput({"yes": msg("Add --yes to import without a question, or --dry-run to only "
                                           "look. Nothing was imported.")})
        if not typer.confirm(WORDS["confirm"].format(n=preview.new), default=False):
            out.print(WORDS["stopped"])
            return
    with _bar("Importing") as update:
        report = services.run_import(user=user, kind=kind, data=data, options=options, progress=update)
    out.print(WORDS["done"].format(n=report.added), markup=False)


def register(app: typer.Typer) -> None:
    app.command()(export)
    app.command("import")(import_)
