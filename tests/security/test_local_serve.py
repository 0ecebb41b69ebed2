"""`thawing serve` and other WSGI servers in local mode (issue 13, findings 4, 10 and 17).

These start real servers (waitress through `thawing serve`, gunicorn through `thawing.wsgi`) in
their own processes, on their own data folders, and talk to them over real sockets.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PASSPHRASE = "lantern orchard quietly humming"
_GUNICORN = Path(sys.executable).parent / "gunicorn"
GUNICORN = str(_GUNICORN) if _GUNICORN.exists() else shutil.which("gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def child_env(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("THAWING_") and k != "DJANGO_SETTINGS_MODULE"}
    env["THAWING_DATA_DIR"] = str(tmp_path / "data")
    return env


def init(env: dict[str, str], *, passphrase: str | None = None) -> None:
    argv = ["init", "--timezone", "UTC"] + ([] if passphrase else ["--no-passphrase"])
    extra = {"THAWING_PASSPHRASE": passphrase} if passphrase else {}
    subprocess.run([sys.executable, "-m", "thawing", *argv], env={**env, **extra}, check=True,
                   capture_output=True, timeout=120)


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class Serve:
    """`thawing serve` in its own process on a free port."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "thawing", "serve", "--no-browser", "--port", str(self.port)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_for(self.url("/help/"))

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> str:
        self.process.terminate()
        _, err = self.process.communicate(timeout=20)
        return err


@pytest.fixture
def serve(child_env):
    started: list[Serve] = []

    def start(env: dict[str, str] | None = None) -> Serve:
        started.append(Serve(env or child_env))
        return started[-1]

    yield start
    for server in started:
        server.stop()


def status(url: str, headers: dict[str, str] | None = None) -> int:
    """The status of a GET, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=20) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


# --- Finding 4: no passphrase means this computer only, so no proxy and no other server ----------

def test_serve_behind_a_proxy_refuses_a_profile_without_a_passphrase(child_env):
    init(child_env)
    result = subprocess.run(
        [sys.executable, "-m", "thawing", "serve", "--no-browser", "--port", str(free_port())],
        env={**child_env, "THAWING_BEHIND_PROXY": "1"}, capture_output=True, text=True, timeout=45)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "THAWING_BEHIND_PROXY" in result.stderr and "passphrase" in result.stderr


@pytest.mark.skipif(GUNICORN is None, reason="needs gunicorn (pip: gunicorn)")
def test_another_wsgi_server_refuses_to_start_on_a_profile_without_a_passphrase(child_env):
    init(child_env)
    port = free_port()
    server = subprocess.Popen([GUNICORN, "thawing.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                              env=child_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _, err = server.communicate(timeout=45)
    finally:
        server.kill()
    assert server.returncode != 0
    assert "only through \u201cthawing serve\u201d" in err


@pytest.mark.skipif(GUNICORN is None, reason="needs gunicorn (pip: gunicorn)")
def test_another_wsgi_server_still_serves_a_profile_with_a_passphrase(child_env):
    init(child_env, passphrase=PASSPHRASE)
    port = free_port()
    server = subprocess.Popen([GUNICORN, "thawing.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                              env=child_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/help/")
        assert status(f"http://127.0.0.1:{port}/") == 302
    finally:
        server.terminate()
        server.communicate(timeout=20)


def test_serve_counts_a_forwarded_request_as_not_this_computer(child_env, serve):
    init(child_env)
    server = serve()
    assert status(server.url("/journal/")) == 200
    forwarded = {"X-Forwarded-For": "203.0.113.9"}
    assert status(server.url("/journal/"), forwarded) == 302
    assert status(server.url("/signin/"), forwarded) == 403


# --- Finding 10: request and response bodies never spill into the temporary folder --------------

def open_in(pid: int, folder: Path) -> list[str]:
    """The files under `folder` that process `pid` holds open (deleted ones included)."""
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


def unread(sender: socket.socket) -> int:
    """Bytes `sender` sent over loopback that the process at the other end has not read yet."""
    here, there = sender.getsockname()[1], sender.getpeername()[1]
    waiting = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = (int(address.split(":")[1], 16) for address in fields[1:3])
        tx_queue, rx_queue = (int(part, 16) for part in fields[4].split(":"))
        if (local, remote) == (here, there):
            waiting += tx_queue  # still in this side's send queue
        elif (local, remote) == (there, here):
            waiting += rx_queue  # arrived, but not read by the server yet
    return waiting


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc (Linux)")
def test_a_large_request_body_is_held_in_memory_not_in_the_temporary_folder(child_env, serve, tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    init(child_env, passphrase=PASSPHRASE)
    server = serve({**child_env, "TMPDIR": str(temporary)})
    pid = server.process.pid
    body = b"x" * (3 * 1024 * 1024 // 2)
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as connection:
        connection.sendall(b"POST /data/import/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           b"Content-Type: application/octet-stream\r\nContent-Length: 2097152\r\n\r\n")
        connection.sendall(body)
        # Wait until the server has taken in what was sent (the body stays unfinished on purpose).
        deadline = time.monotonic() + 30
        while unread(connection) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert unread(connection) == 0
        assert open_in(pid, temporary) == []


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(child_env, serve):
    init(child_env, passphrase=PASSPHRASE)
    server = serve()
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as connection:
        connection.sendall(b"POST /data/import/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           b"Content-Type: application/octet-stream\r\nContent-Length: 104857600\r\n\r\n")
        answer = connection.recv(200)
    assert answer.startswith(b"HTTP/1.1 413")


def test_a_large_response_is_never_written_to_the_temporary_folder(tmp_path, monkeypatch, settings):
    """The server `thawing serve` makes, in this process, with an app that looks at its open files."""
    from thawing.cli import server as serve_command

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    seen: dict[str, list[str]] = {}
    answered = threading.Event()

    def app(environ, start_response):  # type: ignore[no-untyped-def]
        seen["request"] = open_in(os.getpid(), temporary)
        environ["wsgi.input"].read()
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        yield b"y" * (8 * 1024 * 1024)
        seen["response"] = open_in(os.getpid(), temporary)
        answered.set()

    server = serve_command.make_server(app, host="127.0.0.1", port=0, threads=1)
    runner = threading.Thread(target=server.run, daemon=True)
    runner.start()
    try:
        port = server.socket.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
            body = b"z" * (2 * 1024 * 1024)
            connection.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                               + str(len(body)).encode() + b"\r\n\r\n" + body)
            # Read nothing until the app has written its answer: waitress must hold it all.
            assert answered.wait(30)
            received = b""
            while len(received) < 8 * 1024 * 1024:
                chunk = connection.recv(1 << 20)
                if not chunk:
                    break
                received += chunk
    finally:
        server.close()
    assert seen == {"request": [], "response": []}


# --- Finding 17: idle connections do not stop the server answering --------------------------------

def test_serve_answers_while_120_idle_connections_are_held(child_env, serve):
    init(child_env, passphrase=PASSPHRASE)
    server = serve()
    idle = [socket.create_connection(("127.0.0.1", server.port), timeout=20) for _ in range(120)]
    try:
        assert status(server.url("/help/")) == 200
    finally:
        for connection in idle:
            connection.close()
