from __future__ import annotations

import threading
import webbrowser

import typer

from thawing.cli import setup
from thawing.cli.output import err, out
from thawing.core.errors import ThawingError
from thawing.core.i18n import msg

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


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
    from waitress import create_server

    from thawing.wsgi import application

    if host not in LOOPBACK:
        _check_reachable_host(host, settings)
    _open_if_unprotected()
    try:
        proxy = ({"trusted_proxy": "127.0.0.1", "trusted_proxy_count": 1,
                  "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"}}
                 if settings.BEHIND_PROXY else {})
        server = create_server(application, host=host, port=port, threads=threads,
                               ident="Thawing", clear_untrusted_proxy_headers=True, **proxy)
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


def _open_if_unprotected() -> None:
    """A local profile without a passphrase opens (and updates its schema) before serving.

    With a passphrase, the database stays closed until someone signs in with it.
    """
    from thawing.accounts import services, vault

    if services.is_local_mode() and services.is_set_up() and not services.local_needs_passphrase():
        vault.open_with(None)


def _check_reachable_host(host: str, settings: object) -> None:
    """Listening beyond this computer: only with a passphrase in local mode, and said plainly."""
    from thawing.accounts import services

    if services.is_local_mode():
        if not services.is_set_up() or not services.local_needs_passphrase():
            raise ThawingError(msg(
                "Without a passphrase, Thawing only listens on this computer (127.0.0.1), so "
                "nobody else on the network can open your journal. Leave out --host, or set up "
                "a profile with a passphrase first."))
        err.print("Note: other devices that can reach this address will see the sign-in page.")
    allowed = settings.ALLOWED_HOSTS  # type: ignore[attr-defined]
    if host in ("0.0.0.0", "::"):
        if allowed == ["127.0.0.1", "localhost", "[::1]"]:
            err.print("Set THAWING_ALLOWED_HOSTS to the names people will use to reach this "
                      "server; until then only 127.0.0.1 is answered.")
    elif host not in allowed and "*" not in allowed:
        allowed.append(host)


def register(app: typer.Typer) -> None:
    app.command()(serve)
