"""A short run of bench.load on SQLite with a SIGKILL in the middle: no error, no lost write.

Correctness only (timings on a shared CI machine mean little): five clients for eight seconds
against `thawing serve`, the server killed and restarted halfway, then every acknowledged
check-in and journal entry looked up in the database.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bench.load import REPO, clean_env, is_loopback, load_block, load_run, record, run_label


def test_a_short_load_run_with_a_kill_loses_nothing(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.load", "--target", "sqlite", "--clients", "5", "--seconds", "8",
         "--warmup", "0", "--kill", "--json"],
        cwd=REPO, env=clean_env(), capture_output=True, text=True, timeout=180)
    assert done.stdout, done.stderr
    result = json.loads(done.stdout)
    _recorded_in_results(result, tmp_path / "RESULTS.md")
    assert result["errors"] == 0, result["error_samples"]
    assert result["lost_writes"] == 0, result["verify"]["missing_samples"]
    assert result["killed_processes"] >= 1
    assert result["acknowledged_checkins"] > 0
    # The clients reached the restarted server: it had forgotten the key, so they signed in again.
    assert result["signed_in_again"] > 0
    assert result["verify"]["found_checkins"] == result["acknowledged_checkins"]
    assert result["verify"]["found_journal"] == result["acknowledged_journal"]
    assert done.returncode == 0


def _recorded_in_results(result: dict, path) -> None:
    """--record puts the run in RESULTS.md's load section: a second run of the same kind replaces
    its row, another kind adds one, and what is around the section stays as it was."""
    path.write_text("# Thawing benchmark results\n\nfigures\n", encoding="utf-8")
    record(result, path)
    record(result, path)
    record({**result, "clients": result["clients"] + 1}, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Thawing benchmark results\n\nfigures\n")
    block = load_block(text)
    rows = [line for line in block.splitlines() if line.startswith("| ") and "SIGKILL" in line]
    assert len(rows) == 2
    assert rows[0].startswith(f"| {run_label(result)} |")
    assert rows[0].endswith(f"| {result['acknowledged_checkins'] + result['acknowledged_journal']} | **0** |")
    # `python -m bench` rewrites the file around the section and keeps it.
    assert load_block(f"new figures\n\n{block}\n\n## Budgets missed") == block


@pytest.mark.parametrize("host", ["192.168.1.10", "0.0.0.0", "example.org", "10.0.0.1"])
def test_the_load_test_refuses_targets_beyond_this_computer(host: str) -> None:
    from bench.load import LoadError

    assert not is_loopback(host)
    with pytest.raises(LoadError, match="loopback"):
        load_run(target="sqlite", host=host, clients=1, seconds=1)


def test_loopback_names_are_accepted() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"))
