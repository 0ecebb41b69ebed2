"""Reasons to offer support: crisis words (G5, read by thawing/core/crisis.py) and reasons, from
a person's own records, to talk to a professional (G1). Nothing is stored, logged or sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from thawing.core import crisis
from thawing.core.signal import Signal

__all__ = ["Signal", "crisis_signals", "professional_help_signals", "History"]

# Crisis words (G5) are read by thawing/core/crisis.py; its taxonomy, context modifiers and
# measured figures are documented there and in docs/safety.md.
SUICIDE, SELF_HARM, WARNING = crisis.SUICIDE, crisis.SELF_HARM, crisis.WARNING
crisis_signals = crisis.crisis_signals


# --- When to talk to a professional (G1) -------------------------------------------------
#
# A past of depression, anxiety or trauma (the optional history question) lowers the
# threshold of the other reasons, as stepped care does: NICE CG90 (step 2) acts on milder or
# shorter difficulties when there is a history. How, here (the numbers are design choices
# built on that guidance, not validated cut-offs):
# - feeling shut down or low feeling for two weeks is a clear reason, not a gentle one;
# - PHQ-9 and GAD-7 count from 5 (the start of "mild") as a gentle reason, not only from 10
#   (the lower line is in each instrument's file);
# - one day of feeling detached is clear; two very hard days, or two days of alcohol or drugs
#   to cope, are enough;
# - the PHQ-9's "somewhat difficult" becomes a gentle reason.
# PCL-5, PC-PTSD-5 and AUDIT-C keep their published lines, already the more sensitive ones.
# PHQ-9 question 9 never needs a history: any answer above 0 is a reason, and its reason
# stays for two weeks whatever comes after, because an answer of 0 later is no all-clear.

URGENT, CLEAR, GENTLE = "urgent", "clear", "gentle"
LEVELS = (URGENT, CLEAR, GENTLE)
EPISODE_GENTLE_DAYS = 14   # "more than 2 weeks" (one source)
EPISODE_CLEAR_DAYS = 28    # "more than 4 to 6 weeks without improvement": we use the lower end
LOW_FEEL = 3               # "how much can you feel" at or below this counts as a numb day
LOW_SHARE = 0.7            # most days
MIN_DAYS = 7               # fewer answered days say too little
SCREEN_CUTOFF = 10         # PHQ-9 and GAD-7: 10 or more warrants further assessment
SCREEN_RECENT_DAYS = 30
ITEM9_DAYS = 14            # a PHQ-9 question 9 above 0 stays a reason for at least two weeks
VERY_DIFFICULT = 2         # PHQ-9 final question: 2 "Very", 3 "Extremely difficult"
RECENT_DAYS = 14           # detachment, hard days and substances are read over two weeks
DETACHED_CLEAR_DAYS = 2    # feeling unreal or outside oneself on 2+ days: a clear reason
STRUGGLING_DAYS = 3        # daily life very hard on 3+ days of two weeks: "significantly impaired"
SUBSTANCE_CLEAR_DAYS = 3   # alcohol or drugs to cope on 3+ days of two weeks: a clear reason
PAST = ("trauma", "depression", "anxiety")


@dataclass(frozen=True)
class Screened:
    """The latest result of one questionnaire, reduced to what the rules read.

    `cutoff` is the published line that applies to this person (None: no reason from the
    total); `lowered` the line after a past history, if the instrument has one; `difficulty`
    the PHQ-9's final question (0-3, None when unanswered).
    """

    on: date
    total: int
    cutoff: int | None = SCREEN_CUTOFF
    lowered: int | None = None
    difficulty: int | None = None


@dataclass(frozen=True)
class History:
    """What the rules read from a person's own records, already reduced to plain values."""

    episode_since: date | None = None
    daily_feel: Sequence[tuple[date, float]] = ()
    # The latest result per instrument id: a Screened, or (day, total) read at the usual cut-off.
    screenings: Mapping[str, Screened | tuple[date, int]] = field(default_factory=dict)
    # The day and answer of the latest PHQ-9 whose question 9 was above 0.
    item9: tuple[date, int] | None = None
    # Optional profile answers: which of PAST the person has lived through before.
    past: frozenset[str] = frozenset()
    # Days with a check-in ticked "detached" / "daily life very hard".
    detached_days: Sequence[date] = ()
    struggling_days: Sequence[date] = ()
    # Days alcohol or drugs were noted as used to cope (numbing log, F5).
    substance_days: Sequence[date] = ()
    # First night of a week whose sleep moved more than 2 hours from the person's baseline (F1).
    sleep_change_since: date | None = None

    @property
    def lowered(self) -> bool:
        """True when a past history lowers the thresholds (see the notes above)."""
        return any(item in self.past for item in PAST)


def _numb_since(daily_feel: Sequence[tuple[date, float]], *, today: date, days: int) -> bool:
    """Low feeling on most answered days of the window, with answers reaching back across it."""
    window = [(d, v) for d, v in daily_feel if today - timedelta(days=days) < d <= today]
    if len(window) < MIN_DAYS or min(d for d, _ in window) > today - timedelta(days=days * 3 // 4):
        return False
    return sum(v <= LOW_FEEL for _, v in window) >= LOW_SHARE * len(window)


def _improving(daily_feel: Sequence[tuple[date, float]], *, today: date) -> bool:
    """The last two weeks' mean is at least 1 point above the two weeks before."""
    recent = [v for d, v in daily_feel if today - timedelta(days=14) < d <= today]
    before = [v for d, v in daily_feel if today - timedelta(days=28) < d <= today - timedelta(days=14)]
    if not recent or not before:
        return False
    return sum(recent) / len(recent) >= sum(before) / len(before) + 1


def professional_help_signals(history: History, *, today: date) -> list[Signal]:
    """Reasons, from the person's own records, to suggest talking to a professional (G1).

    Urgent reasons (PHQ-9 question 9) come first, then clear ones, then gentle ones. Each
    names since when it holds; `figures["lowered"]` is True where a past history made it count.
    """
    signals: list[Signal] = []
    if history.item9 is not None and 0 <= (today - history.item9[0]).days <= ITEM9_DAYS:
        on, answer = history.item9
        signals.append(Signal("phq9-item9", level=URGENT, since=on,
                              figures={"answer": answer, "until": on + timedelta(days=ITEM9_DAYS)}))
    signals.extend(_duration_signals(history, today=today))
    signals.extend(_screening_signals(history, today=today))
    signals.extend(_recent_day_signals(history, today=today))
    if history.sleep_change_since is not None:
        signals.append(Signal("sleep-change", level=GENTLE, since=history.sleep_change_since))
    past = [item for item in PAST if item in history.past]
    if past and (signals or history.episode_since is not None):
        # A past of trauma, depression or anxiety matters most alongside numbness now.
        signals.append(Signal("history", level=GENTLE, figures={"past": tuple(past)}))
    return sorted(signals, key=lambda s: LEVELS.index(s.level))


def _duration_signals(history: History, *, today: date) -> list[Signal]:
    """Feeling shut down, and low feeling on most days, for two then four weeks (G1)."""
    signals = []
    # With a past history, two weeks are enough for a clear reason.
    early = CLEAR if history.lowered else GENTLE
    lowered = {"lowered": True} if history.lowered else {}
    if history.episode_since is not None:
        days = (today - history.episode_since).days
        if days > EPISODE_CLEAR_DAYS and not _improving(history.daily_feel, today=today):
            signals.append(Signal("long-shutdown", level=CLEAR, since=history.episode_since,
                                  figures={"days": days}))
        elif days > EPISODE_GENTLE_DAYS:
            signals.append(Signal("shutdown", level=early, since=history.episode_since,
                                  figures={"days": days, **lowered}))
    if _numb_since(history.daily_feel, today=today, days=EPISODE_CLEAR_DAYS) and not _improving(
            history.daily_feel, today=today):
        signals.append(Signal("long-numbness", level=CLEAR,
                              since=today - timedelta(days=EPISODE_CLEAR_DAYS)))
    elif _numb_since(history.daily_feel, today=today, days=EPISODE_GENTLE_DAYS):
        signals.append(Signal("numbness", level=early,
                              since=today - timedelta(days=EPISODE_GENTLE_DAYS), figures=lowered))
    return signals


def _screening_signals(history: History, *, today: date) -> list[Signal]:
    """Recent check-ups at or above their cut-off, and the PHQ-9's "how difficult" (G1)."""
    signals = []
    for instrument, taken in history.screenings.items():
        result = taken if isinstance(taken, Screened) else Screened(*taken)
        if not 0 <= (today - result.on).days <= SCREEN_RECENT_DAYS:
            continue
        if result.cutoff is not None and result.total >= result.cutoff:
            signals.append(Signal(f"{instrument}-high", level=CLEAR, since=result.on,
                                  figures={"total": result.total, "cutoff": result.cutoff}))
        elif (history.lowered and result.lowered is not None and result.total >= result.lowered):
            signals.append(Signal(f"{instrument}-high", level=GENTLE, since=result.on,
                                  figures={"total": result.total, "cutoff": result.lowered,
                                           "lowered": True}))
        if result.difficulty is None:
            continue
        if result.difficulty >= VERY_DIFFICULT:
            signals.append(Signal(f"{instrument}-difficulty", level=CLEAR, since=result.on,
                                  figures={"answer": result.difficulty}))
        elif history.lowered and result.difficulty == VERY_DIFFICULT - 1:
            signals.append(Signal(f"{instrument}-difficulty", level=GENTLE, since=result.on,
                                  figures={"answer": result.difficulty, "lowered": True}))
    return signals


def _recent(days: Sequence[date], today: date) -> list[date]:
    return sorted({d for d in days if today - timedelta(days=RECENT_DAYS) < d <= today})


def _recent_day_signals(history: History, *, today: date) -> list[Signal]:
    """Detachment, hard days and substances used to cope, over the last two weeks (G1).

    A past history makes each count one day sooner.
    """
    signals = []
    fewer = 1 if history.lowered else 0
    lowered = {"lowered": True} if history.lowered else {}
    detached = _recent(history.detached_days, today)
    if detached:
        clear = len(detached) >= DETACHED_CLEAR_DAYS - fewer
        signals.append(Signal("detached", level=CLEAR if clear else GENTLE, since=detached[0],
                              figures={"days": len(detached),
                                       **(lowered if len(detached) < DETACHED_CLEAR_DAYS else {})}))
    struggling = _recent(history.struggling_days, today)
    if len(struggling) >= STRUGGLING_DAYS - fewer:
        signals.append(Signal("struggling", level=CLEAR, since=struggling[0],
                              figures={"days": len(struggling),
                                       **(lowered if len(struggling) < STRUGGLING_DAYS else {})}))
    substances = _recent(history.substance_days, today)
    if substances:
        clear = len(substances) >= SUBSTANCE_CLEAR_DAYS - fewer
        signals.append(Signal("substances", level=CLEAR if clear else GENTLE, since=substances[0],
                              figures={"days": len(substances),
                                       **(lowered if clear and len(substances) < SUBSTANCE_CLEAR_DAYS
                                          else {})}))
    return signals
