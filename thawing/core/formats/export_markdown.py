"""The journal as one Markdown file: entries, unsent letters and thought records, by date.

Version 1 (see docs/export-format.md):

    # Journal
    ## 2026                              a year
    ### Tuesday 10 March 2026           a local day, oldest first
    #### 09:05 · A title                each entry, letter and thought record, in time order
    *Unsent letter* · #grief #walk     what it is (letters and thought records) and its tags
    (a blank line, then the text as written)

- Times are the person's local ones. Entries without a title show only the time.
- A line of the text that starts with "#" is escaped ("\\#"), so the person's own words
  never turn into a heading of this file; it renders as the same text.
- UTF-8, LF line ends. Meant for reading and printing; the JSON export is the lossless one.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from thawing.core.i18n import Message, msg

Say = Callable[[Message], str]


@dataclass(frozen=True)
class Writing:
    """A journal entry or unsent letter at its local moment (aware, in the person's zone)."""

    at: datetime
    title: str
    body: str
    letter: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Thought:
    """A thought record (E1) at its local moment; beliefs 0-100 %, None when not rated."""

    at: datetime
    thought: str
    situation: str = ""
    belief_before: int | None = None
    evidence: str = ""
    other_views: str = ""
    conclusions: str = ""
    alternative: str = ""
    belief_after: int | None = None


LABELS = {
    "heading": msg("Journal"),
    "empty": msg("Nothing written yet."),
    "letter": msg("Unsent letter"),
    "thought": msg("Thought record"),
    "situation": msg("What happened"),
    "the_thought": msg("The thought"),
    "evidence": msg("Is it true?"),
    "other_views": msg("Other ways to see it"),
    "conclusions": msg("Jumping to conclusions?"),
    "alternative": msg("A kinder way to put it"),
}


def _escaped(text: str) -> list[str]:
    return [f"\\{line}" if line.startswith("#") else line for line in text.split("\n")]


def _writing(item: Writing, say: Say) -> list[list[str]]:
    heading = f"#### {item.at:%H:%M}"
    if item.title:
        heading += f" \u00b7 {' '.join(item.title.split())}"
    about = [f"*{say(LABELS['letter'])}*"] if item.letter else []
    if item.tags:
        about.append(" ".join(f"#{tag}" for tag in item.tags))
    head = [heading] + ([" \u00b7 ".join(about)] if about else [])
    return [head, _escaped(item.body)]


def _thought(item: Thought, say: Say) -> list[list[str]]:
    blocks = [[f"#### {item.at:%H:%M} \u00b7 {say(LABELS['thought'])}"]]
    for label, text in (("situation", item.situation), ("the_thought", item.thought),
                        ("evidence", item.evidence), ("other_views", item.other_views),
                        ("conclusions", item.conclusions), ("alternative", item.alternative)):
        if text:
            blocks.append([f"**{say(LABELS[label])}:**", *_escaped(text)])
        if label == "the_thought" and item.belief_before is not None:
            blocks.append([say(msg("How strongly I believed it: %(n)s %%", n=item.belief_before))])
    if item.belief_after is not None:
        blocks.append([say(msg("How strongly I believe it now: %(n)s %%", n=item.belief_after))])
    return blocks


def journal_markdown(writings: Iterable[Writing], thoughts: Iterable[Thought] = (), *,
                     say: Say = str) -> bytes:
    """The journal file, version 1: every item under its year and local day, oldest first."""
    return b"".join(journal_markdown_pieces(sorted(writings, key=_moment), sorted(thoughts, key=_moment),
                                            say=say))


def journal_markdown_pieces(writings: Iterable[Writing], thoughts: Iterable[Thought] = (), *,
                            say: Say = str) -> Iterator[bytes]:
    """`journal_markdown` a line at a time, taking writings and thoughts as they come; each must already be
    in time order (at a tie, a writing comes before a thought)."""
    # The file ends with one line break: blank lines wait until a line with words follows them.
    blank = 0
    for line in _lines(heapq.merge(writings, thoughts, key=_moment), say):
        if not line:
            blank += 1
            continue
        yield ("\n" * blank + line + "\n").encode("utf-8", "replace")
        blank = 0


def _moment(item: Writing | Thought) -> datetime:
    return item.at


def _lines(items: Iterable[Writing | Thought], say: Say) -> Iterator[str]:
    yield f"# {say(LABELS['heading'])}"
    yield ""
    year = day = None
    empty = True
    for item in items:
        empty = False
        if item.at.year != year:
            year = item.at.year
            yield from (f"## {year}", "")
        if item.at.date() != day:
            day = item.at.date()
            yield from (f"### {day:%A} {day.day} {day:%B %Y}", "")
        blocks = _writing(item, say) if isinstance(item, Writing) else _thought(item, say)
        for block in blocks:
            yield from block
            yield ""
    if empty:
        yield say(LABELS["empty"])
