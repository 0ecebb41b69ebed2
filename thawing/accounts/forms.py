from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thawing import content
from thawing.accounts.services import known_zones
from thawing.core.errors import ThawingError
from thawing.web import say


def country_choices() -> list[tuple[str, str]]:
    return [("", _("Prefer not to say"))] + [(c.code, c.name) for c in content.countries()]


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("What should we call you? (optional)"), required=False)
    timezone = forms.CharField(label=_("Time zone"), initial="UTC",
                               widget=forms.TextInput(attrs={"list": "zones",
                                                             "autocomplete": "off"}))
    country = forms.ChoiceField(
        label=_("Country (so we can show the right helplines)"), required=False,
        choices=country_choices,
    )
    checkin_time = forms.CharField(
        label=_("A good time of day for a check-in (optional)"), required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
    )

    @staticmethod
    def zones() -> list[str]:
        return sorted(known_zones())


class SettingsForm(ProfileForm):
    past = forms.MultipleChoiceField(
        label=_("Have you been through any of these before? (optional and private)"),
        required=False, widget=forms.CheckboxSelectMultiple,
        choices=[("trauma", _("Trauma")), ("depression", _("Depression")), ("anxiety", _("Anxiety"))],
        help_text=_("Together with numbness now, a past like this is a good reason to talk to a "
                    "professional. Thawing only uses it to suggest support."),
    )


class SetupForm(ProfileForm):
    passphrase = forms.CharField(
        label=_("Passphrase"), required=False, strip=False, max_length=1024,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("A few ordinary words in a row work well. You will need it to open Thawing."),
    )
    passphrase_again = forms.CharField(
        label=_("Passphrase again"), required=False, strip=False, max_length=1024,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    no_passphrase = forms.BooleanField(
        label=_("I don\u2019t want a passphrase. I understand that anyone who can use "
                "this computer could open my journal."),
        required=False,
    )

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if data.get("no_passphrase"):
            if data.get("passphrase"):
                self.add_error("passphrase", _(
                    "You ticked \u201cno passphrase\u201d and also typed one. Please choose one "
                    "or the other."))
        elif not data.get("passphrase"):
            self.add_error("passphrase", _(
                "Please choose a passphrase, or tick the box to go without one."))
        elif data.get("passphrase") != data.get("passphrase_again"):
            self.add_error("passphrase_again", _(
                "The two passphrases are different. Please type them again."))
        return data


class LocalSignInForm(forms.Form):
    passphrase = forms.CharField(
        label=_("Passphrase"), strip=False, max_length=1024,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )


class ServerSignInForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username",
                                                             "autofocus": True}))
    password = forms.CharField(label=_("Password"), strip=False, max_length=1024,
                               widget=forms.PasswordInput(attrs={"autocomplete":
                                                                 "current-password"}))


class SignUpForm(ProfileForm):
    username = forms.CharField(label=_("User name"), max_length=150)
    password = forms.CharField(label=_("Password"), strip=False, max_length=1024,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))


def passphrase_field(label: str, *, new: bool = True, **extra: object) -> forms.CharField:
    """A passphrase box: never stripped, never autofilled with an old one when it is new."""
    return forms.CharField(label=label, strip=False, max_length=1024, widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password" if new else "current-password"}), **extra)


class NewPassphrase(forms.Form):
    """A new passphrase typed twice; the second box must match the first."""

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("new") and data.get("new") != data.get("new_again"):
            self.add_error("new_again", _("The two passphrases are different. Please type them again."))
        return data


class RecoverForm(NewPassphrase):
    code = forms.CharField(label=_("Recovery code"), max_length=80,
                           widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
                           help_text=_("The 24 letters and numbers you saved at set-up, dashes optional."))
    new = passphrase_field(_("A new passphrase"))
    new_again = passphrase_field(_("The new passphrase again"))


class ChangePassphraseForm(NewPassphrase):
    current = passphrase_field(_("Current passphrase"), new=False)
    new = passphrase_field(_("New passphrase"))
    new_again = passphrase_field(_("New passphrase again"))


class RecoveryCodeForm(forms.Form):
    passphrase = passphrase_field(_("Your passphrase"), new=False)


class AddPassphraseForm(NewPassphrase):
    new = passphrase_field(_("A passphrase"), help_text=_("A few ordinary words in a row work well."))
    new_again = passphrase_field(_("The passphrase again"))


class ChangePasswordForm(forms.Form):
    """A server-mode account's new password, typed twice, with the current one."""

    current = passphrase_field(_("Current password"), new=False)
    new = passphrase_field(_("New password"), help_text=_("A few ordinary words in a row work well."))
    new_again = passphrase_field(_("New password again"))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("new") and data.get("new") != data.get("new_again"):
            self.add_error("new_again", _("The two passwords are different. Please type them again."))
        return data


class AdminSignInForm(AdminAuthenticationForm):
    """The admin's sign-in (THAWING_ADMIN=1), counted and paused like every other sign-in."""

    def clean(self) -> dict[str, object]:
        from thawing.accounts import services
        from thawing.accounts.clients import client_address

        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = services.sign_in(username=username, password=password,
                                                   client=client_address(self.request))
            except ThawingError as error:
                raise ValidationError(say(error.message)) from None
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data
