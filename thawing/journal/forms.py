from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class EntryForm(forms.Form):
    """Gathers what was typed; the rules live in `thawing.core.journal`."""

    title = forms.CharField(label=_("Title (optional)"), required=False, strip=False)
    body = forms.CharField(
        label=_("Write whatever comes"), required=False, strip=False,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    tags = forms.CharField(
        label=_("Tags (optional)"), required=False,
        help_text=_("Words separated by commas or spaces, like grief, work."),
    )
    letter = forms.BooleanField(
        label=_("This is an unsent letter. It stays here and is never sent."), required=False,
    )
    written_at = forms.CharField(
        label=_("When (leave empty for now)"), required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    prompt = forms.CharField(required=False, widget=forms.HiddenInput)
