"""Logging that never carries what a person wrote.

An exception's message can quote the values it choked on (a database error names the row it
refused, a decoding error the text), so every record logged with an exception keeps its type
and where it happened, never its message. Thawing's own messages are written without free text.
"""

from __future__ import annotations

import logging
import traceback


class WithoutExceptionText(logging.Filter):
    """Replace a record's exception by its type and stack frames, dropping its message."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            frames = "".join(traceback.format_tb(error.__traceback__))
            record.exc_text = f"Traceback (most recent call last):\n{frames}{type(error).__name__}"
            record.exc_info = None
        return True
