"""`thawing serve`: the production server (waitress) on this computer, built and tuned here.

waitress keeps request and response bodies in memory up to a size, then in a file of the system's
temporary folder, unencrypted: an export or a jrnl file would sit on disk in plain text. So the
in-memory buffers here reach the largest request Thawing takes (anything larger is refused with
413 before its body is read) and responses never spill (the app waits for the browser instead,
at waitress's high-water mark). A channel idle for CHANNEL_TIMEOUT seconds is closed, and up to
CONNECTION_LIMIT are held at once; still, `serve` is for this computer, or behind a proxy: it
must not face a network on its own, where anyone could hold its connections.
"""

from __future__ import annotations

import gc
import sys
import threading
import webbrowser
from collections.abc import Callable, Iterable
from typing import Any

import typer

from thawing.cli import setup
from thawing.cli.output import err, out
from thawing.core.errors import ThawingError
from thawing.core.i18n import msg

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# How far beyond the largest request Thawing takes waitress still reads one in (see below).
BODY_ROOM = 1024 * 1024
# A browser keeps a few connections open between clicks; an idle one is let go after this long.
CHANNEL_TIMEOUT = 30
CLEANUP_INTERVAL = 10
# Far above the handful a browser opens, and below the usual 1,024 open files of a desktop session.
CONNECTION_LIMIT = 500
# The headers waitress itself removes from an untrusted peer's request (as WSGI names them).
UNTRUSTED_PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PROTO",
                           "HTTP_X_FORWARDED_PORT", "HTTP_X_FORWARDED_BY", "HTTP_FORWARDED")


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on. Keep the default unless "
                             "you run a server for others."),
    port: int = typer.Option(8000, help="Port to listen on."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Don\u2019t open a browser."),
    threads: int = typer.Option(8, help="Worker threads."),
) -> None:
    """Start Thawing in your browser (a production server on this computer only)."""
    setup.django()
    from django.conf import settings

    if host not in LOOPBACK or settings.BEHIND_PROXY:
        _check_reachable_host(host, settings)
    _open_if_unprotected()
    try:
        server = make_server(wsgi_application(), host=host, port=port, threads=threads)
    except OSError as error:
        raise ThawingError(f"I couldn\u2019t listen on {host}:{port} ({error.strerror}). "
                           f"Another program may be using it; try --port {port + 1}.") from None
    address = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    out.print(f"Thawing is running at {address}  (Ctrl+C to stop)")
    if not no_browser:
        threading.Timer(0.5, webbrowser.open, args=(address,)).start()
    try:
        server.run()
    except KeyboardInterrupt:
        out.print("Stopped. See you soon.")
    finally:
        server.close()


def wsgi_application() -> Callable[..., Iterable[bytes]]:
    """Django's WSGI application, telling it when a request came through a proxy.

    Without THAWING_BEHIND_PROXY, waitress would drop forwarding headers before Django sees them;
    this drops them too, but first notes that they were there, so a profile without a passphrase
    never counts such a request as this computer's (thawing.accounts.local_only).
    """
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application

    from thawing.accounts import local_only

    django_app = get_wsgi_application()
    # Everything loaded so far lives as long as the server: keep it out of the garbage collector's
    # sweeps, which otherwise pause requests now and then (seen as p95 spikes in bench/).
    gc.freeze()
    if settings.BEHIND_PROXY:
        return django_app  # type: ignore[return-value]
    forwarding = (*local_only.FORWARDING_HEADERS, *UNTRUSTED_PROXY_HEADERS)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if any(name in environ for name in forwarding):
            environ[local_only.FORWARDED_KEY] = True
            for name in UNTRUSTED_PROXY_HEADERS:
                environ.pop(name, None)
        return django_app(environ, start_response)

    return application


def make_server(application: Callable[..., Any], *, host: str, port: int, threads: int) -> Any:
    """The waitress server `thawing serve` runs, with the limits described at the top."""
    from django.conf import settings
    from waitress import create_server

    body_limit = request_body_limit()
    proxy = ({"trusted_proxy": "127.0.0.1", "trusted_proxy_count": 1,
              "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
              "clear_untrusted_proxy_headers": True}
             if settings.BEHIND_PROXY else {"clear_untrusted_proxy_headers": False})
    return create_server(
        application, host=host, port=port, threads=threads, ident="Thawing",
        # waitress refuses a body of max_request_body_size or more, so none reaches the overflow.
        max_request_body_size=body_limit, inbuf_overflow=body_limit + 1,
        outbuf_overflow=sys.maxsize,
        channel_timeout=CHANNEL_TIMEOUT, cleanup_interval=CLEANUP_INTERVAL,
        connection_limit=CONNECTION_LIMIT, **proxy)


def request_body_limit() -> int:
    """A little above the largest request Thawing takes (THAWING_MAX_REQUEST_BYTES).

    A request just over that reaches Thawing, which refuses it kindly by its length; waitress
    refuses anything larger with 413 before reading its body.
    """
    from django.conf import settings

    largest = max(settings.THAWING_MAX_REQUEST_BYTES, settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)
    return largest + BODY_ROOM


def _open_if_unprotected() -> None:
    """A local profile without a passphrase opens (and updates its schema) before serving.

    With a passphrase, the database stays closed until someone signs in with it.
    """
    from thawing.accounts import services, vault

    if services.is_local_mode() and services.is_set_up() and not services.local_needs_passphrase():
        vault.open_with(None)


def _check_reachable_host(host: str, settings: object) -> None:
    """Listening beyond this computer: only with a passphrase in local mode, and said plainly."""
    from thawing.accounts import local_only, services

    behind_proxy = settings.BEHIND_PROXY  # type: ignore[attr-defined]
    if services.is_local_mode():
        if not services.is_set_up() or not services.local_needs_passphrase():
            if behind_proxy and host in LOOPBACK:
                raise ThawingError(local_only.PROXY_REFUSED)
            raise ThawingError(msg(
                "Without a passphrase, Thawing only listens on this computer (127.0.0.1), so "
                "nobody else on the network can open your journal. Leave out --host, or set up "
                "a profile with a passphrase first."))
        if host not in LOOPBACK:
            err.print("Note: other devices that can reach this address will see the sign-in page.")
    if host in LOOPBACK:
        return
    allowed = settings.ALLOWED_HOSTS  # type: ignore[attr-defined]
    if host in ("0.0.0.0", "::"):
        if allowed == ["127.0.0.1", "localhost", "[::1]"]:
            err.print("Set THAWING_ALLOWED_HOSTS to the names people will use to reach this "
                      "server; until then only 127.0.0.1 is answered.")
    elif host not in allowed and "*" not in allowed:
        allowed.append(host)


def register(app: typer.Typer) -> None:
    app.command()(serve)
