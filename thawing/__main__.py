"""`thawing` and `python -m thawing`: the command line, with kind errors and no tracebacks."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run one command; every error becomes a kind sentence and exit code 1."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        # A check-in or a journal entry, the everyday commands, can be saved without Django
        # (thawing/cli/quick.py); the cli package imports nothing, so Typer is not loaded either.
        from thawing.cli import quick

        code = quick.run(args)
    except KeyboardInterrupt:
        sys.stderr.write("\nStopped. Nothing was saved from this step.\n")
        return 1
    if code is not None:
        return code
    from thawing.cli.main import app
    from thawing.cli.output import err, say_error
    from thawing.core.errors import ThawingError

    try:
        # Standalone mode: the command line library reports its own usage errors, then exits.
        app(args=args, prog_name="thawing")
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        # Usage errors exit with 2 there; Thawing promises 1 for every error.
        return 1 if code == 2 else code
    except ThawingError as error:
        say_error(error)
        return 1
    except (KeyboardInterrupt, EOFError):
        err.print("\nStopped. Nothing was saved from this step.")
        return 1
    except Exception:
        if os.environ.get("THAWING_DEBUG") == "1":
            raise
        err.print("Something went wrong inside Thawing, and it isn\u2019t your fault. "
                  "Nothing was sent anywhere. Run it again with THAWING_DEBUG=1 to see the details.")
        return 1
    return 0

if __name__ == "__main__":
    sys.exit(main())
