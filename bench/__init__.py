"""Thawing's benchmarks, run from a source checkout (they are not part of the installed package).

python -m bench (run.py) measures every budget of DESIGN.md: its sections are in suites/, what
they share in context.py, figures.py, timing.py and profiling.py, its output in report.py.
python -m bench.load (load/) is the load and crash test; roundtrip.py, insights_bench.py and
crisis.py measure single paths; generate.py makes the seeded synthetic data; common.py and
machine.py hold the helpers they all share.
"""
