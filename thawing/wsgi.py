"""The WSGI application, for `thawing serve` (waitress) or any WSGI server (gunicorn)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thawing.settings")
application = get_wsgi_application()

# Everything loaded so far lives as long as the server: keep it out of the garbage collector's
# sweeps, which otherwise pause requests now and then (seen as p95 spikes in bench/).
gc.freeze()
