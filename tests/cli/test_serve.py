"""`thawing serve` runs the real production server (waitress), on this computer only."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def child_env(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("THAWING_DATABASE_URL", "THAWING_MODE", "DJANGO_SETTINGS_MODULE")}
    env["THAWING_DATA_DIR"] = str(tmp_path / "data")
    return env


def wait_for(url: str, seconds: float = 20) -> urllib.response.addinfourl:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return urllib.request.urlopen(url, timeout=2)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_answers_on_loopback_with_the_first_run_page(child_env):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "thawing", "serve", "--no-browser", "--port", str(port)],
        env=child_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        page = wait_for(f"http://127.0.0.1:{port}/")
        assert page.url.endswith("/setup/")
        assert page.headers["Server"] == "Thawing"
        assert "Welcome to Thawing" in page.read().decode()
        css = wait_for(f"http://127.0.0.1:{port}/static/thawing/css/thawing.css")
        assert css.status == 200
        assert "help" in wait_for(f"http://127.0.0.1:{port}/help/").read().decode().lower()
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    assert "Traceback" not in err
    assert f"http://127.0.0.1:{port}/" in out


def test_a_busy_port_gets_a_kind_message_and_exit_code_1(child_env):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "thawing", "serve", "--no-browser", "--port", str(port)],
            env=child_env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"--port {port + 1}" in result.stderr and "Traceback" not in result.stderr


def test_listening_on_the_network_without_a_passphrase_is_refused(child_env):
    subprocess.run([sys.executable, "-m", "thawing", "init", "--no-passphrase"], env=child_env,
                   check=True, capture_output=True, timeout=60)
    result = subprocess.run(
        [sys.executable, "-m", "thawing", "serve", "--no-browser", "--host", "0.0.0.0",
         "--port", str(free_port())], env=child_env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "only listens on this computer" in result.stderr
