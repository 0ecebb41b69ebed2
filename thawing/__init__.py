"""Thawing: a private daily companion for people who feel emotionally numb."""

__version__ = "0.2.0"
