"""The habit services moved to thawing.habits.services; named here for thawing/care until it
imports them from there."""

from thawing.habits.services import habits_week  # noqa: F401
