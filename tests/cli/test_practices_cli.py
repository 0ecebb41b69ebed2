"""`thawing practice`, `breathe` and `meditate` on a fake clock: sessions save the time that
really ran, with the ratings given, however the practice ended. Nothing here really waits."""

from __future__ import annotations

import io

import pytest

from tests.cli.test_cli import run
from thawing.cli import practices
from thawing.practices.models import Session

pytestmark = pytest.mark.django_db
START = 1_000.0


class FakeClock:
    """A monotonic clock that moves only when the player sleeps (or a test moves it).

    `stop_after` raises KeyboardInterrupt (Ctrl-C) once that many seconds have passed;
    `jump_at` adds `jump` seconds in one go at that moment, like a laptop waking up.
    """

    def __init__(self, stop_after: float | None = None, jump_at: float | None = None,
                 jump: float = 0.0) -> None:
        self.now = START
        self.stop_after, self.jump_at, self.jump = stop_after, jump_at, jump

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        if self.stop_after is not None and self.now - START >= self.stop_after:
            raise KeyboardInterrupt
        if self.jump_at is not None and self.now - START >= self.jump_at:
            self.now += self.jump
            self.jump_at = None
        self.now += seconds


class Terminal(io.StringIO):
    """Standard input as if typed in a terminal; each line read takes `seconds` on `clock`."""

    def __init__(self, text: str, clock: FakeClock | None = None, seconds: float = 0.0) -> None:
        super().__init__(text)
        self.fake, self.seconds = clock, seconds

    def isatty(self) -> bool:
        return True

    def readline(self, *args) -> str:
        if self.fake is not None:
            self.fake.now += self.seconds
        return super().readline(*args)


@pytest.fixture
def fake_clock(monkeypatch):
    """Swap the player's clock for a fake one; `use(clock)` swaps in another."""
    def use(clock: FakeClock) -> FakeClock:
        monkeypatch.setattr(practices, "clock", clock.clock)
        monkeypatch.setattr(practices, "sleep", clock.sleep)
        return clock

    use(FakeClock())
    return use


# --- practice -----------------------------------------------------------------------------

@pytest.mark.practice("C1")
@pytest.mark.practice("G6")
def test_practice_lists_exercises_by_kind_and_names_those_held_back(capsys, local_user):
    ran = run(capsys, "practice")
    assert ran.code == 0
    assert "Grounding" in ran.said and "five-senses" in ran.said and "Five senses" in ran.said
    assert "Breathing" in ran.said and "longer-out-breath" in ran.said
    # At the default (steady) pace only the intense release practice waits.
    assert ran.said.count("held back at your pace") == 1
    assert ran.said.index("safe-release") < ran.said.index("held back at your pace")
    assert Session.objects.count() == 0


@pytest.mark.practice("C1")
def test_a_finished_practice_saves_its_measured_seconds_and_both_ratings(capsys, local_user,
                                                                        fake_clock):
    ran = run(capsys, "practice", "feet-and-chair", "--before", "2", "--after", "4")
    assert ran.code == 0
    saved = Session.objects.get()
    assert (saved.user, saved.exercise, saved.kind) == (local_user, "feet-and-chair", "grounding")
    assert (saved.seconds, saved.planned_seconds, saved.completed) == (180, 180, True)
    assert (saved.feel_before, saved.feel_after) == (2, 4)
    assert "Saved: Feet and chair, 3 min" in ran.said


@pytest.mark.practice("C1")
def test_ctrl_c_partway_saves_the_seconds_so_far_as_not_completed(capsys, local_user, fake_clock):
    fake_clock(FakeClock(stop_after=50))
    ran = run(capsys, "practice", "feet-and-chair", "--after", "6")
    assert ran.code == 0
    saved = Session.objects.get()
    assert (saved.seconds, saved.completed, saved.feel_after) == (50, False, 6)
    assert "Stopped here" in ran.said and "Saved what you did" in ran.said


@pytest.mark.practice("C1")
def test_after_ctrl_c_the_after_rating_is_still_asked_in_a_terminal(capsys, local_user, fake_clock,
                                                                     monkeypatch):
    fake_clock(FakeClock(stop_after=75))
    # Before: 3. After: 5. The last step asks a question, so a note is offered: skipped.
    monkeypatch.setattr("sys.stdin", Terminal("3\n5\n\n"))
    ran = run(capsys, "practice", "feet-and-chair")
    assert ran.code == 0
    assert "How much can you feel right now, 0-10 (Enter to skip)?" in ran.said
    saved = Session.objects.get()
    assert (saved.seconds, saved.completed, saved.feel_before, saved.feel_after, saved.note) == (
        75, False, 3, 5, "")


def test_a_rating_out_of_range_in_a_terminal_is_asked_again(capsys, local_user, fake_clock,
                                                           monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal("12\n4\n\nfelt my feet\n"))
    ran = run(capsys, "practice", "feet-and-chair")
    assert ran.code == 0
    assert "from 0 to 10" in ran.said
    saved = Session.objects.get()
    assert (saved.feel_before, saved.feel_after, saved.note) == (4, None, "felt my feet")


@pytest.mark.practice("C1")
def test_a_long_gap_between_ticks_is_not_counted(capsys, local_user, fake_clock):
    # The laptop sleeps for an hour a minute in: the session still says three minutes.
    fake_clock(FakeClock(jump_at=60, jump=3_600))
    ran = run(capsys, "practice", "feet-and-chair")
    assert ran.code == 0
    assert Session.objects.get().seconds == 180


@pytest.mark.practice("C1")
def test_untimed_steps_wait_for_enter_and_count_the_real_wait(capsys, local_user, fake_clock,
                                                              monkeypatch):
    clock = fake_clock(FakeClock())
    steps = len(practices_exercise("five-senses").steps)
    # Each line typed takes 20 s: the before rating, one Enter a step, the after rating, a note.
    monkeypatch.setattr("sys.stdin", Terminal("1\n" + "\n" * steps + "2\n\n", clock, 20))
    ran = run(capsys, "practice", "five-senses")
    assert ran.code == 0
    assert ran.said.count("Press Enter when you\u2019re ready") == steps
    saved = Session.objects.get()
    assert (saved.seconds, saved.planned_seconds, saved.completed) == (20 * steps, 0, True)
    assert (saved.feel_before, saved.feel_after) == (1, 2)


@pytest.mark.practice("C1")
def test_without_a_terminal_nothing_is_asked_and_untimed_steps_do_not_wait(capsys, local_user,
                                                                           fake_clock):
    ran = run(capsys, "practice", "five-senses")
    assert ran.code == 0
    assert "Press Enter" not in ran.said and "How much can you feel" not in ran.said
    saved = Session.objects.get()
    assert (saved.seconds, saved.completed, saved.feel_before, saved.feel_after) == (0, True, None, None)


@pytest.mark.practice("A5")
def test_minutes_stretch_a_timed_practice(capsys, local_user, fake_clock):
    ran = run(capsys, "practice", "body-scan", "--minutes", "2")
    assert ran.code == 0
    saved = Session.objects.get()
    assert (saved.exercise, saved.kind, saved.seconds, saved.planned_seconds) == (
        "body-scan", "body", 120, 120)


@pytest.mark.parametrize("argv, words", [
    (["nothing-like-this"], "I don\u2019t know an exercise called \u201cnothing-like-this\u201d"),
    (["body-scan", "--minutes", "0"], "from 1 to 60 minutes"),
    (["body-scan", "--minutes", "ten"], "Minutes are a whole number"),
    (["five-senses", "--minutes", "5"], "This practice has no timer"),
    (["body-scan", "--before", "11"], "from 0 to 10"),
    (["body-scan", "--after", "lots"], "from 0 to 10"),
])
def test_bad_practice_input_exits_1_kindly_and_saves_nothing(capsys, local_user, fake_clock, argv,
                                                            words):
    ran = run(capsys, "practice", *argv)
    assert ran.code == 1
    assert words in ran.said
    assert "Traceback" not in ran.said
    assert Session.objects.count() == 0


# --- breathe ------------------------------------------------------------------------------

@pytest.mark.practice("C3")
def test_breathe_runs_the_breathing_exercise_and_saves_its_time(capsys, local_user, fake_clock):
    ran = run(capsys, "breathe", "--before", "1", "--after", "3")
    assert ran.code == 0
    assert "Breathe in for about 4.0 seconds and out for about 6.0, 6 breaths a minute" in ran.said
    saved = Session.objects.get()
    assert (saved.exercise, saved.kind, saved.seconds, saved.completed) == (
        "longer-out-breath", "breathing", 180, True)
    assert (saved.feel_before, saved.feel_after) == (1, 3)


@pytest.mark.practice("C3")
def test_breathe_at_a_chosen_rate_and_length(capsys, local_user, fake_clock):
    ran = run(capsys, "breathe", "--rate", "4", "--minutes", "1")
    assert ran.code == 0
    assert "Breathe in for about 6.0 seconds and out for about 9.0, 4 breaths a minute" in ran.said
    assert (Session.objects.get().seconds, Session.objects.get().planned_seconds) == (60, 60)


@pytest.mark.practice("C3")
def test_the_pacer_fills_on_the_in_breath_and_empties_on_the_out_breath():
    pacer = practices_exercise("longer-out-breath").pacer
    assert practices._breath(pacer, 0) == ("Breathe in", 0.0)
    assert practices._breath(pacer, 2) == ("Breathe in", 0.5)
    assert practices._breath(pacer, 4) == ("Breathe out", 1.0)
    assert practices._breath(pacer, 7) == ("Breathe out", 0.5)
    assert practices._breath(pacer, 12) == ("Breathe in", 0.5)


@pytest.mark.practice("C3")
def test_ctrl_c_during_breathing_saves_the_time_so_far(capsys, local_user, fake_clock):
    fake_clock(FakeClock(stop_after=42))
    ran = run(capsys, "breathe")
    assert ran.code == 0
    saved = Session.objects.get()
    assert (saved.seconds, saved.completed) == (42, False)


@pytest.mark.parametrize("argv, words", [
    (["--rate", "20"], "from 3 to 12 breaths a minute"),
    (["--rate", "slow"], "a number of breaths a minute"),
    (["--minutes", "0"], "from 1 to 60 minutes"),
    (["--rate", "2", "--minutes", "99"], "from 3 to 12 breaths a minute"),
    (["--before", "-1"], "from 0 to 10"),
])
def test_bad_breathing_input_exits_1_kindly_and_saves_nothing(capsys, local_user, fake_clock, argv,
                                                             words):
    ran = run(capsys, "breathe", *argv)
    assert ran.code == 1
    assert words in ran.said
    assert Session.objects.count() == 0


def test_a_bad_rate_and_length_are_named_together(capsys, local_user, fake_clock):
    ran = run(capsys, "breathe", "--rate", "20", "--minutes", "0")
    assert ran.code == 1
    assert "breaths a minute" in ran.said and "from 1 to 60 minutes" in ran.said


# --- meditate -----------------------------------------------------------------------------

@pytest.mark.practice("C4")
def test_meditate_starts_at_two_minutes_and_rings_a_bell(capsys, local_user, fake_clock):
    ran = run(capsys, "meditate", "--before", "0", "--after", "1")
    assert ran.code == 0
    assert "\a" in ran.out
    saved = Session.objects.get()
    assert (saved.exercise, saved.kind, saved.seconds, saved.planned_seconds, saved.completed) == (
        "meditation-timer", "meditation", 120, 120, True)
    assert (saved.feel_before, saved.feel_after) == (0, 1)


@pytest.mark.practice("C4")
def test_meditate_grows_to_ten_minutes_and_can_be_quiet(capsys, local_user, fake_clock):
    ran = run(capsys, "meditate", "10", "--quiet")
    assert ran.code == 0
    assert "\a" not in ran.out
    assert Session.objects.get().seconds == 600


@pytest.mark.practice("C4")
def test_meditation_stopped_early_saves_honestly_without_a_bell(capsys, local_user, fake_clock):
    fake_clock(FakeClock(stop_after=30))
    ran = run(capsys, "meditate", "5")
    assert ran.code == 0
    assert "\a" not in ran.out
    saved = Session.objects.get()
    assert (saved.seconds, saved.planned_seconds, saved.completed) == (30, 300, False)


@pytest.mark.parametrize("minutes, words", [("0", "from 1 to 60 minutes"),
                                            ("61", "from 1 to 60 minutes"),
                                            ("2.5", "whole number")])
def test_bad_meditation_length_exits_1_and_saves_nothing(capsys, local_user, fake_clock, minutes,
                                                         words):
    ran = run(capsys, "meditate", minutes)
    assert ran.code == 1
    assert words in ran.said
    assert Session.objects.count() == 0


def test_the_real_clock_is_the_default():
    import time

    assert practices.clock is time.monotonic and practices.sleep is time.sleep


def practices_exercise(name: str):
    from thawing import content

    return content.exercises()[name]
