"""One load run: start the server, let the clients loose, kill it halfway if asked, read every write back."""

from __future__ import annotations

import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.common import is_loopback
from bench.load.browser import REQUEST_TIMEOUT
from bench.load.clients import Client
from bench.load.errors import LoadError
from bench.load.servers import PostgresServer, Server, SqliteServer
from bench.load.stats import Stats, summarise
from bench.load.verify import read_back
from bench.machine import cpu_seconds, load_average, summary


def load_run(*, target: str, clients: int = 50, seconds: float = 60, kill: bool = False,
             host: str = "127.0.0.1", port: int | None = None, think: float = 0.0, prefill: int = 0,
             warmup: float = 5.0, sessions_per_sign_in: int | None = None,
             say: Callable[[str], None] = lambda text: None) -> dict[str, Any]:
    """Start the server, drive it, optionally kill and restart it, verify every write; a dict of figures."""
    _check(target=target, host=host, clients=clients, seconds=seconds, prefill=prefill)
    server = make_server(target, host, port, prefill)
    if sessions_per_sign_in is None:
        # Local mode is one person, who signs in once; server accounts come back in new visits.
        sessions_per_sign_in = 0 if server.local else 5
    result: dict[str, Any] = {"target": target, "server": server.label, "clients": clients,
                              "seconds": seconds, "kill": kill, "think_seconds": think,
                              "warmup_seconds": warmup,
                              "sessions_per_sign_in": sessions_per_sign_in, "prefill_users": prefill,
                              "machine": summary(), "load_average_before": load_average()}
    stats: Stats | None = None
    try:
        say(f"Preparing {target} in {server.data_dir} ...")
        if warmup < 0:
            raise LoadError("The warm-up cannot be negative.")
        credentials = _start(server, clients, result)
        run_id = secrets.token_hex(4)
        say(f"Running {clients} clients for {warmup:g} s of warm-up + {seconds:g} s against "
            f"http://{host}:{server.port}/ ...")
        stats = Stats(measure_from=time.monotonic() + warmup)
        stats.until = stats.measure_from + seconds
        threads = [Client(i + 1, server, credentials[i], stats, run_id, think, sessions_per_sign_in,
                          delay=warmup * i / clients) for i in range(clients)]
        elapsed = _drive(server, stats, threads, kill=kill, result=result, say=say)
        say("Reading every acknowledged write back from the database ...")
        return _verified(result, stats, elapsed, read_back(server, stats.acknowledged(), run_id))
    finally:
        if stats is not None:
            stats.until = -math.inf  # no client starts another request
        server.cleanup()


def _check(*, target: str, host: str, clients: int, seconds: float, prefill: int) -> None:
    if not is_loopback(host):
        raise LoadError(f"{host} is not a loopback address: the load test only runs against this computer "
                        "(127.0.0.1 or ::1).")
    if clients < 1 or seconds <= 0:
        raise LoadError("Use at least one client and a positive number of seconds.")
    if prefill and target != "postgres":
        raise LoadError("--prefill-users is for --target postgres.")


def make_server(target: str, host: str, port: int | None, prefill: int) -> Server:
    return SqliteServer(host, port) if target == "sqlite" else PostgresServer(host, port, prefill=prefill)


def _start(server: Server, clients: int, result: dict[str, Any]) -> list[tuple[str, str]]:
    """Data and accounts for the clients, then the server; returns each client's credentials."""
    prepared = time.monotonic()
    credentials = server.prepare(clients)
    server.start()
    result["setup_seconds"] = round(time.monotonic() - prepared, 1)
    if getattr(server, "prefilled", None):
        result["prefilled_rows"] = server.prefilled  # type: ignore[attr-defined]
    return credentials


def _drive(server: Server, stats: Stats, threads: list[Client], *, kill: bool, result: dict[str, Any],
           say: Callable[[str], None]) -> float:
    """The clients' whole run, then the server stopped and its costs noted; returns the seconds measured."""
    begin = stats.measure_from  # the measured part starts after the warm-up
    seconds = stats.until - begin
    # The clients arrive one after another during the warm-up, not all in the same instant.
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, begin - time.monotonic()))
    meter = Meter.start(server)
    if kill:
        time.sleep(max(0.0, begin + seconds / 2 - time.monotonic()))
        _kill_and_restart(server, stats, result, say)
    for thread in threads:
        thread.join(timeout=max(0.0, stats.until - time.monotonic()) + REQUEST_TIMEOUT + 5)
    elapsed = time.monotonic() - begin
    stuck = [t.name for t in threads if t.is_alive()]
    if stuck:
        stats.error(f"{len(stuck)} clients still waiting at the end: {', '.join(stuck[:5])}")
    result["load_average_end"] = load_average()
    result.update(meter.spent(elapsed))
    if stats.errors:
        result["server_log_tail"] = server.log_tail()
    server.stop()
    return elapsed


def _kill_and_restart(server: Server, stats: Stats, result: dict[str, Any],
                      say: Callable[[str], None]) -> None:
    stats.went_down()
    killed = server.kill()
    say(f"Killed the server (SIGKILL to {len(killed)} processes); starting it again ...")
    stats.new_generation()
    server.start()
    result["restart_seconds"] = round(stats.came_back(), 2)
    result["killed_processes"] = len(killed)


@dataclass
class Meter:
    """CPU spent by the server and the database, and the database's commits, from a starting point."""

    server: Server
    commits: int
    database_cpu: float
    server_cpu: float

    @classmethod
    def start(cls, server: Server) -> Meter:
        db = getattr(server, "db", None)
        return cls(server, db.commits() if db else 0, cpu_seconds(db.postmaster_pid() or 0) if db else 0.0,
                   server.cpu())

    def spent(self, elapsed: float) -> dict[str, float]:
        found = {"server_cpu_seconds": round(self.server.cpu() - self.server_cpu, 1)}
        db = getattr(self.server, "db", None)
        if db:
            database_cpu = cpu_seconds(db.postmaster_pid() or 0)
            found["database_cpu_seconds"] = round(database_cpu - self.database_cpu, 1)
            found["database_commits_per_second"] = round((db.commits() - self.commits) / elapsed, 1)
        return found


def _verified(result: dict[str, Any], stats: Stats, elapsed: float, found: dict[str, Any]) -> dict[str, Any]:
    """The run's figures with what the database holds: lost writes, and the cost of a request."""
    result.update(summarise(stats, elapsed))
    result["verify"] = found
    result["lost_writes"] = found["missing_checkins"] + found["missing_journal"]
    if result["requests"]:
        for part in ("server", "database"):
            if f"{part}_cpu_seconds" in result:
                result[f"{part}_cpu_ms_per_request"] = round(
                    1000 * result[f"{part}_cpu_seconds"] / result["requests"], 1)
    return result
