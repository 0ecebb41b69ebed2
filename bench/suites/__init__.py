"""The suite's sections, in the order they run: each a plain function of the run that yields figures.

A section yields each figure as soon as it is measured, so progress shows while it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bench.context import Run
from bench.figures import Figure
from bench.suites import commands, data, functions, jrnl, memory, pages

Suite = Callable[[Run], Iterator[Figure]]

SUITES: tuple[Suite, ...] = (pages.pages, functions.functions, memory.memory, commands.cli, jrnl.versus_jrnl,
                             data.data_commands)
