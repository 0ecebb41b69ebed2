"""Thawing's benchmarks: synthetic data (generate), the suite (run: python -m bench), round trips."""
