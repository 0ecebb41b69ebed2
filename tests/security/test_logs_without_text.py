"""Logs never carry what a person wrote, even when an exception quotes it."""

from __future__ import annotations

import logging
import sys

from thawing.logs import WithoutExceptionText


def _configured_handler() -> logging.Handler:
    handlers = [handler for handler in logging.getLogger().handlers
                if any(isinstance(f, WithoutExceptionText) for f in handler.filters)]
    assert handlers, "the root handler from settings.LOGGING should drop exception text"
    return handlers[0]


def test_a_logged_exception_keeps_its_type_and_place_but_not_its_text() -> None:
    handler = _configured_handler()
    words = "I wrote this about my brother"
    try:
        raise ValueError(f"value too long: {words!r}")
    except ValueError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s",
            ("/journal/new/",), sys.exc_info())
    assert handler.filter(record)
    text = handler.format(record)
    assert "brother" not in text
    assert "ValueError" in text and "test_logs_without_text.py" in text
    assert "Internal Server Error: /journal/new/" in text


def test_a_record_without_an_exception_is_left_as_it_is() -> None:
    record = logging.LogRecord("thawing", logging.WARNING, __file__, 1, "plain %s", ("note",), None)
    assert WithoutExceptionText().filter(record)
    assert record.getMessage() == "plain note" and record.exc_text is None
