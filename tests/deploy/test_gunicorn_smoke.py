"""docs/deploy.md, run on loopback: its own commands, in its order, with PostgreSQL and gunicorn.

The commands are read from the document's code blocks, so the recipe and this test cannot
drift apart: a throwaway PostgreSQL cluster (our own on a free port, whatever
THAWING_DATABASE_URL says) gets the role and database of section 1; the environment file of
section 3 is written with test values and loaded the way the document loads it; `migrate` and
`thawing adduser` (section 4) and the unit's ExecStart line (section 5, with 2 workers) run as
written. The test then plays the TLS reverse proxy (Host, X-Forwarded-Proto: https) and a
browser: sign in, check in, read it back on Today (and not in the database's own columns:
the field key made as section 3 says encrypts it). Then `check --deploy` (section 8),
`collectstatic` (section 6), and the backup script and restore test of section 9.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.load import REPO, Browser, Postgres, children_of, clean_env, free_port

DOC = REPO / "docs" / "deploy.md"
HOST = "thawing.example.org"
USER_PASSWORD = "a long account password"
_SCRIPT = Path(sys.executable).parent / "gunicorn"
GUNICORN = str(_SCRIPT) if _SCRIPT.exists() else shutil.which("gunicorn")

pytestmark = pytest.mark.skipif(
    Postgres.find_bin() is None or GUNICORN is None,
    reason="needs PostgreSQL's programs (Debian: postgresql) and gunicorn (pip: gunicorn)",
)


def doc_blocks() -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```", DOC.read_text(), re.S | re.M)


def doc_block(containing: str) -> str:
    found = [block for block in doc_blocks() if containing in block]
    assert len(found) == 1, f"docs/deploy.md should have one code block with {containing!r}"
    return found[0]


def doc_line(line: str) -> str:
    """`line`, after checking that the document has exactly this command line."""
    lines = {text.strip() for block in doc_blocks() for text in block.splitlines()}
    assert line in lines, f"docs/deploy.md should have the command line {line!r}"
    return line


def doc_line_with(fragment: str) -> str:
    """The one command line of the document that contains `fragment`."""
    found = {text.strip() for block in doc_blocks() for text in block.splitlines()
             if fragment in text and not text.lstrip().startswith("#")}
    assert len(found) == 1, f"docs/deploy.md should have one command line with {fragment!r}: {found}"
    return found.pop()


@dataclass
class Deployment:
    pg: Postgres
    folder: Path
    port: int = 0
    gunicorn: subprocess.Popen[bytes] | None = None
    values: dict[str, str] = field(default_factory=dict)

    def substitute(self, text: str) -> str:
        for placeholder, value in self.values.items():
            text = text.replace(placeholder, value)
        return text

    def command(self, line: str) -> list[str] | None:
        """The arguments to run one line of the document, with the settings file loaded as it says.

        `sudo -u postgres X` runs X as the cluster's superuser (over its socket); other lines run
        in the settings shell of section 3 (`set -a; . /etc/thawing/env; set +a`); a line that is
        itself `sh -c '...'` runs as it is. Returns None for a PostgreSQL line (already run).
        """
        words = shlex.split(self.substitute(line))
        if words[:3] == ["sudo", "-u", "postgres"]:
            self.pg.tool(*words[3:])
            return None
        if words[:3] == ["sudo", "-u", "thawing"]:
            words = words[3:]
        if words[:2] == ["sh", "-c"]:
            return words
        return ["sh", "-c", 'set -a; . "$0"; set +a; exec env "$@"', self.values["/etc/thawing/env"], *words]

    def run(self, line: str, *, timeout: float = 90, bare: bool = False, **extra_env: str) -> str:
        """Run a line of the document (`bare`: as it is, without the settings file)."""
        args = shlex.split(self.substitute(line)) if bare else self.command(line)
        if args is None:
            return ""
        done = subprocess.run(args, env=clean_env(**extra_env), capture_output=True, text=True,
                              timeout=timeout)
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def log(self) -> str:
        """The end of gunicorn's log, for failure messages."""
        path = self.folder / "gunicorn.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-30:]) if path.exists() else ""

    def browser(self) -> Browser:
        """A client as the TLS proxy forwards it: the public host name, https."""
        return Browser("127.0.0.1", self.port, host=HOST, https=True, timeout=20)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("deploy")
    pg = Postgres(fsync=False, database=None, host_auth="scram-sha-256")
    deployment = Deployment(pg, folder)
    try:
        pg.start()
        deployment.port = free_port()
        env_file = folder / "env"
        deployment.values = {
            "the-database-password": secrets.token_urlsafe(24),
            "127.0.0.1:5432": f"127.0.0.1:{pg.port}",
            "the-secret-key": secrets.token_urlsafe(50),
            "/etc/thawing/env": str(env_file),
            "/var/lib/thawing": str(folder / "data"),
            "/var/backups/thawing": str(pg.dir / "backups"),
            "/usr/local/bin/thawing-backup": str(pg.dir / "thawing-backup"),
            "/opt/thawing/bin/python": sys.executable,
            "/opt/thawing/bin/gunicorn": str(GUNICORN),
            "127.0.0.1:8000": f"127.0.0.1:{deployment.port}",
        }
        # 1. PostgreSQL: a role that logs in with a password (checked: scram), a database it owns.
        deployment.run(doc_line_with("CREATE ROLE thawing"))
        deployment.run(doc_line("sudo -u postgres createdb --owner=thawing thawing"))
        # 3. The settings file, with this test's values and a field key made as the document says.
        (folder / "data").mkdir()
        field_key = deployment.run(doc_line("/opt/thawing/bin/python -m thawing new-field-key"), bare=True,
                                   THAWING_DATA_DIR=str(folder / "data")).strip()
        assert re.fullmatch(r"[\w.-]+:[\w-]{43}", field_key), field_key
        deployment.values["the-field-key"] = field_key
        env_file.write_text(deployment.substitute(doc_block("# /etc/thawing/env")))
        deployment.run(doc_line("sudo -u thawing sh -c 'set -a; . /etc/thawing/env; exec "
                                "/opt/thawing/bin/python -m django migrate'"))
        # 4. Schema (again: nothing left to do) and an account.
        deployment.run(doc_line("/opt/thawing/bin/python -m django migrate"))
        deployment.run(doc_line_with("-m thawing adduser"), THAWING_NEW_PASSWORD=USER_PASSWORD)
        # 5. The unit's ExecStart, with 2 workers.
        unit_line = doc_line_with("ExecStart=/opt/thawing/bin/gunicorn")
        exec_start = unit_line.split("=", 1)[1].replace("--workers 4", "--workers 2")
        assert "--workers 2" in exec_start
        with (folder / "gunicorn.log").open("wb") as log:
            deployment.gunicorn = subprocess.Popen(
                deployment.command(exec_start), env=clean_env(), cwd=folder, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True)
        _wait_until_up(deployment, folder / "gunicorn.log")
        yield deployment
    finally:
        if deployment.gunicorn is not None:
            try:
                os.killpg(deployment.gunicorn.pid, signal.SIGTERM)
                deployment.gunicorn.wait(timeout=15)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(deployment.gunicorn.pid, signal.SIGKILL)
                deployment.gunicorn.wait(timeout=5)
        pg.stop()


def _wait_until_up(deployment: Deployment, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert deployment.gunicorn is not None and deployment.gunicorn.poll() is None, \
            f"gunicorn exited:\n{log.read_text()}"
        try:
            if deployment.browser().request("GET", "/signin/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"gunicorn did not answer in 30 s:\n{log.read_text()}")


def _sign_in_and_check_in(deployment: Deployment, marker: str) -> Browser:
    browser = deployment.browser()
    page = browser.request("GET", "/signin/")
    assert page.status == 200
    signed = browser.request("POST", "/signin/", [
        ("csrfmiddlewaretoken", page.token()), ("username", "alice"), ("password", USER_PASSWORD)])
    assert (signed.status, signed.location) == (302, "/"), deployment.log()
    cookies = signed.headers.get_all("Set-Cookie") or []
    session = [c for c in cookies if c.startswith("thawing_session=")]
    assert session and "Secure" in session[0] and "HttpOnly" in session[0], cookies
    form = browser.request("GET", "/checkins/new/")
    assert form.status == 200
    saved = browser.request("POST", "/checkins/new/", [
        ("csrfmiddlewaretoken", form.token()), ("mood", "4"), ("feel", "3"), ("emotion", "tired"),
        ("intensity", "2"), ("body", "chest:tight"), ("note", f"smoke test {marker}")])
    assert (saved.status, saved.location) == (302, "/"), deployment.log()
    return browser


def test_sign_in_check_in_and_read_it_back_through_gunicorn(deployment: Deployment) -> None:
    assert deployment.gunicorn is not None
    assert len(children_of(deployment.gunicorn.pid)) == 2  # two workers
    marker = secrets.token_hex(6)
    browser = _sign_in_and_check_in(deployment, marker)
    today = browser.request("GET", "/")
    assert today.status == 200, deployment.log()
    assert f"smoke test {marker}" in today.body
    assert today.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "default-src 'self'" in today.headers["Content-Security-Policy"]
    assert today.headers["Cache-Control"] == "no-store"
    # With THAWING_FIELD_KEYS the note is stored encrypted: the database itself does not hold it.
    assert deployment.pg.sql("SELECT count(*) FROM checkins_checkin", database="thawing") != "0"
    assert deployment.pg.sql(f"SELECT count(*) FROM checkins_checkin WHERE note LIKE '%{marker}%'",
                             database="thawing") == "0"
    # whitenoise serves the packaged static files through gunicorn, no collectstatic needed.
    css = deployment.browser().request("GET", "/static/thawing/css/thawing.css")
    assert css.status == 200 and css.headers["Content-Type"].startswith("text/css")
    # A request that did not come through TLS is sent to https, never answered.
    plain = Browser("127.0.0.1", deployment.port, host=HOST).request("GET", "/signin/")
    assert (plain.status, plain.headers["Location"]) == (301, f"https://{HOST}/signin/")
    # A host the operator did not allow is refused.
    stranger = Browser("127.0.0.1", deployment.port, host="evil.example", https=True)
    assert stranger.request("GET", "/signin/").status == 400


def test_the_housekeeping_timer_runs_its_commands(deployment: Deployment) -> None:
    service = doc_block("# /etc/systemd/system/thawing-housekeeping.service")
    commands = [line.split("=", 1)[1] for line in service.splitlines() if line.startswith("ExecStart=")]
    assert [command.split()[-1] for command in commands] == ["clearsessions", "sweep_imports"]
    for command in commands:
        deployment.run(command)
    assert "OnCalendar=" in doc_block("# /etc/systemd/system/thawing-housekeeping.timer")


def test_check_deploy_reports_nothing(deployment: Deployment) -> None:
    args = deployment.command(doc_line_with("-m django check --deploy"))
    assert args is not None
    done = subprocess.run([*args, "--fail-level", "WARNING"], env=clean_env(), capture_output=True, text=True,
                          timeout=60)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "System check identified no issues" in output, output


def test_collectstatic_for_a_proxy(deployment: Deployment) -> None:
    deployment.run(doc_line_with("collectstatic --noinput"))
    assert (deployment.folder / "data" / "static" / "thawing" / "css" / "thawing.css").is_file()


def test_nightly_backup_keeps_30_days_and_restores(deployment: Deployment) -> None:
    marker = secrets.token_hex(6)
    _sign_in_and_check_in(deployment, marker)
    pg = deployment.pg
    backups, script = pg.dir / "backups", pg.dir / "thawing-backup"
    script.write_text(deployment.substitute(doc_block("# /usr/local/bin/thawing-backup")))
    # An old dump that the retention rule must remove.
    pg.as_owner("sh", "-c", f"mkdir -p {backups} && touch -d '40 days ago' {backups}/thawing-2000-01-01.dump")
    pg.as_owner("env", f"PGHOST={pg.dir}", f"PGPORT={pg.port}", f"PATH={pg.bin}:/usr/bin:/bin",
                "sh", str(script))
    dumps = sorted(p.name for p in backups.iterdir())
    assert len(dumps) == 1 and re.fullmatch(r"thawing-\d{4}-\d\d-\d\d\.dump", dumps[0]), dumps
    deployment.values["thawing-2025-01-31.dump"] = dumps[0]
    # The restore test, line by line.
    deployment.run(doc_line_with("createdb --owner=thawing thawing_restore"))
    deployment.run(doc_line_with("pg_restore --no-owner"))
    listing = deployment.run(doc_line_with("THAWING_USER=alice"))
    assert any(marker in (row.get("note") or "") for row in json.loads(listing)), listing
    deployment.run(doc_line_with("dropdb thawing_restore"))
