from __future__ import annotations

import sys

import typer

from thawing.cli import setup
from thawing.cli.output import out, print_json
from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg


def _parse_answers(text: str) -> list[int | None]:
    answers: list[int | None] = []
    for part in text.split(","):
        part = part.strip()
        if part in ("", "-", "?"):
            answers.append(None)
        elif part.isdigit():
            answers.append(int(part))
        else:
            raise InvalidInput({"answers": msg(
                "Answers are numbers separated by commas, like 0,1,2,3 (leave one empty to skip).")})
    return answers


def _ask(instrument: object) -> list[int | None]:
    out.print(f"[bold]{instrument.title}[/bold]")  # type: ignore[attr-defined]
    out.print(instrument.stem, markup=False)  # type: ignore[attr-defined]
    scale = ", ".join(f"{o.value} = {o.label}" for o in instrument.options)  # type: ignore[attr-defined]
    out.print(scale, markup=False)
    values = {str(o.value) for o in instrument.options}  # type: ignore[attr-defined]
    answers: list[int | None] = []
    for number, text in enumerate(instrument.items, 1):  # type: ignore[attr-defined]
        while True:
            reply = typer.prompt(f"{number}. {text}").strip()
            if reply in values:
                answers.append(int(reply))
                break
            out.print(f"Please type one of {', '.join(sorted(values))}.")
    return answers


def screen(
    instrument_id: str = typer.Argument("", help="phq9, phq2, gad7, gad2 or numbness; "
                                        "leave out to list them."),
    answers: str = typer.Option("", "--answers", help="All answers at once, e.g. 0,1,0,2,..."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Check-ups: short questionnaires doctors use. Screening, never a diagnosis."""
    from thawing import content

    found = content.instruments()
    if not instrument_id:
        for instrument in found.values():
            out.print(f"[bold]{instrument.id}[/bold]: {instrument.title}")
            out.print(f"  {instrument.about}", markup=False)
        return
    instrument = found.get(instrument_id.lower())
    if instrument is None:
        raise InvalidInput({"instrument": msg(
            "There is no check-up called \u201c%(id)s\u201d. Try: %(ids)s.",
            id=instrument_id, ids=", ".join(found))})
    given = _parse_answers(answers) if answers else None
    if given is None and not sys.stdin.isatty():
        raise InvalidInput({"answers": msg("Please give --answers, or run this in a terminal "
                                           "to be asked each question.")})
    user = setup.user()
    from thawing.care import services

    result, score = services.take_screening(user=user, instrument_id=instrument.id,
                                            answers=given if given is not None else _ask(instrument))
    support = None
    if score.safety_flag:
        from thawing.api.serialize import support_dict
        from thawing.cli.care import print_help

        help_ = services.help_for(user=user)
        support = support_dict(help_)
        if not as_json:
            # Support first, before any number.
            out.print("\nThank you for answering honestly. Thoughts like these deserve support "
                      "right away; you don\u2019t have to carry them alone.", markup=False)
            print_help(help_)
            out.print()
    if as_json:
        print_json({"id": result.pk, "instrument": instrument.id, "total": score.total,
                    "band": score.band, "meaning": score.meaning,
                    "safety_flag": score.safety_flag, "prorated": score.prorated,
                    "support": support})
        return
    out.print(f"{instrument.name}: {score.total} out of {instrument.highest}, "
              f"[bold]{score.band}[/bold].")
    out.print(score.meaning, markup=False)
    out.print("This is a screening result, not a diagnosis.")


def register(app: typer.Typer) -> None:
    app.command()(screen)
