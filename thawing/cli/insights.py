"""`thawing insights`: the insights page in the terminal (H2, A6), from the same service and the
same figures; `--json` prints the document `GET /api/insights` answers.

Sentences about patterns come from the page's own templates, so the web and the terminal say
exactly the same thing, with day counts and intervals and never a word of cause.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import typer

from thawing.cli import setup
from thawing.cli.output import out, print_json
from thawing.core.mood import parse_day

BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
# A terminal line holds about this many marks beside a label; longer periods are sampled.
SPARK_WIDTH = 60
DAILY_UP_TO = 60

# What the person reads, kept together so it can be reviewed in one place.
WORDS = {
    "title": "Insights \u00b7 %(start)s \u2013 %(end)s",
    "honest": "Every figure says how many days it rests on. These are patterns in your own records, "
              "not causes and not a diagnosis.",
    "empty": "Not enough data yet. Insights appear as check-ins build up; a few a day is plenty, and "
             "\u201ccan\u2019t tell\u201d counts too. Whenever you\u2019re ready: thawing checkin",
    "days": "Days with check-ins", "checkins": "Check-ins",
    "cant_tell": "Days answered \u201ccan\u2019t tell\u201d",
    "feel_mean": "How much you could feel, on average", "mood_mean": "Mood, on average",
    "words": "Emotion words named", "of_days": "%(n)s of %(total)s",
    "trend": "Seven-day averages, 0 to 10 (%(step)s; a blank is a stretch with no rating)",
    "daily": "one mark a day", "weekly": "one mark a week", "every": "one mark every %(n)s days",
    "feel": "How much you could feel", "mood": "Mood",
    "variety": "Different emotion words named each week (%(n)s weeks)",
    "widening": "Your range of feeling words is widening: from about %(a)s different words a week "
                "earlier on to about %(b)s lately.",
    "narrowing": "Lately you have named about %(b)s different feeling words a week, against about %(a)s "
                 "earlier on. Ranges ebb and flow; this is information, not a grade.",
    "steady": "About %(a)s different feeling words a week, steady across the period.",
    "variety_wait": "A few weeks of emotion words are needed to see whether the range is widening.",
    "flickers": "You noted flickers of feeling in %(n)s %(weeks)s of this period. Each one is a sign of "
                "feeling moving.",
    "no_flickers": "No flickers noted yet in this period. A flicker can be tiny: a pang, a smile, a flash "
                   "of irritation.",
    "week_of": "Week of", "flickers_col": "Flickers",
    "dynamics": "Ups, downs and stickiness",
    "sd": "Spread (how far days differ)", "mssd": "Day-to-day change (MSSD)",
    "inertia": "Stickiness (how much a day carries into the next)",
    "ok": "%(value).2f from %(n)s days", "low": ", low confidence",
    "no_variation": "no variation yet: every day had the same value",
    "not_enough_data": "not enough data yet (%(n)s days so far, %(need)s needed)",
    "undefined": "can\u2019t be worked out from these days",
    "apart": "Telling feelings apart", "unpleasant": "Unpleasant feelings", "pleasant": "Pleasant feelings",
    "diff_ok": "%(value).2f (higher means you tell them apart more finely), from %(n)s check-ins with %(k)s "
               "words",
    "diff_undefined": "can\u2019t be worked out from these check-ins (the words don\u2019t rise and fall "
                      "together at all)",
    "diff_too_few_emotions": "not enough data yet: at least 3 different words of this kind are needed",
    "diff_not_enough_data": "not enough data yet (%(n)s check-ins so far, 20 needed)",
    "helps": "What seems to go with how you feel",
    "helps_note": "Only patterns that hold up after checking many comparisons at once are listed. They "
                  "show what tends to go together, not what causes what.",
    "no_pattern": "No clear pattern yet. Patterns need at least 5 days with and 5 without something, and "
                  "have to hold up after checking many comparisons at once.",
    "compared": "%(n)s comparisons made in all.",
    "sessions": "Before and after practices (how much you could feel)",
    "practice": "Practice", "change": "After minus before", "interval": "Likely between",
    "rated": "Rated sessions",
    "sessions_wait": "%(n)s so far; 5 are needed",
    "same_change": "the same in every session",
}
NEEDED = {"sd": 10, "mssd": 10, "inertia": 50}


def sparkline(values: Sequence[float | None], *, low: float = 0.0, high: float = 10.0) -> str:
    """One block per value from low (\u2581) to high (\u2588); None (no rating) is a space."""
    marks = []
    for value in values:
        if value is None or not math.isfinite(value):
            marks.append(" ")
            continue
        share = (value - low) / (high - low) if high > low else 0.0
        marks.append(BLOCKS[round(max(0.0, min(1.0, share)) * (len(BLOCKS) - 1))])
    return "".join(marks)


def sample_step(count: int) -> int:
    """Daily for short periods, then weekly: each mark a 7-day average that overlaps no other."""
    return 1 if count <= DAILY_UP_TO else max(7, math.ceil(count / SPARK_WIDTH))


def sampled(points: Sequence[tuple[Any, float | None]], step: int) -> list[float | None]:
    """Every `step`-th value counting back from the last day, oldest first."""
    return [value for _, value in points[::-1][::step]][::-1]


def _plain(template: str, **context: Any) -> str:
    """A page template rendered as one line of plain text."""
    from html import unescape

    from django.template.loader import render_to_string
    from django.utils.html import strip_tags

    text = " ".join(unescape(strip_tags(render_to_string(template, context))).split())
    return text.replace(" :", ":")


def _metric(metric: Any, name: str) -> str:
    if metric.status == "ok":
        said = WORDS["ok"] % {"value": metric.value, "n": metric.n}
        return said + (WORDS["low"] if metric.low_confidence else "")
    if metric.status in ("no_variation", "undefined"):
        return WORDS[metric.status]
    return WORDS["not_enough_data"] % {"n": metric.n, "need": NEEDED[name]}


def _summary(found: Any) -> None:
    from rich.table import Table

    from thawing.insights.serialize import summary_dict

    summary = summary_dict(found)
    table = Table(box=None, show_header=False, show_edge=False)
    days = WORDS["of_days"] % {"n": summary["days_recorded"], "total": found.range.days}
    table.add_row(WORDS["days"], days)
    table.add_row(WORDS["checkins"], str(summary["checkins"]))
    table.add_row(WORDS["cant_tell"], str(summary["cant_tell_days"]))
    for key in ("feel_mean", "mood_mean"):
        table.add_row(WORDS[key], "\u2013" if summary[key] is None else f"{summary[key]:.1f}")
    table.add_row(WORDS["words"], str(summary["emotion_words"]))
    out.print(table)


def _trends(found: Any) -> None:
    step = sample_step(len(found.feel_rolling))
    how = WORDS["daily"] if step == 1 else WORDS["weekly"] if step == 7 else WORDS["every"] % {"n": step}
    out.print(f"\n[bold]{WORDS['trend'] % {'step': how}}[/bold]")
    for key, points in (("feel", found.feel_rolling), ("mood", found.mood_rolling)):
        out.print(f"  {WORDS[key]:<26} {sparkline(sampled(points, step))}", markup=False)


def _variety(found: Any) -> None:
    from thawing.insights.serialize import variety_trend

    counts = [n for _, n in found.variety][-SPARK_WIDTH:]
    out.print(f"\n[bold]{WORDS['variety'] % {'n': len(counts)}}[/bold]")
    if counts:
        out.print(f"  {sparkline(counts, high=max(max(counts), 1))}  (0\u2013{max(counts)})", markup=False)
    trend = variety_trend(found)
    words = WORDS["variety_wait"] if trend["status"] != "ok" else WORDS[trend["direction"]] % {
        "a": trend["earlier"], "b": trend["later"]}
    out.print(f"  {words}", markup=False)


def _flickers(found: Any) -> None:
    from rich.table import Table

    if not found.flickers:
        out.print(f"\n{WORDS['no_flickers']}", markup=False)
        return
    n = len(found.flickers)
    out.print("\n" + WORDS["flickers"] % {"n": n, "weeks": "week" if n == 1 else "weeks"}, markup=False)
    table = Table(WORDS["week_of"], WORDS["flickers_col"], box=None, show_edge=False)
    for week, n in found.flickers[-12:]:
        table.add_row(f"{week:%d %b %Y}", "\u2726" * n)
    out.print(table)


def _dynamics(found: Any) -> None:
    from rich.table import Table

    table = Table("", WORDS["feel"], WORDS["mood"], title=WORDS["dynamics"], title_justify="left",
                  show_edge=False)
    for name in ("sd", "mssd", "inertia"):
        table.add_row(WORDS[name], _metric(found.metrics["feel"][name], name),
                      _metric(found.metrics["mood"][name], name))
    out.print()
    out.print(table)
    out.print(f"[bold]{WORDS['apart']}[/bold]")
    for side, d in found.differentiation.items():
        said = WORDS[f"diff_{d.status}"] % {"value": d.value or 0.0, "n": d.occasions, "k": d.emotions}
        if d.status == "ok" and d.low_confidence:
            said += WORDS["low"]
        out.print(f"  {WORDS[side]}: {said}", markup=False)


def _helps(found: Any) -> None:
    significant = [f for f in found.findings if f.significant]
    tested = [f for f in found.findings if f.association.status == "ok"]
    out.print(f"\n[bold]{WORDS['helps']}[/bold]")
    for finding in significant:
        out.print(f"  \u2022 {_plain('insights/_finding.html', finding=finding)}", markup=False)
    out.print(f"  {WORDS['helps_note'] if significant else WORDS['no_pattern']}", markup=False)
    if tested:
        out.print(f"  {WORDS['compared'] % {'n': len(tested)}}", markup=False)


def _sessions(found: Any) -> None:
    from rich.table import Table

    if not found.sessions:
        return
    table = Table(WORDS["practice"], WORDS["change"], WORDS["interval"], WORDS["rated"],
                  title=WORDS["sessions"], title_justify="left", show_edge=False)
    for change in found.sessions:
        a = change.association
        name = _plain("insights/_practice_kind.html", kind=change.kind)
        if a.status == "ok":
            table.add_row(name, f"{a.difference:+.1f}", f"{a.low:+.1f} to {a.high:+.1f}", str(a.n_with))
        elif a.status == "no_variation":
            table.add_row(name, f"{a.difference:+.1f}", WORDS["same_change"], str(a.n_with))
        else:
            table.add_row(name, "\u2013", "\u2013", WORDS["sessions_wait"] % {"n": a.n_with})
    out.print()
    out.print(table)


def insights(
    since: str = typer.Option(None, "--since", help="From this day (YYYY-MM-DD); default the last year."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON, as GET /api/insights does."),
) -> None:
    """Trends, your range of feeling and what seems to go with it, with day counts."""
    day = parse_day(since, field="since")
    user = setup.user()
    from thawing.insights import services
    from thawing.insights.serialize import insights_dict

    found = services.insights(user=user, since=day)
    if as_json:
        print_json(insights_dict(found))
        return
    span = {"start": f"{found.range.start:%d %b %Y}", "end": f"{found.range.end:%d %b %Y}"}
    out.print(f"[bold]{WORDS['title'] % span}[/bold]")
    out.print(WORDS["honest"], markup=False)
    if found.empty:
        out.print(f"\n{WORDS['empty']}", markup=False)
        return
    for part in (_summary, _trends, _variety, _flickers, _helps, _sessions, _dynamics):
        part(found)


def register(app: typer.Typer) -> None:
    app.command()(insights)
