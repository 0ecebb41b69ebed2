"""Load and crash test: many people using Thawing at once, on loopback, and no write lost.

    python -m bench.load --target sqlite|postgres [--clients 50] [--seconds 60] [--kill] [--json]

It starts the server itself, in a temporary data folder it deletes afterwards:

- sqlite: `thawing init` with a passphrase, then `thawing serve` (waitress, local mode: one
  person, so every client shares the one profile and signs in with the passphrase);
- postgres: a throwaway PostgreSQL cluster on a free port, a field key (`thawing
  new-field-key`), `python -m django migrate`, one account per client made with `thawing
  adduser`, then `gunicorn thawing.wsgi -w 4 --threads 4` in server mode, as docs/deploy.md
  sets it up. --prefill-users N first adds N accounts with 90 days of records each
  (bench.generate), so the database is not empty.

Each client is a thread with its own cookies and keep-alive connection doing what a person
does: sign in, then sessions of reading Today, opening the check-in form, posting a check-in
carrying a unique marker, sometimes (one in three) writing a journal entry, reading Today
again. In server mode every fifth session is a new visit from a fresh browser that signs in
again; in local mode (one person) a client signs in once, and again after a restart. Clients
arrive one by one during the warm-up (5 s), which is not timed except for the sign-ins. There
is no pause between requests unless --think is given, so the server is saturated and latencies
include queueing (clients / requests per second = the typical wait). A write counts as acknowledged only
when the POST answers 302 to the page a saved write leads to. Afterwards a separate process
reads the database through Thawing's own services and reports every acknowledged marker that
is missing ("lost writes").

--kill: halfway through, the server is killed with SIGKILL (gunicorn's master and every
worker), then started again on the same port. Requests that fail while it is down are
counted as "interrupted", not as errors; in local mode the database key lives only in the
server's memory, so clients are signed out and sign in again (counted as well).

Only loopback addresses are accepted. Nothing here touches the real per-user data folder.

Where things are: servers.py (the two servers; postgres.py the throwaway cluster),
clients.py (the client threads; browser.py one keep-alive connection with cookies), stats.py
(what they saw), verify.py (reading the writes back), run.py (one run), report.py (the table
and the section of bench/RESULTS.md), __main__.py (the command line).
"""

from __future__ import annotations

# What tests/deploy import from here; each name lives in the module it comes from.
from bench.common import ROOT as REPO
from bench.common import clean_env, free_port, is_loopback
from bench.load.browser import Browser
from bench.load.errors import LoadError
from bench.load.postgres import Postgres
from bench.load.report import load_block, record, run_label
from bench.load.run import load_run
from bench.machine import children_of

__all__ = ["REPO", "Browser", "LoadError", "Postgres", "children_of", "clean_env", "free_port", "is_loopback",
           "load_block", "load_run", "record", "run_label"]
