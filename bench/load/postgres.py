"""A throwaway PostgreSQL cluster for the load test and the deployment smoke test."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.common import free_port
from bench.load.errors import LoadError

DATABASE = "thawing_bench"


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

