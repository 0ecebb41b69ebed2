"""How the command line prints crisis lines (G5): the same on the quick way and the usual way.

`quick.py` imports this only when someone's words call for the lines, and it loads neither Typer,
Rich nor Django, so the quick way stays quick; `care.py` prints `thawing help`, `thawing plan` and
the lines after a save with it. The words are content/crisis.toml's, as on the web and the API.
"""

from __future__ import annotations

from collections.abc import Callable

from thawing import content
from thawing.core.helplines import CountryHelp, crisis_lines


def print_crisis(write: Callable[[str], object], found: CountryHelp, *, context: str | None = None,
                 fallback: CountryHelp | None = None,
                 strong: Callable[[str], object] | None = None) -> None:
    """Crisis lines and the emergency number, a line at a time through `write`.

    After a save, `context` says whose crisis the words speak of ("self", "past" or "other", as
    the web's card does) and its words come first; `strong` prints the call to reach out (bold on
    a terminal), through `write` unless given.
    """
    said = content.crisis_words()
    if context is not None:
        write("\n" + said.words[said.card(context)])
    (strong or write)(said.reach_out)
    for line in crisis_lines(found, fallback=fallback):
        write(line)
