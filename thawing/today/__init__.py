"""Today: the day's summary, its page, its API route (thawing.api.today) and `thawing today`.

It sits above the check-ins, journal and practices apps and reads from each of them, so none of
them needs to know about the others. It has no models of its own.
"""
