"""Journal commands: `thawing journal TEXT` (and `thawing journal search`) and `thawing prompts`.

`thawing journal TEXT` with plain options is usually saved by `thawing/cli/quick.py` without
starting Django; what it cannot take (a search, --json, a refusal to explain) comes here.
"""

from __future__ import annotations

import sys

import typer
from rich.markup import escape

from thawing.cli import setup
from thawing.cli.care import offer_support
from thawing.cli.output import out, print_json
from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.i18n import msg
from thawing.core.journal import saved_sentence


def _read_body(words: list[str]) -> str:
    if words == ["-"]:
        return sys.stdin.read()
    if words:
        return " ".join(words)
    if sys.stdin.isatty():
        out.print("Write whatever comes. Finish with Ctrl-D on a new line (Ctrl-Z then Enter on "
                  "Windows).")
    return sys.stdin.read()


def _search(query: str, as_json: bool) -> None:
    if not query.strip():
        raise InvalidInput({"query": msg("What should I look for? e.g. thawing journal search "
                                         "walk")})
    user = setup.user()
    from django.utils import timezone

    from thawing.accounts.days import user_zone
    from thawing.api.serialize import entry_dict
    from thawing.journal import services

    hits = services.search_entries(user=user, query=query)
    if as_json:
        print_json([{"entry": entry_dict(h.entry), "excerpt": h.excerpt} for h in hits])
        return
    if not hits:
        out.print("Nothing found. Try a shorter word, or the start of one.")
        return
    zone = user_zone(user)
    for hit in hits:
        title = hit.entry.title or "(untitled)"
        out.print(f"[bold]{timezone.localtime(hit.entry.written_at, zone):%Y-%m-%d %H:%M}[/bold] "
                  f"#{hit.entry.pk} {escape(title)}", highlight=False)
        out.print(f"  {hit.excerpt}", markup=False)


def journal(
    words: list[str] = typer.Argument(None, help="The entry\u2019s text, or - to read it from "
                                      "standard input. \u201cjournal search QUERY\u201d searches; "
                                      "to write text that starts with the word search, quote it."),
    prompt: str = typer.Option("", "--prompt", help="Answer a prompt (see: thawing prompts)."),
    title: str = typer.Option("", "--title", help="A title (optional)."),
    tag: list[str] = typer.Option([], "--tag", help="A tag; repeat for more."),
    letter: bool = typer.Option(False, "--letter", help="An unsent letter (never sent)."),
    at: str = typer.Option("", "--at", help="When, as ISO date or time (default: now)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Write in your journal, or search it: thawing journal search QUERY."""
    words = list(words or [])
    if words[:1] == ["search"]:
        _search(" ".join(words[1:]), as_json)
        return
    user = setup.user()
    from thawing import content
    from thawing.api.serialize import entry_dict
    from thawing.journal import services

    if prompt and not words and sys.stdin.isatty():
        found = content.prompts().get(prompt)
        if found:
            out.print(f"[italic]{found.text}[/italic]")
    # Check the options before reading the text, so a typo there costs nothing typed.
    services.check_entry_options(user=user, prompt_id=prompt, written_at=at or None, tags=tag,
                                 title=title)
    typed = not words and sys.stdin.isatty()
    body = _read_body(words)
    try:
        entry = services.write_entry(user=user, body=body, title=title, tags=tag,
                                     prompt_id=prompt, letter=True if letter else None,
                                     written_at=at or None)
    except ThawingError:
        if typed and body.strip():
            out.print("Here is what you wrote, so that nothing is lost:\n", markup=False)
            out.print(body, markup=False)
        raise
    if not as_json:
        out.print(saved_sentence(entry.pk), markup=False)
    support = offer_support(user, entry.title, entry.body, as_json=as_json)
    if as_json:
        print_json({**entry_dict(services.get_entry(user=user, entry_id=entry.pk)),
                    "support": support})


def prompts(
    category: str = typer.Argument("", help="Only this category."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Prompts for when you don\u2019t know where to start."""
    from thawing import content

    book = content.prompts()
    chosen = [p for p in book.prompts if not category or p.category == category]
    if as_json:
        print_json([{"id": p.id, "category": p.category, "text": p.text, "hint": p.hint}
                    for p in chosen])
        return
    if not chosen:
        names = ", ".join(c.id for c in book.categories)
        raise InvalidInput({"category": msg("No such category. Try one of: %(names)s.",
                                            names=names)})
    for cat in book.categories:
        rows = [p for p in chosen if p.category == cat.id]
        if rows:
            out.print(f"\n[bold]{cat.name}[/bold]")
            for p in rows:
                out.print(f"  {p.id}: {p.text}", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(journal)
    app.command()(prompts)
