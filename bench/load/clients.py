"""The load test's clients: each a thread doing what a person does, as fast as the server answers.

Sign in, then sessions of reading Today, opening the check-in form, posting a check-in that
carries a unique marker, sometimes (one in three) writing a journal entry, reading Today
again. A write counts as acknowledged only when the POST answers 302 to the page a saved
write leads to; the markers are what the verification looks for afterwards.
"""

from __future__ import annotations

import http.client
import random
import re
import threading
import time
from typing import NoReturn

from bench.load.browser import Browser, Response
from bench.load.servers import Server
from bench.load.stats import Stats

JOURNAL_SHARE = 1 / 3
EMOTIONS = ("numb", "tired", "calm", "sadness", "joy", "fear")
BODY = ("chest:tight", "shoulders:tense", "stomach:heavy", "hands:cold", "head:heavy")
WORDS = ("slow", "morning", "walk", "rain", "tea", "quiet", "far", "warm")


class Restart(Exception):
    """Start the session over (after an error, an interruption or being signed out)."""


class TimeUp(Restart):
    """The run is over: no new request."""


class Client(threading.Thread):
    def __init__(self, number: int, server: Server, credentials: tuple[str, str], stats: Stats,
                 run_id: str, think: float, sessions_per_sign_in: int,
                 delay: float = 0.0) -> None:
        super().__init__(name=f"client-{number}", daemon=True)
        self.number, self.server, self.stats = number, server, stats
        self.user, self.secret = credentials
        self.run_id, self.think = run_id, think
        self.browser = Browser(server.host, server.port)
        self.rng = random.Random(f"{run_id}:{number}")
        self.signed_in_generation: int | None = None
        self.seq = 0
        self.sessions_per_sign_in = sessions_per_sign_in
        self.sessions = 0
        self.delay = delay

    def run(self) -> None:
        time.sleep(self.delay)
        while time.monotonic() < self.stats.until:
            try:
                if self.sessions_per_sign_in and self.sessions >= self.sessions_per_sign_in:
                    self.new_visit()
                if self.signed_in_generation is None:
                    self.sign_in()
                self.session()
                self.sessions += 1
            except Restart:
                continue
            except Exception as error:  # noqa: BLE001 - any surprise is an error, reported
                self.stats.error(f"{self.user}: unexpected {type(error).__name__}: {error}")
                self.browser.close()
                time.sleep(0.1)
        self.browser.close()

    def new_visit(self) -> None:
        """A new visit from a fresh browser: no cookies, sign in again."""
        self.browser.close()
        self.browser.cookies.clear()
        self.signed_in_generation, self.sessions = None, 0

    def call(self, kind: str, method: str, path: str, form: list[tuple[str, str]] | None = None,
             *, expect: tuple[int, ...] = (200,)) -> Response:
        start = time.monotonic()
        if start >= self.stats.until:
            raise TimeUp
        try:
            answer = self.browser.request(method, path, form)
        except (OSError, http.client.HTTPException) as error:
            self.unanswered(kind, start, error)
        self.stats.record(kind, start, (time.monotonic() - start) * 1000)
        if answer.status in (301, 302, 303) and answer.location.startswith("/signin/") and \
                not path.startswith("/signin/"):
            self.signed_out(kind, answer)
        if answer.status not in expect:
            self.unexpected(kind, start, answer)
        if self.think:
            time.sleep(self.rng.uniform(0, 2 * self.think))
        return answer

    def unanswered(self, kind: str, start: float, error: Exception) -> NoReturn:
        """A request with no answer: interrupted while the server is down, else an error."""
        if self.stats.in_outage(start, time.monotonic()):
            self.stats.interrupt()
            time.sleep(0.1)
        else:
            self.stats.error(f"{kind}: {type(error).__name__}: {error}")
            time.sleep(0.05)
        raise Restart from None

    def signed_out(self, kind: str, answer: Response) -> NoReturn:
        # Local mode keeps the database key only in the server's memory: a restart signs everyone out.
        if self.server.local and self.signed_in_generation != self.stats.generation:
            self.stats.sign_in_again()
        else:
            self.stats.error(f"{kind}: signed out unexpectedly ({answer.status} to {answer.location})")
        self.signed_in_generation = None
        raise Restart

    def unexpected(self, kind: str, start: float, answer: Response) -> NoReturn:
        if answer.status >= 500 and self.stats.in_outage(start, time.monotonic()):
            self.stats.interrupt()
        else:
            self.stats.error(f"{kind}: HTTP {answer.status} ({answer.location or answer.body[:120]!r})")
        raise Restart

    def sign_in(self) -> None:
        generation = self.stats.generation
        page = self.call("sign-in page", "GET", "/signin/")
        form = [("csrfmiddlewaretoken", page.token())]
        form += [("passphrase", self.secret)] if self.server.local else \
            [("username", self.user), ("password", self.secret)]
        answer = self.call("sign in", "POST", "/signin/", form, expect=(302,))
        if answer.location != "/":
            self.stats.error(f"sign in: redirected to {answer.location}")
            raise Restart
        self.signed_in_generation = generation

    def marker(self) -> str:
        self.seq += 1
        return f"{self.run_id}-c{self.number:03d}-{self.seq:05d}"

    def session(self) -> None:
        self.call("today", "GET", "/")
        self.check_in()
        if self.rng.random() < JOURNAL_SHARE:
            self.write_journal()
        self.call("today", "GET", "/")

    def check_in(self) -> None:
        page = self.call("check-in form", "GET", "/checkins/new/")
        marker = self.marker()
        rng = self.rng
        form = [("csrfmiddlewaretoken", page.token()),
                ("mood", "cant-tell" if rng.random() < 0.1 else str(rng.randint(1, 10))),
                ("feel", str(rng.randint(0, 10))), ("note", f"a quiet afternoon ({marker})")]
        if rng.random() < 0.5:
            form += [("emotion", rng.choice(EMOTIONS)), ("intensity", str(rng.randint(1, 5)))]
        if rng.random() < 0.3:
            form.append(("body", rng.choice(BODY)))
        answer = self.call("check-in post", "POST", "/checkins/new/", form, expect=(302,))
        if answer.location != "/":
            self.stats.error(f"check-in post: redirected to {answer.location}")
            raise Restart
        self.stats.acknowledge(self.user, "checkins", marker)

    def write_journal(self) -> None:
        page = self.call("journal form", "GET", "/journal/new/")
        marker = self.marker()
        body = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(40, 160)))
        form = [("csrfmiddlewaretoken", page.token()), ("title", f"Entry {marker}"), ("body", body),
                ("tags", "load"), ("written_at", ""), ("prompt", "")]
        answer = self.call("journal post", "POST", "/journal/new/", form, expect=(302,))
        if not re.fullmatch(r"/journal/\d+/", answer.location):
            self.stats.error(f"journal post: redirected to {answer.location}")
            raise Restart
        self.stats.acknowledge(self.user, "journal", marker)
