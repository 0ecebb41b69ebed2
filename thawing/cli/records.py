"""`thawing meds`, `appointment`, `report` and `support`: medicines and their dates (G3), notes
and a PDF to bring to a clinician (G3, G4), and the reasons to talk to one (G1).

Services and Django load inside each command, so `thawing --help` stays fast.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import typer
from rich.text import Text

from thawing.cli import setup
from thawing.cli.output import out, print_json
from thawing.core.errors import ThawingError
from thawing.core.i18n import msg

# What the person reads, kept together so it can be reviewed in one place.
WORDS = {
    "no_meds": "No medicines noted. Add one with: "
               "thawing meds add NAME --dose \"50 mg\" --started 2026-01-31",
    "meds_hint": "Never stop or change a medicine without talking to the person who prescribed it. "
                 "Changes can take up to six weeks to show.",
    "since": "since %(day)s",
    "start_unknown": "start not noted",
    "stopped": "stopped %(day)s",
    "added": "Saved %(name)s (number %(id)s). Dates, even rough ones, make the picture clearer.",
    "changed": "Noted: %(name)s, %(dose)s from %(day)s.",
    "stopped_saved": "Noted that you stopped %(name)s on %(day)s.",
    "observations": "What your records show around medicine changes",
    "observations_hint": "These are averages, not causes. Many things move feeling; your prescriber can "
                         "help make sense of it. Changes can take up to six weeks to show.",
    "no_observations": "When you note medicines with their dates and check in on at least five days "
                       "before and after a change, dated comparisons appear here.",
    "notes": "Your notes for your doctor or therapist",
    "no_notes": "No notes saved yet. Write them in the browser (Prepare for an appointment); "
                "the report prints them.",
    "written": "Written: %(path)s (%(start)s to %(end)s). It stays on this computer unless you share it.",
    "support_intro": "From what you have noted here, on this computer only. It is not a diagnosis, "
                     "and you know your life better than any rule.",
    "no_signals": "Nothing in your notes suggests you need to see someone right now. You can always "
                  "talk to a doctor anyway, for any reason.",
    "support_next": "To get ready: thawing appointment, then thawing report --from DATE --to DATE -o "
                    "report.pdf. In danger now: thawing help",
}

meds_app = typer.Typer(help="Your medicines and their dates: list them, add one, note a change or a stop.",
                       rich_markup_mode=None,
                       no_args_is_help=False)


def _day(day: Any) -> str:
    return f"{day.day} {day:%b %Y}"


def _show(medication: Any) -> None:
    parts = [medication.dose] if medication.dose else []
    parts.append(WORDS["since"] % {"day": _day(medication.started_on)} if medication.started_on
                 else WORDS["start_unknown"])
    if medication.stopped_on:
        parts.append(WORDS["stopped"] % {"day": _day(medication.stopped_on)})
    line = Text(f"{medication.pk}. {medication.name}", style="bold")
    line.append("  " + " \u00b7 ".join(parts), style="")
    out.print(line)
    for change in medication.changes.all():
        out.print(f"     {_day(change.on)}: {change.dose}", markup=False)


@meds_app.callback(invoke_without_command=True)
def meds(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Your medicines: list them, add one, note a change or a stop."""
    if ctx.invoked_subcommand is not None:
        return
    user = setup.user()
    from thawing.care import medications

    found = medications.list_medications(user=user)
    if as_json:
        from thawing.api.care_records import medication_dict

        print_json([medication_dict(m) for m in found])
        return
    if not found:
        out.print(WORDS["no_meds"], markup=False)
    for medication in found:
        _show(medication)
    out.print("\n" + WORDS["meds_hint"], markup=False)


@meds_app.command("add")
def add(
    name: str = typer.Argument(..., help="The medicine's name."),
    dose: str = typer.Option("", "--dose", help="e.g. \"50 mg in the morning\"."),
    started: str = typer.Option("", "--started", help="The day you started, YYYY-MM-DD (if you know it)."),
    stopped: str = typer.Option("", "--stopped", help="The day you stopped, YYYY-MM-DD (if you have)."),
) -> None:
    """Note a medicine: its name, dose, and when you started or stopped it."""
    user = setup.user()
    from thawing.care import medications

    medication = medications.add_medication(user=user, name=name, dose=dose, started_on=started,
                                            stopped_on=stopped)
    out.print(WORDS["added"] % {"name": medication.name, "id": medication.pk}, markup=False)


@meds_app.command("change")
def change(
    medication_id: int = typer.Argument(..., metavar="ID", help="The number shown by thawing meds."),
    on: str = typer.Option("", "--on", help="The day it changed, YYYY-MM-DD."),
    dose: str = typer.Option("", "--dose", help="What changed: the new dose, the time of day..."),
) -> None:
    """Note a change of dose or timing on a day."""
    user = setup.user()
    from thawing.care import medications

    noted = medications.add_change(user=user, medication_id=medication_id, on=on, dose=dose)
    out.print(WORDS["changed"] % {"name": noted.medication.name, "dose": noted.dose, "day": _day(noted.on)},
              markup=False)


@meds_app.command("stop")
def stop(
    medication_id: int = typer.Argument(..., metavar="ID", help="The number shown by thawing meds."),
    on: str = typer.Option("", "--on", help="The day you stopped, YYYY-MM-DD (default today)."),
) -> None:
    """Note the day you stopped a medicine."""
    user = setup.user()
    from thawing.accounts.days import local_today
    from thawing.care import medications

    found = medications.get_medication(user=user, medication_id=medication_id)
    saved = medications.update_medication(
        user=user, medication_id=found.pk, name=found.name, dose=found.dose, started_on=found.started_on,
        stopped_on=on or local_today(user), note=found.note)
    out.print(WORDS["stopped_saved"] % {"name": saved.name, "day": _day(saved.stopped_on)}, markup=False)


def appointment(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Prepare for an appointment: dated observations from your records, and your saved notes."""
    user = setup.user()
    from thawing.api.care_records import observation_dict
    from thawing.care import medications

    found = [observation_dict(o) for o in medications.observations(user=user)]
    notes = medications.clinician_notes(user=user)
    if as_json:
        print_json({"observations": found, "notes": notes})
        return
    out.print(f"[bold]{WORDS['observations']}[/bold]")
    for observation in found:
        out.print(f"  \u2022 {observation['sentence']}", markup=False)
    out.print(WORDS["observations_hint" if found else "no_observations"], markup=False)
    out.print(f"\n[bold]{WORDS['notes']}[/bold]")
    out.print(notes or WORDS["no_notes"], markup=False)


def _write_new(data: bytes, target: Path, *, force: bool) -> None:
    """Write `data` to `target` through a temporary file, so a half-written report never exists;
    without `force` an existing file is never replaced, even one that appears meanwhile."""
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".thawing-", suffix=".tmp")
    except OSError as error:
        raise ThawingError(msg("I couldn\u2019t write to %(path)s (%(why)s). Is the folder there?",
                               path=str(target), why=error.strerror or "not allowed")) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        _publish(Path(temporary), target, force=force)
    except FileExistsError:
        raise _exists(target) from None
    except OSError as error:
        raise ThawingError(msg("I couldn\u2019t write to %(path)s (%(why)s).", path=str(target),
                               why=error.strerror or "not allowed")) from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def _publish(temporary: Path, target: Path, *, force: bool) -> None:
    if force:
        os.replace(temporary, target)
        return
    try:
        # A hard link fails if the name is taken, where a rename would replace it.
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:
        # Some file systems (FAT, some network shares) have no hard links: check, then rename.
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(temporary, target)


def _exists(target: Path) -> ThawingError:
    return ThawingError(msg("%(path)s is already there, so I left it alone. Choose another name, or add "
                            "--force to replace it.", path=str(target)))


def report(
    start: str = typer.Option("", "--from", help="The first day, YYYY-MM-DD (default: 90 days ago)."),
    end: str = typer.Option("", "--to", help="The last day, YYYY-MM-DD (default: today)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the PDF, e.g. report.pdf."),
    journal: bool = typer.Option(False, "--journal", help="Include journal entries from these days."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it is already there."),
) -> None:
    """A PDF for your doctor or therapist, made on this computer: trends, check-ups, medicines, notes."""
    target = output.expanduser()
    if target.exists() and not force:
        raise _exists(target)
    user = setup.user()
    from thawing.care import report as reports

    built = reports.build_report(user=user, start=start, end=end, include_journal=journal)
    _write_new(reports.render_pdf(built), target, force=force)
    out.print(WORDS["written"] % {"path": target, "start": _day(built.start), "end": _day(built.end)},
              markup=False)


def support(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    past: str = typer.Option(None, "--past", help="Optional and private: what you have been through "
                             "before, e.g. depression,trauma (any of depression, anxiety, trauma), "
                             "or none. Reasons then speak up sooner."),
) -> None:
    """Getting support: reasons from your own records to talk to a doctor or therapist."""
    user = setup.user()
    from thawing.api.care_records import signal_dicts
    from thawing.care.services import help_for, save_past

    if past is not None:
        chosen = [p.strip().lower() for p in past.split(",") if p.strip().lower() not in ("", "none")]
        save_past(user=user, past=chosen)
    found = signal_dicts(user=user)
    if as_json:
        print_json(found)
        return
    out.print(WORDS["support_intro"], markup=False)
    for signal in found:
        out.print(f"\n{signal['title']}", markup=False, style="bold")
        out.print(signal["text"], markup=False)
        if signal["support"]:
            from thawing.cli.care import print_help

            print_help(help_for(user=user))
    if not found:
        out.print("\n" + WORDS["no_signals"], markup=False)
    out.print("\n" + WORDS["support_next"], markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(meds_app, name="meds")
    app.command()(appointment)
    app.command()(report)
    app.command()(support)
