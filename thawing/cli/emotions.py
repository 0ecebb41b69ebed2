from __future__ import annotations

import typer

from thawing.cli.output import out, print_json
from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg


def emotions(
    query: str = typer.Argument("", help="A word, feeling or body part to look for."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Emotion words: name, family, definition, valence, energy and body cues."""
    from thawing import content
    from thawing.api.serialize import emotion_dict

    vocabulary = content.vocabulary()
    found = vocabulary.search(query)
    if as_json:
        print_json([emotion_dict(e) for e in found])
        return
    if not found:
        close = vocabulary.close_matches(query)
        hint = (" Did you mean " + ", ".join(e.name.lower() for e in close) + "?") if close else ""
        raise InvalidInput({"query": msg("No emotion word matches \u201c%(q)s\u201d.%(hint)s",
                                         q=query, hint=hint)})
    for e in found:
        family = vocabulary.family(e.family)
        out.print(f"[bold]{e.name}[/bold]  ({family.name if family else e.family}; "
                  f"valence {e.valence:+d}, energy {e.energy:+d})")
        out.print(f"  {e.definition}", markup=False)
        out.print(f"  Body: {', '.join(e.body)}", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(emotions)
