"""`python -m thawing ...` in its own process on one data folder, as a person runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_UNSET = object()


class CommandLine:
    """Runs Thawing's commands on `data` with a clean environment (no THAWING_* from outside).

    `passphrase` is given through THAWING_PASSPHRASE unless a call says otherwise (None: none);
    `umask` is the one a person's shell would have (022: new files readable by everyone).
    """

    def __init__(self, data: Path, *, passphrase: str | None = None, umask: int = -1) -> None:
        self.data = data
        self.passphrase = passphrase
        self.umask = umask
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith("THAWING_") and key != "DJANGO_SETTINGS_MODULE"}
        self.env["THAWING_DATA_DIR"] = str(data)

    def __call__(self, *argv: str, passphrase: object = _UNSET, stdin: str | None = None,
                 **extra: str) -> subprocess.CompletedProcess[str]:
        given = self.passphrase if passphrase is _UNSET else passphrase
        child = {**self.env, **extra, **({"THAWING_PASSPHRASE": given} if given is not None else {})}
        return subprocess.run([sys.executable, "-m", "thawing", *argv], env=child, capture_output=True,
                              text=True, timeout=180, input=stdin,
                              stdin=None if stdin is not None else subprocess.DEVNULL, umask=self.umask)
