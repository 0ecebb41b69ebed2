"""Thawing's servers for the load test, each on loopback and able to be killed and started again.

- sqlite: `thawing init` with a passphrase, then `thawing serve` (waitress, local mode: one
  person, so every client shares the one profile and signs in with the passphrase);
- postgres: a throwaway cluster, a field key, `migrate`, one account per client made with
  `thawing adduser`, then gunicorn in server mode, as docs/deploy.md sets it up.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import ROOT, ServerDidNotStart, clean_env, free_port, wait_until_serving
from bench.generate import make_data_dir
from bench.load.errors import LoadError
from bench.load.postgres import Postgres
from bench.machine import alive, children_of, cpu_seconds

PASSPHRASE = "load test passphrase, not a secret"
PASSWORD = "load test password, not a secret"
GUNICORN_WORKERS = 4
GUNICORN_THREADS = 4
WAITRESS_THREADS = 8
START_TIMEOUT = 60.0
THAWING = [sys.executable, "-m", "thawing"]


def run_or_fail(args: Sequence[str], env: dict[str, str], *, timeout: float = 120, what: str = "") -> str:
    """What a command prints; LoadError with its output when it fails."""
    done = subprocess.run(list(args), env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise LoadError(f"{what or ' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


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
        try:
            wait_until_serving(self.process, self._sign_in_page, seconds=START_TIMEOUT)
        except ServerDidNotStart as error:
            raise LoadError(f"{error}:\n{self.log_tail()}") from None

    def _sign_in_page(self) -> None:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=5)
        try:
            conn.request("GET", "/signin/")
            if conn.getresponse().status != 200:
                raise http.client.HTTPException("not ready")
        finally:
            conn.close()

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

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)


class SqliteServer(Server):
    label = f"sqlite: thawing serve (waitress, {WAITRESS_THREADS} threads), local mode, encrypted SQLite"
    local = True

    def prepare(self, clients: int) -> list[tuple[str, str]]:
        env = dict(self.env, THAWING_PASSPHRASE=PASSPHRASE)
        run_or_fail([*THAWING, "init", "--name", "Load", "--timezone", "UTC"], env, what="thawing init")
        # One person: every client signs in with the passphrase to the one profile.
        return [("me", PASSPHRASE)] * clients

    def command(self) -> list[str]:
        return [*THAWING, "serve", "--no-browser", "--host", self.host,
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
        self.env["THAWING_FIELD_KEYS"] = run_or_fail([*THAWING, "new-field-key"], self.env,
                                                     what="thawing new-field-key").strip()
        run_or_fail([sys.executable, "-m", "django", "migrate", "--settings", "thawing.settings", "-v", "0"],
                    self.env, what="migrate")
        if self.prefill:
            self.prefilled = self._prefill()
        names = [f"load{i:03d}" for i in range(1, clients + 1)]
        add_users(names, self.env)
        return [(name, PASSWORD) for name in names]

    def _prefill(self) -> dict[str, int]:
        """Fill the database with background accounts first, in a process of its own."""
        folder = make_data_dir()
        try:
            out = run_or_fail([sys.executable, "-m", "bench.load", "--prefill-users", str(self.prefill)],
                              dict(self.env, THAWING_DATA_DIR=str(folder)), timeout=3600, what="prefill")
            return json.loads(out.strip().splitlines()[-1])
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def command(self) -> list[str]:
        return [sys.executable, "-m", "gunicorn", "thawing.wsgi", "-w", str(GUNICORN_WORKERS),
                "--threads", str(GUNICORN_THREADS), "-b",
                f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}",
                "--graceful-timeout", "5"]

    def cleanup(self) -> None:
        super().cleanup()
        self.db.stop()



def add_users(names: list[str], env: dict[str, str]) -> None:
    """`thawing adduser` once per account, a few at a time."""
    pending = list(names)
    running: list[tuple[str, subprocess.Popen[str]]] = []
    while pending or running:
        while pending and len(running) < 4:
            name = pending.pop(0)
            running.append((name, subprocess.Popen(
                [*THAWING, "adduser", name, "--timezone", "UTC"], env=env,
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
        name, proc = running.pop(0)
        output, _ = proc.communicate(timeout=120)
        if proc.returncode != 0:
            raise LoadError(f"thawing adduser {name} failed:\n{output}")
