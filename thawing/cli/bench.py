"""`thawing bench`: the benchmark suite, from a source checkout (bench/ beside thawing/).

The suite is not part of the installed package; it runs in a process of its own, so it can
make its own temporary data folder before Django starts (your data is never touched).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer

from thawing.cli.output import err


def source_checkout() -> Path | None:
    """The folder holding thawing/ and bench/ when Thawing runs from its source, else None."""
    import thawing

    root = Path(thawing.__file__).resolve().parent.parent
    suite = root / "bench"
    if (suite / "run.py").is_file() and (suite / "generate.py").is_file():
        return root
    return None


def bench(
    quick: bool = typer.Option(False, "--quick", help="One year of data, fewer runs (under two "
                               "minutes)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Measure Thawing's speed on synthetic data in a temporary folder (from a source checkout)."""
    root = source_checkout()
    if root is None:
        err.print("The benchmark comes with Thawing\u2019s source code (the bench folder), not with "
                  "this installation. To run it, get the source, install it with pip install -e . "
                  "and run: thawing bench", markup=False)
        raise typer.Exit(1)
    argv = [sys.executable, "-m", "bench", *(["--quick"] if quick else []),
            *(["--json"] if as_json else [])]
    raise typer.Exit(subprocess.call(argv, cwd=root))


def register(app: typer.Typer) -> None:
    app.command()(bench)
