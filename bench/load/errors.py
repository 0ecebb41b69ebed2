"""The one error of the load test."""

from __future__ import annotations


class LoadError(RuntimeError):
    """The load test could not run (a server that did not start, a refused target...)."""
