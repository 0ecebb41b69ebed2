"""The care pages, one module per part: help and the safety plan, check-ups, and the records
kept for a clinician (medications, appointment notes, the report). `thawing/care/urls.py` maps them."""
