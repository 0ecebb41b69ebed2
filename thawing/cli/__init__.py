"""The command line: `main.py` holds the Typer app, one module per command group registers its
commands there, each a thin shell over services.

This package imports nothing itself: `quick.py`, the fast way for the two everyday commands,
lives here too and must start without Typer or Django (see its docstring).
"""
