from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

# Our own words for each step of the Stanley-Brown safety plan.
SECTION_TEXT = {
    "warning_signs": (_("1. Signs that a hard time may be coming"),
                      _("Thoughts, feelings, situations or things you do that tell you a crisis "
                        "could be building.")),
    "coping": (_("2. Things I can do on my own"),
               _("Small things that have helped before, however little: a shower, a walk, music, "
                 "holding something cold.")),
    "distractions": (_("3. People and places that take my mind off things"),
                     _("A café, a park, a friend to sit with, a place with people around.")),
    "people": (_("4. People I can ask for help"),
               _("Names and numbers of people you could tell how you are.")),
    "professionals": (_("5. Professionals and services"),
                      _("Your doctor, a therapist, a local service. The crisis lines for your "
                        "country are always shown with this plan.")),
    "environment": (_("6. Making my surroundings safer"),
                    _("Ways to put distance between you and anything you could use to hurt "
                      "yourself, perhaps with someone's help.")),
    "reasons": (_("7. What matters to me"),
                _("People, animals, plans, hopes: anything worth staying for, even on a grey day.")),
}


class SafetyPlanForm(forms.Form):
    """Gathers what was typed; the rules live in `thawing.core.safety_plan`."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, (label, help_text) in SECTION_TEXT.items():
            self.fields[name] = forms.CharField(
                label=label, help_text=help_text, required=False, strip=False,
                widget=forms.Textarea(attrs={"rows": 3}))
