from __future__ import annotations

import sys
from typing import Any

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


def _choose(text: str, options: object, *, optional: bool = False) -> int | None:
    """One question, asked until the reply is one of its answers (or empty, when optional)."""
    out.print(", ".join(f"{o.value} = {o.label}" for o in options), markup=False)  # type: ignore[attr-defined]
    values = {str(o.value) for o in options}  # type: ignore[attr-defined]
    while True:
        reply = typer.prompt(text, default="" if optional else None, show_default=False).strip()
        if reply in values:
            return int(reply)
        if optional and not reply:
            return None
        out.print(f"Please type one of {', '.join(sorted(values))}.")


def _ask(instrument: Any) -> list[int | None]:
    """Every question in the order of the answers: opening question, items, optional extras."""
    out.print(f"[bold]{instrument.title}[/bold]")
    answers: list[int | None] = []
    if instrument.gate:
        answers.append(_choose(instrument.gate.text, instrument.gate.options))
        if answers[0] == 0:
            return answers
    out.print(instrument.stem, markup=False)
    shared = not any(instrument.item_options)
    if shared:
        out.print(", ".join(f"{o.value} = {o.label}" for o in instrument.options), markup=False)
    values = {str(o.value) for o in instrument.options}
    for number, text in enumerate(instrument.items, 1):
        if not shared:
            answers.append(_choose(f"{number}. {text}", instrument.options_for(number)))
            continue
        while True:
            reply = typer.prompt(f"{number}. {text}").strip()
            if reply in values:
                answers.append(int(reply))
                break
            out.print(f"Please type one of {', '.join(sorted(values))}.")
    for question in instrument.extras:
        out.print(f"(Optional: press Enter to skip.) {question.hint}".strip(), markup=False)
        answers.append(_choose(question.text, question.options, optional=True))
    return answers


def screen(
    instrument_id: str = typer.Argument("", help="phq9, phq2, gad7, gad2, auditc, numbness, pcptsd5 "
                                        "or pcl5; leave out to list them."),
    answers: str = typer.Option("", "--answers", help="All answers at once, in order, e.g. 0,1,0,2,... "
                                "pcptsd5 starts with the event question (0 no: nothing else needed; "
                                "1 yes, then the five). Optional last answers: phq9's 10th is how "
                                "difficult (0-3); auditc's 4th picks the cut-off (0 female, 1 male, "
                                "2 prefer not to say)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Check-ups: short questionnaires doctors use. Screening, never a diagnosis."""
    from thawing import content

    found = content.instruments()
    if not instrument_id:
        for instrument in found.values():
            optional = " (optional, trauma)" if instrument.opt_in else ""
            out.print(f"[bold]{instrument.id}[/bold]: {instrument.title}{optional}")
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
    reason = services.is_reason(user=user, result=result)
    if as_json:
        print_json({"id": result.pk, "instrument": instrument.id, "total": score.total,
                    "band": score.band, "meaning": score.meaning,
                    "safety_flag": score.safety_flag, "prorated": score.prorated,
                    "extras": dict(score.extras), "reason": reason, "support": support})
        return
    out.print(f"{instrument.name}: {score.total} out of {instrument.highest}, "
              f"[bold]{score.band}[/bold].")
    out.print(score.meaning, markup=False)
    out.print("This is a screening result, not a diagnosis.")
    if reason:
        out.print("It is now one of the reasons in thawing support, with ideas for a next step.")


def register(app: typer.Typer) -> None:
    app.command()(screen)
