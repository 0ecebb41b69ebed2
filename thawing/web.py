"""Small helpers shared by the views of every app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext

from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.i18n import Message


def say(message: str) -> str:
    """A core message in the active language."""
    return message.translated(gettext) if isinstance(message, Message) else message


def show_errors(form: forms.Form, error: ThawingError) -> None:
    """Put a service's error on the form, each message beside its field when it has one."""
    fields = error.fields if isinstance(error, InvalidInput) else {None: error.message}
    for field, message in fields.items():
        form.add_error(field if field in form.fields else None, say(message))
