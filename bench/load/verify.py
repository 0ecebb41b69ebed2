"""No lost writes: every acknowledged marker looked up in the database after the run.

The lookup runs in a fresh process with the server's environment (`python -m bench.load
--verify-file`), through Thawing's own services, so it reads what a person would read back,
decrypted, and nothing the clients remember can stand in for the database.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from bench.generate import generate_many
from bench.load.servers import PASSPHRASE, Server, run_or_fail


def read_back(server: Server, written: dict[str, dict[str, list[str]]], marker_prefix: str) -> dict[str, Any]:
    """Read every user's check-ins and journal back in a fresh process through Thawing's services."""
    path = server.data_dir / "acknowledged.json"
    path.write_text(json.dumps({"users": written, "prefix": marker_prefix, "local": server.local}))
    env = dict(server.env, THAWING_PASSPHRASE=PASSPHRASE)
    out = run_or_fail([sys.executable, "-m", "bench.load", "--verify-file", str(path)], env, timeout=300,
                      what="Reading the writes back")
    return json.loads(out.strip().splitlines()[-1])


def verify_file(path: str) -> dict[str, Any]:
    """Every acknowledged marker, looked up through Thawing's services (run with the server's env)."""
    from thawing.cli import setup

    spec = json.loads(Path(path).read_text())
    setup.django()
    from thawing.accounts import services as accounts

    pattern = re.compile(re.escape(spec["prefix"]) + r"-c\d{3}-\d{5}")
    report = {"found_checkins": 0, "found_journal": 0, "missing_checkins": 0, "missing_journal": 0,
              "unacknowledged_present": 0, "missing_samples": []}
    # Local mode: one profile, which every client wrote to as "me".
    local_user = setup.user() if spec["local"] else None
    for name, kinds in spec["users"].items():
        user = local_user if spec["local"] else accounts.account_named(name)
        if user is None:
            report["missing_checkins"] += len(kinds["checkins"])
            report["missing_journal"] += len(kinds["journal"])
            report["missing_samples"].append(f"account {name} not found")
            continue
        _compare(report, name, kinds, _markers(user, pattern))
    report["missing_samples"] = report["missing_samples"][:20]
    return report


def _markers(user: Any, pattern: re.Pattern[str]) -> dict[str, set[str]]:
    """The markers found in a user's check-in notes and journal titles."""
    from thawing.checkins import services as checkins
    from thawing.journal import services as journal

    return {
        "checkins": {m for c in checkins.list_checkins(user=user) for m in pattern.findall(c.note or "")},
        "journal": {m for e in journal.list_entries(user=user, limit=None)
                    for m in pattern.findall(e.title or "")},
    }


def _compare(report: dict[str, Any], name: str, wanted_by_kind: dict[str, list[str]],
             present: dict[str, set[str]]) -> None:
    for kind, there in present.items():
        wanted = set(wanted_by_kind[kind])
        lost = sorted(wanted - there)
        report[f"found_{kind}"] += len(wanted & there)
        report[f"missing_{kind}"] += len(lost)
        report["missing_samples"] += [f"{name} {kind} {m}" for m in lost[:10]]
        report["unacknowledged_present"] += len(there - wanted)


def prefill_users(count: int) -> dict[str, int]:
    """Background accounts with 90 days each (bench.generate.generate_many) in the bench database."""
    from thawing.cli import setup

    setup.django()
    return generate_many(users=count, days=90, prefix="many")
