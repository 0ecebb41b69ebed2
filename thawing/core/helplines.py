"""Crisis lines and emergency numbers by country (G5), from `content/helplines.toml`.

Each way to reach a line becomes a link of its own (`links`): a number to call a `tel:` link,
a text line an `sms:` link (with its keyword in the body), a WhatsApp-only number a wa.me
link, an e-mail address a `mailto:` link, a web page an https link; never one link that
mixes a number and an address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote


@dataclass(frozen=True)
class Helpline:
    name: str
    contact: str
    phone: str
    text: str
    hours: str
    url: str
    description: str
    source: str
    last_checked: str
    email: str = ""
    whatsapp: str = ""
    sms_body: str = ""
    second_source: tuple[str, ...] = ()
    second_checked: str = ""

    @property
    def reach(self) -> tuple[Link, ...]:
        """Every way to reach this line, each its own link (see `links`)."""
        return links(self)


@dataclass(frozen=True)
class Withheld:
    """A number left out on purpose (out of date, disputed or single-source), with why."""

    country: str
    number: str
    reason: str
    source: str = ""


@dataclass(frozen=True)
class Link:
    """One way to reach a line: `kind` is call, text, whatsapp, email or web."""

    kind: str
    href: str
    value: str
    body: str = ""


@dataclass(frozen=True)
class CountryHelp:
    country: str
    name: str
    emergency: str
    helplines: tuple[Helpline, ...]

    @property
    def emergency_reach(self) -> tuple[Link, ...]:
        """The emergency number(s) as call links (see `emergency_links`)."""
        return emergency_links(self)


@dataclass(frozen=True)
class HelpBook:
    countries: tuple[CountryHelp, ...]
    fallback: CountryHelp
    withheld: tuple[Withheld, ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> HelpBook:
        def country(entry: Mapping[str, Any]) -> CountryHelp:
            return CountryHelp(
                country=entry["country"],
                name=entry["name"],
                emergency=entry.get("emergency", ""),
                helplines=tuple(
                    Helpline(
                        name=h["name"], contact=h.get("contact", ""), phone=h.get("phone", ""),
                        text=h.get("text", ""), hours=h.get("hours", ""), url=h.get("url", ""),
                        description=h.get("description", ""), source=h["source"],
                        last_checked=h["last_checked"], email=h.get("email", ""),
                        whatsapp=h.get("whatsapp", ""), sms_body=h.get("sms_body", ""),
                        second_source=_as_tuple(h.get("second_source", ())),
                        second_checked=h.get("second_checked", ""),
                    )
                    for h in entry.get("helplines", ())
                ),
            )

        return cls(
            countries=tuple(country(c) for c in data["countries"]),
            fallback=country(data["fallback"]),
            withheld=tuple(Withheld(w["country"], w["number"], w["reason"], w.get("source", ""))
                           for w in data.get("withheld", ())),
        )

    def for_country(self, code: str | None) -> CountryHelp:
        """Help for an ISO 3166 alpha-2 code; the international fallback when not listed."""
        key = (code or "").strip().upper()
        return next((c for c in self.countries if c.country == key), self.fallback)


def _as_tuple(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def dialable(number: str) -> str:
    """The digits of a number (and a leading +), as tel:, sms: and wa.me want them."""
    number = number.strip()
    return ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


def links(line: Helpline) -> tuple[Link, ...]:
    """Every way to reach `line`, each its own link: call, text, WhatsApp, e-mail, web."""
    found = []
    if line.phone:
        found.append(Link("call", f"tel:{dialable(line.phone)}", line.phone))
    if line.text:
        body = f"?body={quote(line.sms_body)}" if line.sms_body else ""
        found.append(Link("text", f"sms:{dialable(line.text)}{body}", line.text, line.sms_body))
    if line.whatsapp:
        found.append(Link("whatsapp", f"https://wa.me/{dialable(line.whatsapp).lstrip('+')}",
                          line.whatsapp))
    if line.email:
        found.append(Link("email", f"mailto:{line.email}", line.email))
    if line.url:
        shown = re.sub(r"^https://(www\.)?", "", line.url).rstrip("/")
        found.append(Link("web", line.url, shown))
    return tuple(found)


def emergency_links(found: CountryHelp) -> tuple[Link, ...]:
    """The emergency number(s) as call links ("999 or 112" gives two); none for the fallback."""
    numbers = [part.strip() for part in found.emergency.split(" or ")]
    if not all(re.fullmatch(r"\d[\d ]*", number) for number in numbers):
        return ()
    return tuple(Link("call", f"tel:{dialable(number)}", number) for number in numbers)


LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-.*)?$")


def country_from_languages(header: str | None) -> str:
    """The region of the browser's most preferred language that names one ("en-GB" -> "GB").

    Reads an HTTP Accept-Language value; "" when no language names a two-letter region
    ("en", "es-419", "*", or nothing at all).
    """
    ranked = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        match = LANGUAGE_TAG.match(tag.strip())
        if match and weight > 0:
            ranked.append((-weight, position, match.group(1).upper()))
    return min(ranked)[2] if ranked else ""


def crisis_lines(found: CountryHelp, *, fallback: CountryHelp | None = None) -> list[str]:
    """Crisis lines and the emergency number as plain lines of text (after content's `reach_out`)."""
    lines = [f"{found.name}: in an emergency, call {found.emergency}."]
    extra = fallback.helplines if fallback and found.country else ()
    for line in found.helplines + extra:
        hours = f" ({line.hours})" if line.hours else ""
        lines.append(f"  \u2022 {line.name}: {line.contact}{hours}")
        if line.url:
            lines.append(f"    {line.url}")
        if line.description:
            lines.append(f"    {line.description}")
    lines.append("Thawing never contacts anyone for you. Nothing you write is sent anywhere.")
    return lines
