"""Load and crash test: many people using Thawing at once, on loopback, and no write lost.

    python -m bench.load --target sqlite|postgres [--clients 50] [--seconds 60] [--kill] [--json]

It starts the server itself, in a temporary data folder it deletes afterwards:

- sqlite: `thawing init` with a passphrase, then `thawing serve` (waitress, local mode: one
  person, so every client shares the one profile and signs in with the passphrase);
- postgres: a throwaway PostgreSQL cluster on a free port, a field key (`thawing
  new-field-key`), `python -m django migrate`, one account per client made with `thawing
  adduser`, then `gunicorn thawing.wsgi -w 4 --threads 4` in server mode, as docs/deploy.md
  sets it up. --prefill-users N first adds N accounts with 90 days of records each
  (bench.generate), so the database is not empty.

Each client is a thread with its own cookies and keep-alive connection doing what a person
does: sign in, then sessions of reading Today, opening the check-in form, posting a check-in
carrying a unique marker, sometimes (one in three) writing a journal entry, reading Today
again. In server mode every fifth session is a new visit from a fresh browser that signs in
again; in local mode (one person) a client signs in once, and again after a restart. Clients
arrive one by one during the warm-up (5 s), which is not timed except for the sign-ins. There
is no pause between requests unless --think is given, so the server is saturated and latencies
include queueing (clients / requests per second = the typical wait). A write counts as acknowledged only
when the POST answers 302 to the page a saved write leads to. Afterwards a separate process
reads the database through Thawing's own services and reports every acknowledged marker that
is missing ("lost writes").

--kill: halfway through, the server is killed with SIGKILL (gunicorn's master and every
worker), then started again on the same port. Requests that fail while it is down are
counted as "interrupted", not as errors; in local mode the database key lives only in the
server's memory, so clients are signed out and sign in again (counted as well).

Only loopback addresses are accepted. Nothing here touches the real per-user data folder.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import ipaddress
import json
import math
import os
import platform
import random
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "load test passphrase, not a secret"
PASSWORD = "load test password, not a secret"
DATABASE = "thawing_bench"
GUNICORN_WORKERS = 4
GUNICORN_THREADS = 4
WAITRESS_THREADS = 8
REQUEST_TIMEOUT = 60.0  # as long as nginx waits for an answer by default (proxy_read_timeout)
START_TIMEOUT = 60.0
# Seconds after the restarted server first answers during which failures still count as interrupted.
GRACE = 2.0
JOURNAL_SHARE = 1 / 3
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
EMOTIONS = ("numb", "tired", "calm", "sadness", "joy", "fear")
BODY = ("chest:tight", "shoulders:tense", "stomach:heavy", "hands:cold", "head:heavy")


class LoadError(RuntimeError):
    """The load test could not run (a server that did not start, a refused target...)."""


# ------------------------------------------------------------------------------ helpers

def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def free_port(host: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host.strip("[]"), 0))
        return int(sock.getsockname()[1])


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any THAWING_* setting of the person running it."""
    # DJANGO_ALLOW_ASYNC_UNSAFE is for Playwright inside tests only; a real server never has it.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("THAWING_")
           and k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env["PYTHONPATH"] = str(REPO)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def run(args: Sequence[str], env: dict[str, str], *, timeout: float = 120, what: str = "") -> str:
    done = subprocess.run(list(args), env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise LoadError(f"{what or ' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile of `values` (0 when empty)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def _proc_stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name may hold spaces; the fields after it are fixed.
    return raw[raw.rindex(")") + 2:].split()


def _all_pids() -> list[int]:
    try:
        return [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return []


def children_of(pid: int) -> list[int]:
    return [p for p in _all_pids() if (stat := _proc_stat(p)) and int(stat[1]) == pid]


def cpu_seconds(root: int) -> float:
    """CPU time of `root` (with its reaped children) and its live children, from /proc (0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    stat = _proc_stat(root)
    if stat is None:
        return 0.0
    total = sum(int(x) for x in stat[11:15])  # utime stime cutime cstime
    for child in children_of(root):
        if (cstat := _proc_stat(child)) is not None:
            total += int(cstat[11]) + int(cstat[12])
    return total / tick


def alive(pid: int) -> bool:
    stat = _proc_stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")


# --------------------------------------------------------------------------- PostgreSQL

class Postgres:
    """A throwaway PostgreSQL cluster in a temporary folder, on a free loopback port.

    As root the cluster runs as the `postgres` user (initdb refuses root), as scripts/test does.
    Administration goes through the Unix socket in the cluster's folder (trusted); connections
    over 127.0.0.1 use `host_auth` ("trust", or "scram-sha-256" to require passwords).
    """

    def __init__(self, *, fsync: bool = True, database: str | None = DATABASE,
                 host_auth: str = "trust") -> None:
        self.bin = self.find_bin()
        if self.bin is None:
            raise LoadError("PostgreSQL is not installed (no initdb under /usr/lib/postgresql).")
        self.fsync, self.database, self.host_auth = fsync, database, host_auth
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="thawing-load-pg-"))
        self.started = False

    @staticmethod
    def find_bin() -> Path | None:
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                       key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.parent.name)] or [0])
        if found:
            return found[-1].parent
        initdb = shutil.which("initdb")
        return Path(initdb).parent if initdb else None

    def as_owner(self, *args: str, timeout: float = 60) -> str:
        """Run a command as the cluster's owner (postgres when we are root)."""
        command = shlex.join(args)
        full = (["su", "postgres", "-s", "/bin/sh", "-c", command] if os.geteuid() == 0
                else ["sh", "-c", command])
        done = subprocess.run(full, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            log = (self.dir / "log").read_text() if (self.dir / "log").exists() else ""
            raise LoadError(f"PostgreSQL: {command} failed:\n{done.stdout}{done.stderr}{log}")
        return done.stdout

    def tool(self, name: str, *args: str, timeout: float = 120) -> str:
        """A PostgreSQL client program (psql, createdb, pg_dump...) as the superuser, over the socket."""
        return self.as_owner(str(self.bin / name), "-h", str(self.dir), "-p", str(self.port),
                             "-U", "postgres", *args, timeout=timeout)

    def start(self) -> Postgres:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        data, log = self.dir / "data", self.dir / "log"
        self.as_owner(str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "--auth-local=trust",
                      f"--auth-host={self.host_auth}", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        if not self.fsync:
            options += " -c fsync=off"
        self.as_owner(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                      "-o", options, "start", timeout=90)
        self.started = True
        if self.database:
            self.sql(f"CREATE DATABASE {self.database}", database="postgres")
        return self

    def sql(self, statement: str, *, database: str | None = None) -> str:
        return self.tool("psql", "-d", database or self.database or "postgres", "-Atqc", statement).strip()

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{self.database}"

    def postmaster_pid(self) -> int | None:
        try:
            return int((self.dir / "data" / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def commits(self) -> int:
        query = f"SELECT xact_commit FROM pg_stat_database WHERE datname = '{self.database}'"
        return int(self.sql(query) or 0)

    def stop(self) -> None:
        if self.started:
            data = str(self.dir / "data")
            try:
                self.as_owner(str(self.bin / "pg_ctl"), "-D", data, "-m", "fast", "-w", "-t", "20", "stop",
                              timeout=30)
            except (LoadError, subprocess.TimeoutExpired):
                try:
                    self.as_owner(str(self.bin / "pg_ctl"), "-D", data, "-m", "immediate", "stop", timeout=30)
                except (LoadError, subprocess.TimeoutExpired):
                    pass
            self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)


# ------------------------------------------------------------------------------ servers

class Server:
    """A Thawing server process on loopback that can be killed and started again on the same port."""

    label = ""
    local = False

    def __init__(self, host: str, port: int | None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.data_dir = Path(tempfile.mkdtemp(prefix="thawing-load-"))
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = self.data_dir / "server.log"
        self.env: dict[str, str] = clean_env(THAWING_DATA_DIR=str(self.data_dir))
        self.cpu_before_restart = 0.0
        self.starts = 0

    # Subclasses: prepare() (data, accounts) and command().
    def prepare(self, clients: int) -> list[tuple[str, str]]:
        raise NotImplementedError

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(self.command(), env=self.env, cwd=self.data_dir, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        self.starts += 1
        self.wait_ready()

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise LoadError(f"The server exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                conn = http.client.HTTPConnection(self.host, self.port, timeout=5)
                conn.request("GET", "/signin/")
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        raise LoadError(f"The server did not answer within {START_TIMEOUT:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def pids(self) -> list[int]:
        if self.process is None:
            return []
        return [self.process.pid, *children_of(self.process.pid)]

    def cpu(self) -> float:
        return self.cpu_before_restart + (cpu_seconds(self.process.pid) if self.process else 0.0)

    def kill(self) -> list[int]:
        """SIGKILL the server and every process of it at once; returns the ids killed."""
        if self.process is None:
            return []
        pids = self.pids()
        self.cpu_before_restart += cpu_seconds(self.process.pid)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.02)
        self.process = None
        return pids

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except (ProcessLookupError, PermissionError):
            pass
        except subprocess.TimeoutExpired:
            self.kill()
        self.process = None

    def verify(self, written: dict[str, dict[str, list[str]]], marker_prefix: str) -> dict[str, Any]:
        """Read every user's check-ins and journal back in a fresh process through Thawing's services."""
        path = self.data_dir / "acknowledged.json"
        path.write_text(json.dumps({"users": written, "prefix": marker_prefix, "local": self.local}))
        env = dict(self.env, THAWING_PASSPHRASE=PASSPHRASE)
        out = run([sys.executable, "-m", "bench.load", "--verify-file", str(path)], env, timeout=300,
                  what="Reading the writes back")
        return json.loads(out.strip().splitlines()[-1])

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)


class SqliteServer(Server):
    label = f"sqlite: thawing serve (waitress, {WAITRESS_THREADS} threads), local mode, encrypted SQLite"
    local = True

    def prepare(self, clients: int) -> list[tuple[str, str]]:
        env = dict(self.env, THAWING_PASSPHRASE=PASSPHRASE)
        run([sys.executable, "-m", "thawing", "init", "--name", "Load", "--timezone", "UTC"], env,
            what="thawing init")
        # One person: every client signs in with the passphrase to the one profile.
        return [("me", PASSPHRASE)] * clients

    def command(self) -> list[str]:
        return [sys.executable, "-m", "thawing", "serve", "--no-browser", "--host", self.host,
                "--port", str(self.port), "--threads", str(WAITRESS_THREADS)]


class PostgresServer(Server):
    label = (f"postgres: gunicorn thawing.wsgi -w {GUNICORN_WORKERS} --threads {GUNICORN_THREADS}, "
             "server mode, PostgreSQL, free text encrypted (THAWING_FIELD_KEYS)")

    def __init__(self, host: str, port: int | None, *, prefill: int = 0) -> None:
        super().__init__(host, port)
        try:
            self.db = Postgres()
        except LoadError:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            raise
        self.prefill = prefill
        self.prefilled: dict[str, int] = {}
        self.env.update(THAWING_SECURE_COOKIES="0", THAWING_NEW_PASSWORD=PASSWORD)

    def prepare(self, clients: int) -> list[tuple[str, str]]:
        self.db.start()
        self.env["THAWING_DATABASE_URL"] = self.db.url
        # As docs/deploy.md sets it up: free text encrypted with a field key.
        self.env["THAWING_FIELD_KEYS"] = run([sys.executable, "-m", "thawing", "new-field-key"], self.env,
                                             what="thawing new-field-key").strip()
        run([sys.executable, "-m", "django", "migrate", "--settings", "thawing.settings", "-v", "0"],
            self.env, what="migrate")
        if self.prefill:
            from bench.generate import make_data_dir

            folder = make_data_dir()
            try:
                out = run([sys.executable, "-m", "bench.load", "--prefill-users", str(self.prefill)],
                          dict(self.env, THAWING_DATA_DIR=str(folder)), timeout=3600, what="prefill")
                self.prefilled = json.loads(out.strip().splitlines()[-1])
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        names = [f"load{i:03d}" for i in range(1, clients + 1)]
        pending = list(names)
        running: list[tuple[str, subprocess.Popen[str]]] = []
        # `thawing adduser` once per account, a few at a time.
        while pending or running:
            while pending and len(running) < 4:
                name = pending.pop(0)
                running.append((name, subprocess.Popen(
                    [sys.executable, "-m", "thawing", "adduser", name, "--timezone", "UTC"], env=self.env,
                    cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
            name, proc = running.pop(0)
            output, _ = proc.communicate(timeout=120)
            if proc.returncode != 0:
                raise LoadError(f"thawing adduser {name} failed:\n{output}")
        return [(name, PASSWORD) for name in names]

    def command(self) -> list[str]:
        return [sys.executable, "-m", "gunicorn", "thawing.wsgi", "-w", str(GUNICORN_WORKERS),
                "--threads", str(GUNICORN_THREADS), "-b",
                f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}",
                "--graceful-timeout", "5"]

    def cleanup(self) -> None:
        super().cleanup()
        self.db.stop()


# ------------------------------------------------------------------------------ clients

@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def location(self) -> str:
        return urllib.parse.urlsplit(self.headers.get("Location", "")).path

    def token(self) -> str:
        found = TOKEN.search(self.body)
        if not found:
            raise LoadError("No CSRF token in the page.")
        return found.group(1)


class Browser:
    """A keep-alive HTTP/1.1 connection with cookies, like one browser tab.

    `host` and `https` let it stand in for a TLS reverse proxy: it sends that Host header and
    `X-Forwarded-Proto: https`, and keeps Secure cookies (the proxy would pass them on).
    """

    def __init__(self, address: str, port: int, *, host: str | None = None, https: bool = False,
                 timeout: float = REQUEST_TIMEOUT) -> None:
        self.address, self.port, self.timeout = address, port, timeout
        self.host = host or f"{address}:{port}"
        self.https = https
        self.origin = f"{'https' if https else 'http'}://{self.host}"
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None
        self.used = False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn, self.used = None, False

    def _send(self, method: str, path: str, body: str | None, headers: dict[str, str]) -> Response:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.address, self.port, timeout=self.timeout)
            self.used = False
        self.conn.request(method, path, body=body, headers=headers)
        answer = self.conn.getresponse()
        text = answer.read().decode("utf-8", "replace")
        self.used = True
        if answer.will_close:
            self.close()
        for raw in answer.headers.get_all("Set-Cookie") or []:
            jar: http.cookies.SimpleCookie = http.cookies.SimpleCookie()
            jar.load(raw)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(answer.status, answer.headers, text)

    def request(self, method: str, path: str, form: Iterable[tuple[str, str]] | None = None) -> Response:
        headers = {"Host": self.host, "User-Agent": "thawing-bench-load"}
        if self.https:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(list(form))
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin,
                            "Referer": self.origin + path})
        reused = self.conn is not None and self.used
        try:
            try:
                return self._send(method, path, body, headers)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if not reused:
                    raise
                # The server closed an idle keep-alive connection before reading this request:
                # a browser sends it again on a new connection, and so do we.
                self.close()
                return self._send(method, path, body, headers)
        except (OSError, http.client.HTTPException):
            self.close()
            raise


class Restart(Exception):
    """Start the session over (after an error, an interruption or being signed out)."""


class TimeUp(Restart):
    """The run is over: no new request."""


@dataclass
class Stats:
    started: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    interrupted: int = 0
    resigned: int = 0
    requests: int = 0
    generation: int = 0  # bumped at each restart
    down_since: float | None = None
    up_again: float | None = None
    written: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    measure_from: float = 0.0  # requests started before this (the warm-up) are not timed
    after_restart: int = 0  # writes acknowledged by the restarted server
    until: float = math.inf  # when clients stop: the time asked for, plus the outage after a kill

    def record(self, kind: str, start: float, ms: float) -> None:
        warming = start < self.measure_from
        if warming and not kind.startswith("sign"):
            return
        with self.lock:
            # Most sign-ins happen while the clients arrive: timed, shown apart, not in the rate.
            self.latencies.setdefault(f"{kind} (warm-up)" if warming else kind, []).append(ms)
            if not warming:
                self.requests += 1

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(f"[{time.monotonic() - self.measure_from:+.1f} s] {text}")

    def in_outage(self, start: float, end: float) -> bool:
        with self.lock:
            if self.down_since is None or end < self.down_since:
                return False
            return self.up_again is None or start <= self.up_again + GRACE

    def acknowledge(self, user: str, kind: str, marker: str) -> None:
        with self.lock:
            self.written.setdefault(user, {"checkins": [], "journal": []})[kind].append(marker)
            if self.up_again is not None:
                self.after_restart += 1


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
                    # A new visit from a fresh browser: no cookies, sign in again.
                    self.browser.close()
                    self.browser.cookies.clear()
                    self.signed_in_generation, self.sessions = None, 0
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

    def call(self, kind: str, method: str, path: str, form: list[tuple[str, str]] | None = None,
             *, expect: tuple[int, ...] = (200,)) -> Response:
        start = time.monotonic()
        if start >= self.stats.until:
            raise TimeUp
        try:
            answer = self.browser.request(method, path, form)
        except (OSError, http.client.HTTPException) as error:
            end = time.monotonic()
            if self.stats.in_outage(start, end):
                with self.stats.lock:
                    self.stats.interrupted += 1
                time.sleep(0.1)
            else:
                self.stats.error(f"{kind}: {type(error).__name__}: {error}")
                time.sleep(0.05)
            raise Restart from None
        self.stats.record(kind, start, (time.monotonic() - start) * 1000)
        if answer.status in (301, 302, 303) and answer.location.startswith("/signin/") and \
                not path.startswith("/signin/"):
            expected = self.server.local and self.signed_in_generation != self.stats.generation
            if expected:
                with self.stats.lock:
                    self.stats.resigned += 1
            else:
                self.stats.error(f"{kind}: signed out unexpectedly ({answer.status} to {answer.location})")
            self.signed_in_generation = None
            raise Restart
        if answer.status not in expect:
            if answer.status >= 500 and self.stats.in_outage(start, time.monotonic()):
                with self.stats.lock:
                    self.stats.interrupted += 1
            else:
                self.stats.error(f"{kind}: HTTP {answer.status} ({answer.location or answer.body[:120]!r})")
            raise Restart
        if self.think:
            time.sleep(self.rng.uniform(0, 2 * self.think))
        return answer

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
        if rng.random() < JOURNAL_SHARE:
            page = self.call("journal form", "GET", "/journal/new/")
            marker = self.marker()
            body = " ".join(rng.choice(("slow", "morning", "walk", "rain", "tea", "quiet", "far", "warm"))
                            for _ in range(rng.randint(40, 160)))
            form = [("csrfmiddlewaretoken", page.token()), ("title", f"Entry {marker}"), ("body", body),
                    ("tags", "load"), ("written_at", ""), ("prompt", "")]
            answer = self.call("journal post", "POST", "/journal/new/", form, expect=(302,))
            if not re.fullmatch(r"/journal/\d+/", answer.location):
                self.stats.error(f"journal post: redirected to {answer.location}")
                raise Restart
            self.stats.acknowledge(self.user, "journal", marker)
        self.call("today", "GET", "/")


# -------------------------------------------------------------------------------- a run

KINDS = ("sign-in page (warm-up)", "sign in (warm-up)", "sign-in page", "sign in", "today", "check-in form",
         "check-in post", "journal form", "journal post")


def load_run(*, target: str, clients: int = 50, seconds: float = 60, kill: bool = False,
             host: str = "127.0.0.1", port: int | None = None, think: float = 0.0, prefill: int = 0,
             warmup: float = 5.0, sessions_per_sign_in: int | None = None,
             say: Callable[[str], None] = lambda text: None) -> dict[str, Any]:
    """Start the server, drive it, optionally kill and restart it, verify every write; a dict of figures."""
    if not is_loopback(host):
        raise LoadError(f"{host} is not a loopback address: the load test only runs against this computer "
                        "(127.0.0.1 or ::1).")
    if clients < 1 or seconds <= 0:
        raise LoadError("Use at least one client and a positive number of seconds.")
    if prefill and target != "postgres":
        raise LoadError("--prefill-users is for --target postgres.")
    server: Server = (SqliteServer(host, port) if target == "sqlite"
                      else PostgresServer(host, port, prefill=prefill))
    if sessions_per_sign_in is None:
        # Local mode is one person, who signs in once; server accounts come back in new visits.
        sessions_per_sign_in = 0 if server.local else 5
    result: dict[str, Any] = {"target": target, "server": server.label, "clients": clients,
                              "seconds": seconds,
                              "kill": kill, "think_seconds": think, "warmup_seconds": warmup,
                              "sessions_per_sign_in": sessions_per_sign_in,
                              "prefill_users": prefill,
                              "machine": machine(), "load_average_before": _loadavg()}
    stats: Stats | None = None
    try:
        say(f"Preparing {target} in {server.data_dir} ...")
        if warmup < 0:
            raise LoadError("The warm-up cannot be negative.")
        prepared = time.monotonic()
        credentials = server.prepare(clients)
        server.start()
        result["setup_seconds"] = round(time.monotonic() - prepared, 1)
        if getattr(server, "prefilled", None):
            result["prefilled_rows"] = server.prefilled  # type: ignore[attr-defined]
        run_id = secrets.token_hex(4)
        say(f"Running {clients} clients for {warmup:g} s of warm-up + {seconds:g} s against "
            f"http://{host}:{server.port}/ ...")
        stats = Stats(measure_from=time.monotonic() + warmup)
        begin = stats.measure_from  # the measured part starts after the warm-up
        stats.until = begin + seconds
        # The clients arrive one after another during the warm-up, not all in the same instant.
        threads = [Client(i + 1, server, credentials[i], stats, run_id, think, sessions_per_sign_in,
                          delay=warmup * i / clients) for i in range(clients)]
        for thread in threads:
            thread.start()
        time.sleep(max(0.0, begin - time.monotonic()))
        db = getattr(server, "db", None)
        commits_before = db.commits() if db else 0
        db_cpu_before = cpu_seconds(db.postmaster_pid() or 0) if db else 0.0
        server_cpu_before = server.cpu()
        if kill:
            time.sleep(max(0.0, begin + seconds / 2 - time.monotonic()))
            with stats.lock:
                stats.down_since = time.monotonic()
            killed = server.kill()
            say(f"Killed the server (SIGKILL to {len(killed)} processes); starting it again ...")
            with stats.lock:
                stats.generation += 1
            server.start()
            with stats.lock:
                stats.up_again = time.monotonic()
                # The time asked for is load time: the outage does not count against it.
                stats.until += stats.up_again - stats.down_since
            result["restart_seconds"] = round(stats.up_again - stats.down_since, 2)
            result["killed_processes"] = len(killed)
        for thread in threads:
            thread.join(timeout=max(0.0, stats.until - time.monotonic()) + REQUEST_TIMEOUT + 5)
        elapsed = time.monotonic() - begin
        stuck = [t.name for t in threads if t.is_alive()]
        if stuck:
            stats.error(f"{len(stuck)} clients still waiting at the end: {', '.join(stuck[:5])}")
        result["load_average_end"] = _loadavg()
        result["server_cpu_seconds"] = round(server.cpu() - server_cpu_before, 1)
        if db:
            result["database_cpu_seconds"] = round(cpu_seconds(db.postmaster_pid() or 0) - db_cpu_before, 1)
            result["database_commits_per_second"] = round((db.commits() - commits_before) / elapsed, 1)
        if stats.errors:
            result["server_log_tail"] = server.log_tail()
        server.stop()
        say("Reading every acknowledged write back from the database ...")
        with stats.lock:
            written = {user: {k: list(v) for k, v in kinds.items()} for user, kinds in stats.written.items()}
        found = server.verify(written, run_id)
        result.update(summarise(stats, elapsed))
        result["verify"] = found
        result["lost_writes"] = found["missing_checkins"] + found["missing_journal"]
        if result["requests"]:
            for part in ("server", "database"):
                if f"{part}_cpu_seconds" in result:
                    result[f"{part}_cpu_ms_per_request"] = round(
                        1000 * result[f"{part}_cpu_seconds"] / result["requests"], 1)
        return result
    finally:
        if stats is not None:
            stats.until = -math.inf  # no client starts another request
        server.cleanup()


def summarise(stats: Stats, elapsed: float) -> dict[str, Any]:
    kinds = {}
    everything: list[float] = []
    for kind in KINDS + tuple(k for k in stats.latencies if k not in KINDS):
        values = stats.latencies.get(kind, [])
        if not values:
            continue
        if not kind.endswith("(warm-up)"):
            everything += values
        kinds[kind] = {"count": len(values), "p50_ms": round(percentile(values, 50), 1),
                       "p95_ms": round(percentile(values, 95), 1), "p99_ms": round(percentile(values, 99), 1),
                       "max_ms": round(max(values), 1)}
    kinds["all"] = {"count": len(everything), "p50_ms": round(percentile(everything, 50), 1),
                    "p95_ms": round(percentile(everything, 95), 1),
                    "p99_ms": round(percentile(everything, 99), 1),
                    "max_ms": round(max(everything), 1) if everything else 0.0}
    return {
        "elapsed_seconds": round(elapsed, 1), "requests": stats.requests,
        "requests_per_second": round(stats.requests / elapsed, 1) if elapsed else 0.0,
        "latency": kinds, "errors": len(stats.errors), "error_samples": stats.errors[:20],
        "interrupted": stats.interrupted, "signed_in_again": stats.resigned,
        "acknowledged_checkins": sum(len(v["checkins"]) for v in stats.written.values()),
        "acknowledged_journal": sum(len(v["journal"]) for v in stats.written.values()),
        "acknowledged_after_restart": stats.after_restart,
    }


def _loadavg() -> list[float]:
    """The 1-minute load average (other programs on the machine compete with the run)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs {model}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def table(result: dict[str, Any]) -> str:
    lines = [f"Thawing load test: {result['server']}",
             f"new visit (sign in again) every {result['sessions_per_sign_in']} sessions"
             if result["sessions_per_sign_in"] else "each client signs in once (and after a restart)",
             f"{result['clients']} clients for {result['seconds']:g} s (after {result['warmup_seconds']:g} s "
             f"of warm-up) on {result['machine']}"
             + (f", server SIGKILLed at {result['seconds'] / 2:g} s and restarted in "
                f"{result.get('restart_seconds', 0):.1f} s" if result["kill"] else ""),
             "", f"{'request':<24}{'count':>8}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'max ms':>10}"]
    for kind, row in result["latency"].items():
        lines.append(f"{kind:<24}{row['count']:>8}{row['p50_ms']:>10.1f}{row['p95_ms']:>10.1f}"
                     f"{row['p99_ms']:>10.1f}{row['max_ms']:>10.1f}")
    found = result["verify"]
    lines += ["",
              f"requests/s: {result['requests_per_second']:.1f} ({result['requests']} in "
              f"{result['elapsed_seconds']:.1f} s)",
              f"errors: {result['errors']}",
              f"interrupted (failed while the server was down): {result['interrupted']}",
              f"signed in again after the restart: {result['signed_in_again']}",
              f"acknowledged writes: {result['acknowledged_checkins']} check-ins, "
              f"{result['acknowledged_journal']} journal entries",
              f"found in the database: {found['found_checkins']} check-ins, {found['found_journal']} "
              f"journal entries ({found['unacknowledged_present']} more saved but not acknowledged)",
              f"lost writes: {result['lost_writes']}",
              f"load average (1, 5, 15 min) before: {result['load_average_before']}, "
              f"at the end: {result['load_average_end']}",
              f"server CPU: {result['server_cpu_seconds']:.1f} s "
              f"({result.get('server_cpu_ms_per_request', 0):.1f} ms a request)"
              + (f"; database CPU: {result['database_cpu_seconds']:.1f} s "
                 f"({result.get('database_cpu_ms_per_request', 0):.1f} ms a request), "
                 f"{result['database_commits_per_second']:.1f} commits/s" if "database_cpu_seconds" in result
                 else "")]
    for sample in result["error_samples"]:
        lines.append(f"  error: {sample}")
    for missing in found.get("missing_samples", []):
        lines.append(f"  LOST: {missing}")
    if result.get("server_log_tail"):
        lines += ["", "server log (last lines):", result["server_log_tail"]]
    return "\n".join(lines)


# ------------------------------------------------------------------- bench/RESULTS.md

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BLOCK_BEGIN = ("<!-- bench.load: begin. Written by python -m bench.load --record; "
               "python -m bench keeps it. -->")
BLOCK_END = "<!-- bench.load: end -->"
RESULTS_HEAD = ("| run | when, commit | requests/s | all requests p50 / p95 / p99 | check-in post p50 / p99 "
                "| errors | failed while down | acknowledged writes | lost |")


def run_label(result: dict[str, Any]) -> str:
    """The configuration a row of the results table stands for (one row each)."""
    label = f"{result['server']}, {result['clients']} clients for {result['seconds']:g} s"
    if result.get("prefill_users"):
        label += f", {result['prefill_users']:,} more accounts of 90 days in the database"
    if result.get("think_seconds"):
        label += f", {result['think_seconds']:g} s think time"
    if result["kill"]:
        label += (f", SIGKILL at {result['seconds'] / 2:g} s, back in "
                  f"{result.get('restart_seconds', 0):.1f} s")
    return label.replace("|", "/")


def results_row(result: dict[str, Any], commit: str) -> str:
    every, post = result["latency"]["all"], result["latency"].get("check-in post", {})

    def seconds(ms: float) -> str:
        return f"{ms / 1000:.2f}"

    when = f"{time.strftime('%Y-%m-%d')}, {commit}" if commit else time.strftime("%Y-%m-%d")
    posts = (f"{seconds(post['p50_ms'])} / {seconds(post['p99_ms'])} s" if post else "")
    return (f"| {run_label(result)} | {when} | {result['requests_per_second']:.1f} | "
            f"{seconds(every['p50_ms'])} / {seconds(every['p95_ms'])} / {seconds(every['p99_ms'])} s | "
            f"{posts} | {result['errors']} | {result['interrupted']} | "
            f"{result['acknowledged_checkins'] + result['acknowledged_journal']} | "
            f"**{result['lost_writes']}** |")


def load_block(text: str) -> str:
    """The load-test section of a RESULTS.md text, markers included ("" when there is none)."""
    start = text.find(BLOCK_BEGIN)
    end = text.find(BLOCK_END, start) if start >= 0 else -1
    return text[start:end + len(BLOCK_END)] if end >= 0 else ""


def record(result: dict[str, Any], path: Path = RESULTS) -> None:
    """Put this run's row into the load-test section of bench/RESULTS.md (same run: replaced)."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=REPO, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    old = load_block(text)
    label = run_label(result)
    rows = [line for line in old.splitlines()
            if line.startswith("| ") and not line.startswith(("| run |", "|---"))
            and line.split(" | ")[0][2:] != label]
    rows.append(results_row(result, commit))
    block = "\n".join([
        BLOCK_BEGIN, "## Load and crash tests", "",
        "`python -m bench.load --target sqlite|postgres [--kill] [--prefill-users N] --record`: "
        "clients on loopback with no pause between requests, so the server is saturated and the "
        "latencies include queueing. A write counts when the server acknowledged it; \"lost\" is "
        "an acknowledged write missing from the database afterwards (read back through "
        "Thawing's services). Each row is its own run, on the machine described above; the "
        f"latest: {result['machine']}, load average before it {result['load_average_before']} "
        "(the client threads themselves count in the load average).", "",
        RESULTS_HEAD, "|---|---|---:|---:|---:|---:|---:|---:|---:|", *rows, "", BLOCK_END])
    if old:
        text = text.replace(old, block)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


# ----------------------------------------------------------- helpers run in a fresh process

def verify_file(path: str) -> dict[str, Any]:
    """Every acknowledged marker, looked up through Thawing's services (run with the server's env)."""
    from thawing.cli import setup

    spec = json.loads(Path(path).read_text())
    setup.django()
    from thawing.accounts import services as accounts
    from thawing.checkins import services as checkins
    from thawing.journal import services as journal

    prefix = spec["prefix"]
    pattern = re.compile(re.escape(prefix) + r"-c\d{3}-\d{5}")
    report = {"found_checkins": 0, "found_journal": 0, "missing_checkins": 0, "missing_journal": 0,
              "unacknowledged_present": 0, "missing_samples": []}
    # Local mode: one profile, which every client wrote to as "me".
    local_user = setup.user() if spec["local"] else None
    for name, kinds in spec["users"].items():
        user = local_user if spec["local"] else accounts.account_named(name)
        if user is None:
            report["missing_checkins"] += len(kinds["checkins"])
            report["missing_journal"] += len(kinds["journal"])
            report["missing_samples"].append(f"account {name} not found")
            continue
        present = {
            "checkins": {m for c in checkins.list_checkins(user=user) for m in pattern.findall(c.note or "")},
            "journal": {m for e in journal.list_entries(user=user, limit=None)
                        for m in pattern.findall(e.title or "")},
        }
        for kind, there in present.items():
            wanted = set(kinds[kind])
            lost = sorted(wanted - there)
            report[f"found_{kind}"] += len(wanted & there)
            report[f"missing_{kind}"] += len(lost)
            report["missing_samples"] += [f"{name} {kind} {m}" for m in lost[:10]]
            report["unacknowledged_present"] += len(there - wanted)
    report["missing_samples"] = report["missing_samples"][:20]
    return report


def prefill_users(count: int) -> dict[str, int]:
    """Background accounts with 90 days each (bench.generate.generate_many) in the bench database."""
    from thawing.cli import setup

    setup.django()
    from bench.generate import generate_many

    return generate_many(users=count, days=90, prefix="many")


# -------------------------------------------------------------------------------- the CLI

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", choices=("sqlite", "postgres"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--kill", action="store_true", help="SIGKILL the server halfway and restart it")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to listen on (only loopback)")
    parser.add_argument("--port", type=int, default=None, help="port (default: a free one)")
    parser.add_argument("--warmup", type=float, default=5.0,
                        help="seconds of load before timing starts (writes in it are verified too)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean pause between a client's requests, in seconds (default 0: saturate)")
    parser.add_argument("--sessions-per-sign-in", type=int, default=None,
                        help="a client starts a new visit (fresh cookies, sign in) after this many "
                             "sessions; 0: sign in once (default: 5 for postgres, 0 for sqlite)")
    parser.add_argument("--prefill-users", type=int, default=0,
                        help="postgres: first fill the database with this many accounts of 90 days each")
    parser.add_argument("--record", action="store_true",
                        help="put this run's figures into bench/RESULTS.md (its load-test section)")
    parser.add_argument("--verify-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.verify_file:
        print(json.dumps(verify_file(args.verify_file)))
        return 0
    if args.prefill_users and not args.target:
        print(json.dumps(prefill_users(args.prefill_users)))
        return 0
    if not args.target:
        parser.error("--target sqlite or --target postgres is required")

    def on_term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    say = (lambda text: print(text, file=sys.stderr, flush=True)) if args.json else \
        (lambda text: print(text, flush=True))
    try:
        result = load_run(target=args.target, clients=args.clients, seconds=args.seconds, kill=args.kill,
                          host=args.host, port=args.port, think=args.think, prefill=args.prefill_users,
                          warmup=args.warmup, sessions_per_sign_in=args.sessions_per_sign_in, say=say)
    except LoadError as error:
        print(f"bench.load: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bench.load: stopped; cleaned up.", file=sys.stderr)
        return 130
    print(json.dumps(result, indent=2) if args.json else table(result))
    if args.record:
        record(result)
        say(f"Recorded in {RESULTS}")
    return 0 if result["errors"] == 0 and result["lost_writes"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
