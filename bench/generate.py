"""Seeded, reproducible synthetic data for the benchmarks: one person's years, or many people.

    generate_person(user, years=10, seed=1)   ten years of one person (the budgets' data set):
        about 11,000 check-ins (mostly two to four a day, with gaps and "can't tell" days),
        their emotion words and body cues, 3,650 journal entries of a few hundred words,
        daily sleep, meals and movement, numbing notes, practice sessions rated before and
        after, lists, activities, connections, PHQ-9 and GAD-7 every two weeks, two
        medicines with dose changes, thought records, shut-down episodes.
    generate_many(users=10_000, days=90)     many lighter accounts for server tests.

Every value comes from `random.Random` streams seeded with strings (stable across runs and
machines, whatever PYTHONHASHSEED is), so the same seed and the same last day give the same
rows. Emotion ids, body regions and sensations, exercises, numbing kinds and questionnaire
bands come from Thawing's own content, so everything generated is something a person could
have entered. Journal text is drawn from the word list below (common English words, not
copied prose). Rows go in with bulk_create inside one transaction; on SQLite the journal's
FTS5 index is filled by the triggers of migration 0002 (they fire for every row of a bulk
insert), and PostgreSQL searches the text itself, so search works with no extra step.

Safety: nothing is written unless THAWING_DATA_DIR and Django's DATA_DIR are a temporary
folder made by `make_data_dir` (never the real per-user data directory), and the database is
SQLite inside that folder, a test database, or a PostgreSQL database whose name says it is
for benchmarks or tests. See `check_safe_data_dir`.
"""

from __future__ import annotations

import math
import os
import random
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

MARKER = ".thawing-bench"
PREFIX = "thawing-bench-"


class UnsafeDataDir(RuntimeError):
    """The generator was pointed at a folder or database it did not make for itself."""


# ----------------------------------------------------------------------------- the guard

def make_data_dir() -> Path:
    """A fresh temporary data folder, marked as the benchmark's own."""
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    (folder / MARKER).write_text(folder.name + "\n")
    return folder


def check_safe_data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The data folder in use, if it is a temporary one `make_data_dir` made; else UnsafeDataDir.

    `path` defaults to THAWING_DATA_DIR, which must be set: without it Thawing would use the
    person's real data folder. When Django is configured, its DATA_DIR must be the same folder
    and its database must be one the benchmark may fill (see `check_safe_database`).
    """
    raw = os.fspath(path) if path is not None else os.environ.get("THAWING_DATA_DIR", "").strip()
    if not raw:
        raise UnsafeDataDir("THAWING_DATA_DIR is not set, so Thawing would use your real data "
                            "folder. The benchmark only writes to a temporary folder it made "
                            "(bench.generate.make_data_dir).")
    folder = Path(raw).expanduser().resolve()
    temp_root = Path(tempfile.gettempdir()).resolve()
    marker = folder / MARKER
    if folder.parent != temp_root or not folder.name.startswith(PREFIX):
        raise UnsafeDataDir(f"{folder} is not a temporary folder made by the benchmark "
                            f"({temp_root}/{PREFIX}...); refusing to write synthetic data there.")
    if not marker.is_file() or marker.read_text().strip() != folder.name:
        raise UnsafeDataDir(f"{folder} has no benchmark marker file; refusing to write there.")
    if folder == _real_data_dir():
        raise UnsafeDataDir(f"{folder} is the real per-user data folder; refusing.")
    from django.conf import settings

    if settings.configured:
        configured = Path(settings.DATA_DIR).expanduser().resolve()
        if configured != folder:
            raise UnsafeDataDir(f"Django's DATA_DIR is {configured}, not the benchmark folder "
                                f"{folder}; refusing.")
        check_safe_database(folder)
    return folder


def _real_data_dir() -> Path | None:
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - a dependency of Thawing
        return None
    return Path(platformdirs.user_data_dir("thawing", appauthor=False)).resolve()


def check_safe_database(folder: Path) -> None:
    """SQLite inside `folder`, an in-memory test database, or a bench/test PostgreSQL database."""
    from django.db import connection

    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor == "sqlite":
        if name == ":memory:" or name.startswith("file:memorydb") or "mode=memory" in name:
            return
        if Path(name).expanduser().resolve().parent == folder:
            return
        raise UnsafeDataDir(f"The SQLite database {name} is outside the benchmark folder; refusing.")
    if "bench" in name.lower() or name.lower().startswith("test"):
        return
    raise UnsafeDataDir(f"The {connection.vendor} database {name!r} is not named for benchmarks "
                        "or tests (its name should contain \"bench\" or start with \"test\"); "
                        "refusing to fill it with synthetic data.")


# ------------------------------------------------------------------------------- words

# Common English words, most frequent first (the weights fall off with rank, as in real
# text). Written for Thawing as a plain list; no sentence of anyone's prose.
WORDS = """
the I and to a was it of in my that but for with me on not so just is at be had this
have all there what like about out up then it's do as one from when more could some
day felt feel or today time would no still again know how can think really back got
even because been after little much were get went now they she he we her him them us
very too bit something nothing thing things before into over while where who morning
night evening afternoon week tomorrow yesterday later long first last next same other
good bad okay fine tired slow quiet heavy light warm cold soft hard strange empty flat
numb far close small big new old whole half easy difficult gentle calm busy late early
work home walk walked walking sleep slept sleeping coffee tea kitchen window door room
bed chair table street park garden river rain sun wind cloud clouds light snow tree
trees bird birds dog cat friend friends mother father sister brother family phone call
message book music song radio film email meeting bus train shop lunch dinner breakfast
bread soup apple water shower bath hands feet chest shoulders stomach head eyes face
breath breathing heart body voice noise sound silence colour blue green grey yellow red
noticed noticing wanted trying tried said told asked thought remember remembered forgot
looked watched listened waited sat stood went came made cooked cleaned read wrote
talked laughed cried smiled moved stayed left kept seemed felt noticed started stopped
maybe perhaps almost enough already never always sometimes often again somehow anyway
inside outside around across through under between without towards along behind near
tired sad angry calm glad lonely anxious restless hopeful grateful curious bored safe
worried lost stuck flat distant foggy numb hollow tender raw sore heavy brighter lighter
doctor therapist appointment medicine pills plan list step steps habit routine practice
minute minutes hour hours moment moments while evening weekend holiday season winter
spring summer autumn year month Monday Tuesday Wednesday Thursday Friday Saturday Sunday
slightly suddenly quietly slowly finally probably honestly mostly partly barely hardly
ordinary familiar distant careful patient kind cruel useless useful strange fragile
corner ceiling floor carpet blanket pillow mug plate sink fridge kettle lamp candle
letter note notebook pen paper drawing painting guitar piano choir class course lesson
neighbour colleague boss partner child children baby grandmother teacher stranger
wave waves sea beach hill hills field path road bridge station library market cafe
""".split()

# Words the search benchmark looks for: a common one (a prefix: "walk" finds "walked"), one
# of middling rank, and one that only a few entries hold (RARE, added to about 1.5 of them in 100).
RARE = "lighthouse"
SEARCH_WORDS = ("walk", "guitar", RARE)
NAMES = ("Alex", "Sam", "Jo", "Mum", "Dad", "Priya", "Tom", "Lena", "Ana", "Chris", "Noor", "Ben")
TAGS = ("work", "family", "sleep", "walk", "therapy", "friends", "body", "music")


@dataclass
class Writer:
    """Sentences of weighted random words: realistic word frequencies for a search index."""

    rng: random.Random
    words: Sequence[str] = tuple(WORDS)
    cumulative: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        total = 0.0
        for rank in range(len(self.words)):
            total += 1.0 / (rank + 3) ** 0.9
            self.cumulative.append(total)

    def sentence(self, low: int = 5, high: int = 18) -> str:
        count = self.rng.randint(low, high)
        chosen = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        if self.rng.random() < 0.25 and count > 6:
            chosen[self.rng.randint(2, count - 3)] += ","
        text = " ".join(chosen)
        return text[:1].upper() + text[1:] + self.rng.choice(".....?!")

    def text(self, words: int) -> str:
        """About `words` words in paragraphs of three to seven sentences."""
        paragraphs, paragraph, written = [], [], 0
        while written < words:
            sentence = self.sentence()
            paragraph.append(sentence)
            written += sentence.count(" ") + 1
            if len(paragraph) >= self.rng.randint(3, 7):
                paragraphs.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            paragraphs.append(" ".join(paragraph))
        return "\n\n".join(paragraphs)

    def phrase(self, low: int = 2, high: int = 6) -> str:
        return self.sentence(low, high).rstrip(".?!,")


# -------------------------------------------------------------------------- one person

@dataclass
class Plan:
    """What a generated person writes: rates per day and which kinds of records."""

    checkins_per_day: tuple[float, ...] = (0.05, 0.15, 0.43, 0.26, 0.11)  # P(1..5 on a day)
    gap_rate: float = 0.02            # single days with nothing
    gap_every: int = 180              # roughly this often, a stretch of 2-14 days with nothing
    cant_tell_days: float = 0.10
    journal_words: tuple[int, int] = (40, 900)
    journal_median_words: int = 260
    journal_every: float = 1.0        # entries per day on average
    full: bool = True                 # practices, care records, lists and so on


LIGHT = Plan(checkins_per_day=(0.35, 0.45, 0.2, 0.0, 0.0), journal_median_words=60,
             journal_words=(10, 300), journal_every=0.35, full=False)


@dataclass
class Rows:
    """Model instances to insert, by model, in dependency order."""

    checkins: list[Any] = field(default_factory=list)
    emotions: list[list[Any]] = field(default_factory=list)     # per check-in
    body: list[list[Any]] = field(default_factory=list)         # per check-in
    entries: list[Any] = field(default_factory=list)
    entry_tags: list[list[str]] = field(default_factory=list)   # per entry
    other: list[list[Any]] = field(default_factory=list)        # rows with no foreign keys to fill
    items: list[Any] = field(default_factory=list)
    activities: list[tuple[Any, int | None]] = field(default_factory=list)  # (row, item index)
    medications: list[tuple[Any, list[Any]]] = field(default_factory=list)


class _Content:
    """Thawing's own content, read once."""

    def __init__(self) -> None:
        from thawing import content
        from thawing.core import checklist
        from thawing.habits.services import numbing_kinds

        vocabulary = content.vocabulary()
        self.emotions = [(e.id, e.valence) for e in vocabulary.emotions]
        self.numb = [e.id for e in vocabulary.emotions if e.family == vocabulary.emotions[0].family]
        body = content.body_map()
        self.regions = [r.id for r in body.regions]
        self.sensations = [s.id for s in body.sensations]
        self.numbing = list(numbing_kinds())
        self.exercises = [(e.id, e.kind, e.total_seconds) for e in content.exercises().values()]
        self.prompts = [p.id for p in content.prompts().prompts]
        self.checklist = list(checklist.ITEMS)
        self._weights: dict[tuple[float, bool], list[float]] = {}

    def emotion_weights(self, valence: float, numb: bool) -> list[float]:
        """Cumulative weights of the vocabulary: words near `valence` (and numb ones, if numb)."""
        key = (valence, numb)
        if key not in self._weights:
            total, found = 0.0, []
            for emotion, value in self.emotions:
                total += math.exp(-((value - valence) ** 2)) * (2.5 if numb and emotion in self.numb else 1.0)
                found.append(total)
            self._weights[key] = found
        return self._weights[key]


def _clip(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


class Person:
    """Draws one person's records for `days` days ending on `end`, in their time zone."""

    def __init__(self, user_id: int, *, days: int, end: date, zone: Any, seed: int | str,
                 plan: Plan, cutoff: datetime | None, stuff: _Content) -> None:
        self.user_id, self.days, self.end, self.zone = user_id, days, end, zone
        self.start = end - timedelta(days=days - 1)
        self.seed, self.plan, self.cutoff, self.c = seed, plan, cutoff, stuff

    def rng(self, stream: str) -> random.Random:
        return random.Random(f"thawing-bench:{self.seed}:{stream}")

    def moment(self, day: date, minutes: int) -> datetime | None:
        """An aware moment `minutes` after local midnight, or None if after the cutoff."""
        at = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=self.zone)
        return None if self.cutoff is not None and at > self.cutoff else at

    # The hidden state: how much the person can feel, slowly thawing over the years, with
    # seasons, weeks that stick together (AR(1) noise) and a few shut-down stretches.
    def states(self) -> tuple[list[float], list[float], list[bool]]:
        rng = self.rng("state")
        feel, mood, gaps = [], [], []
        noise_f = noise_m = 0.0
        gap_left = 0
        episodes = self.episodes()
        for i in range(self.days):
            day = self.start + timedelta(days=i)
            progress = i / max(1, self.days - 1)
            noise_f = 0.85 * noise_f + rng.gauss(0, 0.55)
            noise_m = 0.8 * noise_m + rng.gauss(0, 0.6)
            dip = -2.0 if any(a <= day <= b for a, b in episodes) else 0.0
            season = 0.7 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 80) / 365.25)
            f = 2.8 + 3.2 * progress + season + noise_f + dip
            feel.append(f)
            mood.append(4.6 + 0.45 * (f - 4.4) + noise_m)
            if gap_left > 0:
                gap_left -= 1
            elif rng.random() < 1 / self.plan.gap_every:
                gap_left = rng.randint(2, 14) - 1
            gaps.append(gap_left > 0 or rng.random() < self.plan.gap_rate)
        return feel, mood, gaps

    def episodes(self) -> list[tuple[date, date]]:
        n = self.days
        spans = ((0.05, 0.05), (0.45, 0.04), (0.8, 0.03)) if self.plan.full else ()
        return [(self.start + timedelta(days=int(a * n)),
                 self.start + timedelta(days=int(a * n) + max(1, int(b * n))))
                for a, b in spans if int(a * n) + max(1, int(b * n)) < n - 1]

    def build(self) -> Rows:
        from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion

        rows = Rows()
        feel_state, mood_state, gaps = self.states()
        rng = self.rng("checkins")
        slots = ((7 * 60, 10 * 60), (11 * 60, 14 * 60), (14 * 60, 17 * 60), (17 * 60, 20 * 60),
                 (20 * 60, 23 * 60 + 30))
        counts = range(1, len(self.plan.checkins_per_day) + 1)
        uid = self.user_id
        writer = Writer(self.rng("checkin-words"))
        for i in range(self.days):
            day = self.start + timedelta(days=i)
            if gaps[i]:
                continue
            cant_tell = rng.random() < self.plan.cant_tell_days
            count = rng.choices(counts, weights=self.plan.checkins_per_day)[0]
            for slot in sorted(rng.sample(range(len(slots)), count)):
                minutes = rng.randint(*slots[slot])
                at = self.moment(day, minutes)
                feel_level = feel_state[i] + rng.gauss(0, 1.1)
                if cant_tell:
                    mood = None
                    feel = None if rng.random() < 0.7 else _clip(feel_level - 2, 0, 2)
                else:
                    mood = None if rng.random() < 0.03 else _clip(mood_state[i] + rng.gauss(0, 1), 1, 10)
                    feel = None if rng.random() < 0.15 else _clip(feel_level, 0, 10)
                flicker = writer.phrase(3, 10) if rng.random() < 0.10 else ""
                note = writer.sentence(4, 20) if rng.random() < 0.12 else ""
                checkin = CheckIn(user_id=uid, at=at, mood=mood, feel=feel, flicker=flicker, note=note,
                                  detached=rng.random() < 0.03, struggling=rng.random() < 0.015)
                emotions = self._emotions(rng, cant_tell, mood_state[i], feel_level)
                body = self._body(rng)
                if at is None:
                    continue
                rows.checkins.append(checkin)
                rows.emotions.append([CheckInEmotion(user_id=uid, emotion=e, intensity=n)
                                      for e, n in emotions])
                rows.body.append([BodySensation(user_id=uid, region=r, sensation=s) for r, s in body])
        self._journal(rows, gaps)
        self._habits(rows, feel_state, gaps)
        if self.plan.full:
            self._practices(rows, feel_state)
            self._care(rows, mood_state, feel_state)
        return rows

    def _emotions(self, rng: random.Random, cant_tell: bool, mood: float,
                  feel: float) -> list[tuple[str, int | None]]:
        if cant_tell:
            count = rng.choices((0, 1), weights=(0.6, 0.4))[0]
            return [(rng.choice(self.c.numb), None)] * count
        count = rng.choices((0, 1, 2, 3, 4), weights=(0.22, 0.3, 0.26, 0.14, 0.08))[0]
        weights = self.c.emotion_weights(round(max(-2.0, min(2.0, (mood - 5.5) / 2)) * 4) / 4, feel < 4)
        chosen: list[str] = []
        while len(chosen) < count:
            emotion = rng.choices(self.c.emotions, cum_weights=weights)[0][0]
            if emotion not in chosen:
                chosen.append(emotion)
        return [(e, None if rng.random() < 0.15 else rng.randint(1, 5)) for e in chosen]

    def _body(self, rng: random.Random) -> list[tuple[str, str]]:
        count = rng.choices((0, 1, 2, 3), weights=(0.4, 0.35, 0.18, 0.07))[0]
        found: list[tuple[str, str]] = []
        for _ in range(count):
            pair = (rng.choice(self.c.regions), rng.choice(self.c.sensations))
            if pair not in found:
                found.append(pair)
        return found

    def _journal(self, rows: Rows, gaps: list[bool]) -> None:
        from thawing.journal.models import Entry

        rng = self.rng("journal")
        writer = Writer(self.rng("journal-words"))
        plan = self.plan
        open_days = [i for i in range(self.days) if not gaps[i]]
        wanted = round(self.days * plan.journal_every)
        if plan.journal_every >= 1:
            # One entry a day: days lost to gaps become second entries on other days.
            extra = max(0, wanted - len(open_days))
            chosen = open_days + rng.choices(open_days, k=extra) if open_days else []
        else:
            chosen = sorted(rng.sample(open_days, min(len(open_days), wanted)))
        mu = math.log(plan.journal_median_words)
        for i in sorted(chosen):
            day = self.start + timedelta(days=i)
            at = self.moment(day, rng.randint(19 * 60, 23 * 60 + 45))
            words = _clip(rng.lognormvariate(mu, 0.55), *plan.journal_words)
            title = writer.phrase(2, 5) if rng.random() < 0.5 else ""
            body = writer.text(words)
            if rng.random() < 0.015:
                body += f" {writer.phrase(3, 8)} {RARE}."
            letter = rng.random() < 0.02
            prompt = rng.choice(self.c.prompts) if self.c.prompts and rng.random() < 0.15 else ""
            tags = sorted(rng.sample(TAGS, rng.randint(1, 2))) if rng.random() < 0.25 else []
            if at is None:
                continue
            rows.entries.append(Entry(user_id=self.user_id, written_at=at, title=title, body=body,
                                      prompt_id=prompt, kind="letter" if letter else "entry"))
            rows.entry_tags.append(tags)

    def _habits(self, rows: Rows, feel: list[float], gaps: list[bool]) -> None:
        from thawing.habits.models import DayHabits, Numbing

        rng = self.rng("habits")
        habits, numbing = [], []
        uid = self.user_id
        for i in range(self.days):
            day = self.start + timedelta(days=i)
            if gaps[i] or rng.random() < 0.12:
                continue
            sleep = None if rng.random() < 0.08 else Decimal(str(
                max(3.0, min(11.0, round(rng.gauss(7.0 + 0.15 * (feel[i] - 4), 1.1) * 4) / 4))))
            habits.append(DayHabits(
                user_id=uid, day=day, sleep_hours=sleep,
                sleep_quality=(None if rng.random() < 0.2
                               else _clip(rng.gauss(3 + 0.2 * (feel[i] - 4), 1), 1, 5)),
                meals=None if rng.random() < 0.25 else rng.choices(range(6), (2, 6, 20, 50, 18, 4))[0],
                movement_minutes=None if rng.random() < 0.15 else _clip(rng.expovariate(1 / 35), 0, 240)))
            if self.plan.full and rng.random() < 0.12:
                numbing.append(Numbing(
                    user_id=uid, day=day, kind=rng.choice(self.c.numbing),
                    amount=rng.choice(("", "a_little", "some", "a_lot")), to_cope=rng.random() < 0.4,
                    note=""))
        rows.other += [habits, numbing]

    def _practices(self, rows: Rows, feel: list[float]) -> None:
        from thawing.practices.models import Activity, ChecklistTick, Connection, ListItem, Session

        rng = self.rng("practices")
        writer = Writer(self.rng("practice-words"))
        uid = self.user_id
        sessions, connections, ticks = [], [], []
        for kind in ListItem.Kind.values:
            for position in range(rng.randint(4, 10)):
                rows.items.append(ListItem(user_id=uid, kind=kind, text=writer.phrase(2, 7),
                                           detail=writer.phrase(2, 6) if rng.random() < 0.3 else "",
                                           position=position))
        for i in range(self.days):
            day = self.start + timedelta(days=i)
            if rng.random() < 0.35:
                exercise, kind, planned = rng.choice(self.c.exercises)
                at = self.moment(day, rng.randint(7 * 60, 22 * 60))
                rated = rng.random() < 0.85
                before = _clip(feel[i] + rng.gauss(0, 1), 0, 10)
                after = _clip(before + rng.choice((-1, 0, 0, 1, 1, 1, 2, 3)), 0, 10)
                seconds = (_clip(planned * rng.uniform(0.5, 1.1), 10, 21600) if planned
                           else rng.randint(60, 900))
                if at is not None:
                    sessions.append(Session(user_id=uid, exercise=exercise, kind=kind, at=at, seconds=seconds,
                                            planned_seconds=planned, completed=rng.random() < 0.9,
                                            feel_before=before if rated else None,
                                            feel_after=after if rated else None,
                                            note=writer.sentence(3, 12) if rng.random() < 0.1 else ""))
            if rng.random() < 0.27:
                index = rng.randrange(len(rows.items)) if rng.random() < 0.6 else None
                item = rows.items[index] if index is not None else None
                planned_on = day - timedelta(days=rng.randint(0, 5)) if rng.random() < 0.7 else None
                done = rng.random() < 0.9
                rows.activities.append((Activity(
                    user_id=uid, kind=item.kind if item else rng.choice(("enjoy", "fun", "ladder")),
                    title=item.text if item else writer.phrase(2, 6),
                    planned_on=max(planned_on, self.start) if planned_on else None,
                    done_on=day if done else None,
                    predicted=rng.randint(0, 10) if rng.random() < 0.8 else None,
                    actual=_clip(feel[i] + rng.gauss(1, 2), 0, 10) if done and rng.random() < 0.85 else None,
                    note=writer.sentence(3, 12) if rng.random() < 0.15 else ""), index))
            if rng.random() < 0.27:
                connections.append(Connection(
                    user_id=uid, on=day, who=rng.choice(NAMES), how=rng.choice(Connection.How.values),
                    felt=rng.choices(Connection.Felt.values, weights=(4, 5, 2, 3))[0],
                    reached_out=rng.random() < 0.08,
                    note=writer.sentence(3, 14) if rng.random() < 0.2 else ""))
            if rng.random() < 0.05:
                ticks.append(ChecklistTick(user_id=uid, item=rng.choice(self.c.checklist), on=day))
        rows.other += [sessions, connections, ticks]

    def _care(self, rows: Rows, mood: list[float], feel: list[float]) -> None:
        from thawing.care.models import (
            ClinicianNotes,
            Medication,
            MedicationChange,
            SafetyPlan,
            ScreeningResult,
        )
        from thawing.checkins.models import Episode
        from thawing.content import score
        from thawing.journal.models import ThoughtRecord

        rng = self.rng("care")
        writer = Writer(self.rng("care-words"))
        uid, n = self.user_id, self.days
        results = []
        for i in range(min(3, n - 1), n, 14):
            day = self.start + timedelta(days=i)
            low = max(0.0, min(1.0, (6.5 - mood[i]) / 5))
            for instrument, items in (("phq9", 9), ("gad7", 7)):
                answers = [_clip(3 * low + rng.gauss(0, 0.7), 0, 3) for _ in range(items)]
                if instrument == "phq9":
                    answers[8] = 1 if mood[i] < 3 and rng.random() < 0.3 else 0
                found = score(instrument, answers)
                at = self.moment(day, 19 * 60 + (0 if instrument == "phq9" else 5))
                if at is not None:
                    results.append(ScreeningResult(user_id=uid, instrument=instrument, taken_at=at,
                                                   answers=answers, total=found.total, band=found.band,
                                                   safety_flag=found.safety_flag))

        def on(fraction: float) -> date:
            return self.start + timedelta(days=min(n - 1, int(fraction * n)))

        for name, dose, start, stop, changes in (
            ("Sertraline", "50 mg", 0.11, 0.55, ((0.13, "100 mg"), (0.2, "150 mg"), (0.36, "100 mg"))),
            ("Bupropion", "150 mg", 0.57, None, ((0.6, "300 mg"),)),
        ):
            medication = Medication(user_id=uid, name=name, dose=dose, started_on=on(start),
                                    stopped_on=on(stop) if stop else None,
                                    note=writer.sentence(4, 10) if rng.random() < 0.5 else "")
            rows.medications.append((medication, [MedicationChange(user_id=uid, on=on(f), dose=d)
                                                  for f, d in changes]))
        episodes = [Episode(user_id=uid, started_on=a, ended_on=b,
                            acknowledged_at=self.moment(a, 21 * 60) or self.moment(a, 0),
                            words=writer.sentence(4, 12)) for a, b in self.episodes()]
        thoughts = []
        for i in range(rng.randint(2, 20), n, 30):
            at = self.moment(self.start + timedelta(days=i), rng.randint(17 * 60, 22 * 60))
            before = rng.randint(40, 95)
            if at is not None:
                thoughts.append(ThoughtRecord(
                    user_id=uid, at=at, situation=writer.sentence(), thought=writer.sentence(5, 12),
                    belief_before=before, evidence=writer.sentence(), other_views=writer.sentence(),
                    conclusions=writer.sentence(), alternative=writer.sentence(),
                    belief_after=max(0, before - rng.randint(5, 40))))
        plan = SafetyPlan(user_id=uid, **{f: writer.text(30) for f in (
            "warning_signs", "coping", "distractions", "people", "professionals", "environment",
            "reasons")})
        notes = ClinicianNotes(user_id=uid, text=writer.text(80))
        rows.other += [results, episodes, thoughts, [plan], [notes]]


# -------------------------------------------------------------------------------- write

LABELS = {"DayHabits": "days of habits", "Numbing": "numbing notes", "Session": "practice sessions",
          "Connection": "connections", "ChecklistTick": "checklist ticks",
          "ScreeningResult": "questionnaires", "Episode": "shut-down episodes",
          "ThoughtRecord": "thought records", "SafetyPlan": "safety plans",
          "ClinicianNotes": "clinician notes"}

def _insert(rows: Rows, user_ids: Sequence[int]) -> dict[str, int]:
    from thawing.care.models import ClinicianNotes, Medication, MedicationChange, SafetyPlan
    from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion
    from thawing.journal.models import Entry, EntryTag, Tag
    from thawing.practices.models import Activity, ListItem

    batch = 500
    CheckIn.objects.bulk_create(rows.checkins, batch_size=batch)
    emotions, body = [], []
    for checkin, feelings, cues in zip(rows.checkins, rows.emotions, rows.body, strict=True):
        for row in feelings:
            row.checkin_id = checkin.pk
        for row in cues:
            row.checkin_id = checkin.pk
        emotions += feelings
        body += cues
    CheckInEmotion.objects.bulk_create(emotions, batch_size=batch)
    BodySensation.objects.bulk_create(body, batch_size=batch)
    Entry.objects.bulk_create(rows.entries, batch_size=batch)
    wanted = sorted({(e.user_id, name) for e, names in zip(rows.entries, rows.entry_tags, strict=True)
                     for name in names})
    existing = {(t.user_id, t.name): t.pk for t in Tag.objects.filter(user_id__in=user_ids)}
    new_tags = [Tag(user_id=u, name=name) for u, name in wanted if (u, name) not in existing]
    Tag.objects.bulk_create(new_tags, batch_size=batch)
    existing.update({(t.user_id, t.name): t.pk for t in new_tags})
    links = [EntryTag(user_id=e.user_id, entry_id=e.pk, tag_id=existing[(e.user_id, name)])
             for e, names in zip(rows.entries, rows.entry_tags, strict=True) for name in names]
    EntryTag.objects.bulk_create(links, batch_size=batch)
    counts = {"check-ins": len(rows.checkins), "emotion words": len(emotions), "body cues": len(body),
              "journal entries": len(rows.entries), "entry tags": len(links)}
    ListItem.objects.bulk_create(rows.items, batch_size=batch)
    activities = []
    for activity, index in rows.activities:
        if index is not None:
            activity.item_id = rows.items[index].pk
        activities.append(activity)
    Activity.objects.bulk_create(activities, batch_size=batch)
    if rows.items:
        counts.update({"list items": len(rows.items), "activities": len(activities)})
    one_each = {model: set(model.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True))
                for model in (SafetyPlan, ClinicianNotes)}
    by_model: dict[type, list[Any]] = {}
    for group in rows.other:
        for row in group:
            by_model.setdefault(type(row), []).append(row)
    for model, group in by_model.items():
        if model in one_each:
            group = [row for row in group if row.user_id not in one_each[model]]
        model.objects.bulk_create(group, batch_size=batch)
        label = LABELS.get(model.__name__, model.__name__)
        counts[label] = counts.get(label, 0) + len(group)
    meds = [m for m, _ in rows.medications]
    Medication.objects.bulk_create(meds, batch_size=batch)
    changes = []
    for medication, its_changes in rows.medications:
        for change in its_changes:
            change.medication_id = medication.pk
            changes.append(change)
    MedicationChange.objects.bulk_create(changes, batch_size=batch)
    if meds:
        counts.update({"medications": len(meds), "medication changes": len(changes)})
    return counts


def _end_and_cutoff(user: Any, end: date | None) -> tuple[date, Any, datetime | None]:
    from django.utils import timezone

    from thawing.accounts.days import local_today, user_zone

    zone = user_zone(user)
    today = local_today(user)
    if end is None or end >= today:
        # Up to now: nothing is ever in the future.
        return today, zone, timezone.now()
    return end, zone, None


def generate_person(user: Any, *, years: float = 10, seed: int = 1, days: int | None = None,
                    end: date | None = None) -> dict[str, int]:
    """Write `years` (or `days`) of one person's records ending on `end` (default today).

    Returns the number of rows written per kind. Refuses unless the data folder and database
    are the benchmark's own (`check_safe_data_dir`).
    """
    from django.db import transaction

    check_safe_data_dir()
    total = days if days is not None else round(365.25 * years)
    if total < 1:
        raise ValueError("Generate at least one day.")
    last, zone, cutoff = _end_and_cutoff(user, end)
    person = Person(user.pk, days=total, end=last, zone=zone, seed=seed, plan=Plan(), cutoff=cutoff,
                    stuff=_Content())
    rows = person.build()
    with transaction.atomic():
        return _insert(rows, [user.pk])


def generate_many(*, users: int = 10_000, days: int = 90, seed: int = 1, prefix: str = "bench",
                  password: str = "bench passphrase", chunk: int = 250, end: date | None = None,
                  progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Create `users` server-mode accounts (`bench00001`...) with `days` of lighter records each.

    Every account signs in with `password` (hashed once, so creating 10,000 stays quick).
    Rows go in `chunk` accounts per transaction; `progress(done, users)` is called after each.
    Check-ins (one to three a day), emotion words, body cues, a short journal entry about one
    day in three, and daily habits: the tables a server's busy pages read.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from thawing.accounts.models import Profile

    check_safe_data_dir()
    if users < 1 or days < 1:
        raise ValueError("Generate at least one user and one day.")
    model = get_user_model()
    width = max(5, len(str(users)))
    names = [f"{prefix}{i:0{width}d}" for i in range(1, users + 1)]
    if model.objects.filter(username__startswith=prefix).exists():
        raise ValueError(f"Accounts named {prefix}... exist already; choose another prefix.")
    hashed = make_password(password)
    stuff = _Content()
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("UTC")
    now = timezone.now()
    last = end or now.astimezone(zone).date()
    cutoff = now if last >= now.astimezone(zone).date() else None
    totals: dict[str, int] = {"accounts": 0}
    for begin in range(0, users, chunk):
        part = names[begin:begin + chunk]
        with transaction.atomic():
            made = model.objects.bulk_create([model(username=name, password=hashed) for name in part])
            if any(u.pk is None for u in made):  # a database that returns no ids
                made = list(model.objects.filter(username__in=part).order_by("pk"))
            Profile.objects.bulk_create([Profile(user_id=u.pk, timezone="UTC") for u in made])
            rows = Rows()
            for user in made:
                one = Person(user.pk, days=days, end=last, zone=zone, seed=f"{seed}:{user.username}",
                             plan=LIGHT, cutoff=cutoff, stuff=stuff).build()
                rows.checkins += one.checkins
                rows.emotions += one.emotions
                rows.body += one.body
                rows.entries += one.entries
                rows.entry_tags += one.entry_tags
                rows.other += one.other
            for label, count in _insert(rows, [u.pk for u in made]).items():
                totals[label] = totals.get(label, 0) + count
            totals["accounts"] += len(made)
        if progress is not None:
            progress(min(begin + chunk, users), users)
    return totals


def table_counts(user: Any) -> dict[str, int]:
    """Rows per table for one user, read back from the database."""
    from django.apps import apps

    found = {}
    for label in ("checkins", "journal", "practices", "care"):
        for model in apps.get_app_config(label).get_models():
            if any(f.name == "user" for f in model._meta.fields):
                found[model._meta.label] = model.objects.filter(user=user).count()
    return found


def iter_entries(user: Any) -> Iterator[tuple[datetime, str, str]]:
    """(written_at, title, body) of the user's journal, oldest first, for the jrnl comparison."""
    from thawing.journal.models import Entry

    yield from Entry.objects.filter(user=user).order_by("written_at", "pk").values_list(
        "written_at", "title", "body").iterator(chunk_size=1000)
