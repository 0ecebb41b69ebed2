"""User names that cannot pass for someone else's (sign-up and `thawing adduser`).

A name is first brought to its ordinary form (Unicode NFKC: full-width "ａlice" becomes "alice",
as Django's user model would store it anyway), then it may hold letters, marks that belong to
them, the digits 0-9 and . _ - @ +, and nothing invisible (zero-width characters, direction
controls, soft hyphens) or spaced. Its letters come from one alphabet, or from the mixes that
East Asian names use (Latin with Han, Hiragana, Katakana, Hangul or Bopomofo), following the
"highly restrictive" level of Unicode TS #39; a name written wholly in Cyrillic or Greek letters
that look Latin ("аррӏе") is refused too. Names are compared without case by the caller.
"""

from __future__ import annotations

import unicodedata

from thawing.core.i18n import Message, msg

MAX_LENGTH = 150
MARKS = "._-@+"
MOST_MARKS_IN_A_ROW = 2
HAN = frozenset({"CJK", "IDEOGRAPHIC"})
# Script sets a single name may mix (Unicode TS #39, highly restrictive).
MIXES = (
    frozenset({"LATIN", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"}) | HAN,
    frozenset({"LATIN", "HANGUL"}) | HAN,
    frozenset({"LATIN", "BOPOMOFO"}) | HAN,
)
# Cyrillic and Greek letters that look like Latin ones.
LATIN_LOOKALIKES = frozenset(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04bb\u051b\u051d\u04cf"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408\u0405\u04ae"
    "\u03bf\u03c1\u03b1\u03b9\u03ba\u03bd\u03c5\u03c7"
    "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7"
)

INVISIBLE = msg("A user name can have letters, numbers and . _ - @ +, but nothing invisible and no "
                "spaces. Please choose another.")
MIXED = msg("That user name mixes letters from different alphabets, so it could look like someone "
            "else\u2019s. Please use the letters of one alphabet.")
LOOKALIKE = msg("That user name is written in letters that look just like Latin ones, so it could "
                "be mistaken for someone else\u2019s. Please choose another.")
LENGTH = msg("Choose a user name of 1 to 150 characters.")


def normalise(name: str) -> str:
    """The ordinary form of a typed user name (NFKC, no spaces around it)."""
    return unicodedata.normalize("NFKC", name or "").strip()


def _script(char: str) -> str | None:
    """The alphabet of a letter, from its Unicode name; None for digits and marks."""
    if char.isascii():
        return "LATIN" if char.isalpha() else None
    return unicodedata.name(char, "UNKNOWN").split(" ")[0]


def problem(name: str) -> Message | None:
    """Why this (normalised) user name is refused, or None."""
    if not 1 <= len(name) <= MAX_LENGTH:
        return LENGTH
    scripts: set[str] = set()
    marks_in_a_row = 0
    for index, char in enumerate(name):
        category = unicodedata.category(char)
        if category.startswith("M"):
            marks_in_a_row += 1
            # An accent belongs to the letter before it, and a pile of them hides that letter.
            if index == 0 or marks_in_a_row > MOST_MARKS_IN_A_ROW:
                return INVISIBLE
            continue
        marks_in_a_row = 0
        # Modifier letters are left out, but for the long-vowel and repeat marks of Japanese.
        if (category.startswith("L") and category != "Lm") or char in "\u30fc\u3005":
            scripts.add(_script(char) or "LATIN")
        elif not (char in MARKS or "0" <= char <= "9"):
            return INVISIBLE
    if len(scripts) > 1 and not any(scripts <= mix for mix in MIXES):
        return MIXED
    letters = [char for char in name if unicodedata.category(char).startswith("L")]
    if scripts & {"CYRILLIC", "GREEK"} and all(char in LATIN_LOOKALIKES for char in letters):
        return LOOKALIKE
    return None
