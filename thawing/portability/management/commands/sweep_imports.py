"""`python -m django sweep_imports`: delete uploads left waiting for more than an hour.

Every import request sweeps too; this is for the deploy recipe's timer, so an upload nobody
comes back to is gone within the hour even on a quiet server (docs/deploy.md).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Delete import uploads left waiting for more than an hour."

    def handle(self, *args: Any, **options: Any) -> None:
        from thawing.portability.services import sweep_uploads

        self.stdout.write(f"Deleted {sweep_uploads()} waiting uploads.")
