"""What makes a password or passphrase too easy to guess, said kindly; both modes ask the same.

Server mode runs the validators below through Django (`AUTH_PASSWORD_VALIDATORS`): at sign-up,
`thawing adduser` and a password change. The local profile has no Django password, so its
services ask `check_new_passphrase` before a passphrase locks the data (set-up, change, adding
one, recovery). A common password is one of the 20,000 in Django's list, also with digits or
marks added at the end ("password123!"); a pattern is a character again and again, a short
piece repeated, a run ("abcdefgh", "98765432") or a keyboard row ("qwertyuiop").
"""

from __future__ import annotations

import string
from functools import cache
from itertools import pairwise

from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    MinimumLengthValidator,
    UserAttributeSimilarityValidator,
)
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thawing.core import crypto
from thawing.core.errors import InvalidInput
from thawing.core.i18n import Message, msg

KEYBOARD = ("qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn",
            "1234567890", "abcdefghijklmnopqrstuvwxyz")
# Fewer different characters than this is a pattern, however long ("abababab", "1112221112").
FEWEST_DIFFERENT = 4


@cache
def _common_passwords() -> frozenset[str]:
    return frozenset(CommonPasswordValidator().passwords)


def is_common(secret: str) -> bool:
    """In Django's list of common passwords, as it is or without digits and marks at the end."""
    text = secret.lower().strip()
    base = text.rstrip(string.digits + string.punctuation + " ")
    return text in _common_passwords() or (len(base) >= 4 and base in _common_passwords())


def is_pattern(secret: str) -> bool:
    """A character again and again, a short piece repeated, a run, or a keyboard row."""
    text = "".join(secret.lower().split())
    if len(set(text)) < FEWEST_DIFFERENT:
        return True
    if any(text == (text[:size] * (len(text) // size + 1))[:len(text)]
           for size in range(1, len(text) // 2 + 1)):
        return True
    steps = {ord(after) - ord(before) for before, after in pairwise(text)}
    if steps in ({1}, {-1}):
        return True
    return any(text in row or text in row[::-1] for row in KEYBOARD)


def passphrase_problem(passphrase: str) -> Message | None:
    """Why a new local passphrase would be guessed quickly, or None when it is fine."""
    if is_common(passphrase):
        return msg("That passphrase is one many people use, so it would be among the first "
                   "guesses. A few ordinary words in a row, like a little sentence only you "
                   "would think of, are easy to remember and much harder to guess.")
    if is_pattern(passphrase):
        return msg("That passphrase follows a simple pattern (a letter again and again, or a run "
                   "like 1234 or qwerty), so it would be guessed quickly. A few ordinary words in "
                   "a row are easy to remember and much harder to guess.")
    return None


def check_new_passphrase(passphrase: str, *, field: str = "passphrase") -> None:
    """InvalidInput on `field` for a new local passphrase too short, too long or too easy to guess."""
    try:
        crypto.check_passphrase_strength(passphrase)
    except InvalidInput as error:
        raise InvalidInput({field: error.fields["passphrase"]}) from None
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise InvalidInput({field: problem})


class LengthValidator(MinimumLengthValidator):
    def get_error_message(self) -> str:
        return _("That password is too short: please choose one of at least %(min_length)d "
                 "characters. A few ordinary words in a row are easy to remember and hard to guess.")


class LikeTheNameValidator(UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return _("That password is a lot like your user name, so it would be easy to guess. "
                 "Please choose one that has nothing to do with it.")


class CommonValidator(CommonPasswordValidator):
    """Django's list, also with digits or marks added at the end; read once per process."""

    def __init__(self) -> None:
        self.passwords = _common_passwords()

    def validate(self, password: str, user: object = None) -> None:
        if is_common(password):
            raise ValidationError(self.get_error_message(), code="password_too_common")

    def get_error_message(self) -> str:
        return _("That password is one many people use, so it would be among the first guesses. "
                 "A few ordinary words in a row, like a little sentence only you would think of, "
                 "are easy to remember and much harder to guess.")


class PatternValidator:
    def validate(self, password: str, user: object = None) -> None:
        if is_pattern(password):
            raise ValidationError(self.get_error_message(), code="password_pattern")

    def get_error_message(self) -> str:
        return _("That password follows a simple pattern (a letter again and again, or a run like "
                 "1234 or qwerty), so it would be guessed quickly. A few ordinary words in a row "
                 "are easy to remember and much harder to guess.")

    def get_help_text(self) -> str:
        return _("Your password can\u2019t be a simple pattern like 1234, qwerty or aaaa.")
