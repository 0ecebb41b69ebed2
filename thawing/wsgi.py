"""The WSGI application, for any WSGI server (gunicorn) and Django's own `runserver`.

`thawing serve` builds its own (thawing/cli/server.py): with waitress on this computer it can tell
a browser here from one elsewhere, which a profile without a passphrase depends on.
"""

import gc
import os
from pathlib import Path

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thawing.settings")
_django = get_wsgi_application()


def _start() -> None:
    from django.conf import settings

    from thawing.accounts import local_only, vault

    vault.keep_private(Path(settings.DATA_DIR))
    # Refuse to start, with a kind sentence in the server's log, rather than open a profile
    # without a passphrase to whoever reaches the server.
    local_only.check_other_server()


def application(environ, start_response):  # type: ignore[no-untyped-def]
    # Requests through this door never count as "from this computer" (see thawing.accounts.local_only).
    environ["thawing.server"] = "wsgi"
    return _django(environ, start_response)


_start()
# Everything loaded so far lives as long as the server: keep it out of the garbage collector's
# sweeps, which otherwise pause requests now and then (seen as p95 spikes in bench/).
gc.freeze()
