"""The WSGI application, for `thawing serve` (waitress) or any WSGI server (gunicorn)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thawing.settings")
application = get_wsgi_application()
