from __future__ import annotations

import threading
import webbrowser

import typer

from thawing.cli import setup
from thawing.cli.output import err, out
from thawing.core.errors import ThawingError

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

    if settings.THAWING_MODE == "local" and host not in LOOPBACK:
        err.print("Note: you asked to listen beyond this computer in local mode. Anyone who can "
                  "reach this address can see the sign-in page.")
    if host not in LOOPBACK and host not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append(host)
    try:
        server = create_server(application, host=host, port=port, threads=threads,
                               ident="Thawing", clear_untrusted_proxy_headers=True)
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


def register(app: typer.Typer) -> None:
    app.command()(serve)
