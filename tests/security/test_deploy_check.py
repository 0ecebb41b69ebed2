"""Server mode as deployed: `manage.py check --deploy` and the security headers of every answer
(issue 6 item 3: CSP without inline script, no framing, no sniffing, a referrer policy, secure,
HTTP-only, same-site cookies that expire).

The deploy settings are the environment docs/deploy.md asks for: a long random secret key,
secure cookies, one host name, behind a TLS proxy, PostgreSQL. The checks need no database
connection, so the database URL points at a closed port.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
HOST = "thawing.example.org"
# FIXME (reported): warnings of `check --deploy` in server mode, with why they appear. The test
# fails on any other warning or error; fix these in thawing/settings.py and remove them here.
FIXME: dict[str, str] = {}
SETTINGS = ["SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
            "SESSION_COOKIE_AGE", "SESSION_EXPIRE_AT_BROWSER_CLOSE", "CSRF_COOKIE_SECURE",
            "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE", "SECURE_HSTS_SECONDS", "SECURE_PROXY_SSL_HEADER",
            "ALLOWED_HOSTS", "DEBUG", "THAWING_MODE", "SESSION_ENGINE"]


def deploy_environment(tmp_path: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("THAWING_", "DJANGO_"))}
    return {**keep, "DJANGO_SETTINGS_MODULE": "thawing.settings", "THAWING_DATA_DIR": str(tmp_path),
            "THAWING_SECRET_KEY": secrets.token_urlsafe(64), "THAWING_SECURE_COOKIES": "1",
            "THAWING_ALLOWED_HOSTS": HOST, "THAWING_BEHIND_PROXY": "1",
            "THAWING_TRUSTED_ORIGINS": f"https://{HOST}",
            "THAWING_DATABASE_URL": "postgres://thawing:secret@127.0.0.1:1/thawing"}


def run(arguments: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *arguments], cwd=ROOT, env=deploy_environment(tmp_path),
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> dict[str, object]:
    """The settings as Django reads them in the deploy environment, in a process of their own."""
    script = ("import django, json; django.setup(); from django.conf import settings; "
              f"print(json.dumps({{name: getattr(settings, name, None) for name in {SETTINGS!r}}}))")
    done = run(["-c", script], tmp_path_factory.mktemp("deploy"))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_check_deploy_passes_in_server_mode(tmp_path):
    done = run(["-m", "django", "check", "--deploy", "--fail-level", "WARNING"], tmp_path)
    output = done.stdout + done.stderr
    found = set(re.findall(r"^\S*: \((\w+\.[A-Z]\d+)\)", output, re.MULTILINE))
    unexpected = found - set(FIXME)
    assert not unexpected and "ERRORS:" not in output, output
    assert done.returncode == (1 if found else 0), output
    # The checks ran without a database (the URL's port is closed): nothing tried to connect.
    assert "OperationalError" not in output and "Traceback" not in output, output


def test_the_deploy_settings(deployed):
    assert deployed["THAWING_MODE"] == "server" and deployed["DEBUG"] is False
    assert deployed["ALLOWED_HOSTS"] == [HOST]
    assert deployed["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"  # Revocable sessions.
    assert deployed["SESSION_COOKIE_SECURE"] is True and deployed["CSRF_COOKIE_SECURE"] is True
    assert deployed["SESSION_COOKIE_HTTPONLY"] is True and deployed["CSRF_COOKIE_HTTPONLY"] is True
    assert deployed["SESSION_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert deployed["CSRF_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert 0 < deployed["SESSION_COOKIE_AGE"] <= 60 * 60 * 24 * 30
    assert deployed["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 180
    assert deployed["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


@pytest.fixture
def as_deployed(server_mode, deployed, settings):
    """This process with the deploy settings' cookie and HTTPS choices (its database stays SQLite)."""
    for name in ("SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
                 "SESSION_COOKIE_AGE", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE",
                 "SECURE_HSTS_SECONDS"):
        setattr(settings, name, deployed[name])
    settings.SECURE_PROXY_SSL_HEADER = tuple(deployed["SECURE_PROXY_SSL_HEADER"])
    settings.ALLOWED_HOSTS = [HOST]
    return settings


def check_headers(response, *, https: bool) -> None:
    policy = response["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, policy
    assert directives["default-src"] == ["'self'"] and directives["script-src"] == ["'self'"], policy
    assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"], policy
    assert directives["frame-ancestors"] == ["'none'"] and response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin-when-cross-origin")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    if https:
        assert int(response["Strict-Transport-Security"].split("max-age=")[1].split(";")[0]) >= 15_552_000


def check_cookie(response, name: str) -> None:
    """The Set-Cookie header as sent, read back: Secure, HttpOnly, SameSite, and (session) expiry."""
    header = response.cookies[name].output(header="")
    cookie = SimpleCookie(header)[name]
    assert cookie["secure"] and cookie["httponly"], header
    assert cookie["samesite"] in ("Lax", "Strict"), header
    if name == "thawing_session":
        assert 0 < int(cookie["max-age"]) <= 60 * 60 * 24 * 30 and cookie["expires"], header


def test_pages_and_cookies_as_deployed(as_deployed, client, make_account):
    https = {"secure": True, "HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": HOST}
    page = client.get("/signin/", **https)
    assert page.status_code == 200
    check_headers(page, https=True)
    check_cookie(page, "csrftoken")
    make_account("robin", password="a long enough passphrase")
    token = page.cookies["csrftoken"].value
    signed_in = client.post("/signin/", {"username": "robin", "password": "a long enough passphrase",
                                         "csrfmiddlewaretoken": token}, **https)
    assert signed_in.status_code == 302
    check_cookie(signed_in, "thawing_session")
    for path in ("/", "/journal/", "/care/medications/"):
        answer = client.get(path, **https)
        assert answer.status_code == 200, path
        check_headers(answer, https=True)
        assert answer["Cache-Control"] == "no-store"
    api = client.get("/api/checkins", **https)
    assert api.status_code == 200
    check_headers(api, https=True)
