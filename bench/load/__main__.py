"""python -m bench.load: the load and crash test's command line (see bench/load/__init__.py)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Callable, Sequence

import bench.load
from bench.common import RESULTS
from bench.load.errors import LoadError
from bench.load.report import record, table
from bench.load.run import load_run
from bench.load.verify import prefill_users, verify_file


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.load",
                                     description=(bench.load.__doc__ or "").split("\n\n")[0])
    parser.add_argument("--target", choices=("sqlite", "postgres"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--kill", action="store_true", help="SIGKILL the server halfway and restart it")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to listen on (only loopback)")
    parser.add_argument("--port", type=int, default=None, help="port (default: a free one)")
    parser.add_argument("--warmup", type=float, default=5.0,
                        help="seconds of load before timing starts (writes in it are verified too)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean pause between a client's requests, in seconds (default 0: saturate)")
    parser.add_argument("--sessions-per-sign-in", type=int, default=None,
                        help="a client starts a new visit (fresh cookies, sign in) after this many "
                             "sessions; 0: sign in once (default: 5 for postgres, 0 for sqlite)")
    parser.add_argument("--prefill-users", type=int, default=0,
                        help="postgres: first fill the database with this many accounts of 90 days each")
    parser.add_argument("--record", action="store_true",
                        help="put this run's figures into bench/RESULTS.md (its load-test section)")
    # Used by the test itself, in a fresh process with the server's environment.
    parser.add_argument("--verify-file", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = parser()
    args = options.parse_args(argv)
    if args.verify_file:
        print(json.dumps(verify_file(args.verify_file)))
        return 0
    if args.prefill_users and not args.target:
        print(json.dumps(prefill_users(args.prefill_users)))
        return 0
    if not args.target:
        options.error("--target sqlite or --target postgres is required")
    signal.signal(signal.SIGTERM, _interrupt)
    say = _say(to_stderr=args.json)
    try:
        result = load_run(target=args.target, clients=args.clients, seconds=args.seconds, kill=args.kill,
                          host=args.host, port=args.port, think=args.think, prefill=args.prefill_users,
                          warmup=args.warmup, sessions_per_sign_in=args.sessions_per_sign_in, say=say)
    except LoadError as error:
        print(f"bench.load: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bench.load: stopped; cleaned up.", file=sys.stderr)
        return 130
    print(json.dumps(result, indent=2) if args.json else table(result))
    if args.record:
        record(result)
        say(f"Recorded in {RESULTS}")
    return 0 if result["errors"] == 0 and result["lost_writes"] == 0 else 1


def _interrupt(signum: int, frame: object) -> None:
    """Stopped from outside: unwind as Ctrl-C does, so the servers and folders are cleaned up."""
    raise KeyboardInterrupt


def _say(*, to_stderr: bool) -> Callable[[str], None]:
    """Progress lines: on stderr when stdout carries JSON."""
    def say(text: str) -> None:
        print(text, file=sys.stderr if to_stderr else sys.stdout, flush=True)
    return say


if __name__ == "__main__":
    sys.exit(main())
