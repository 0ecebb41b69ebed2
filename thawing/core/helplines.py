"""Crisis lines and emergency numbers by country (G5), from `content/helplines.toml`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


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


@dataclass(frozen=True)
class CountryHelp:
    country: str
    name: str
    emergency: str
    helplines: tuple[Helpline, ...]


@dataclass(frozen=True)
class HelpBook:
    countries: tuple[CountryHelp, ...]
    fallback: CountryHelp

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
                        last_checked=h["last_checked"],
                    )
                    for h in entry.get("helplines", ())
                ),
            )

        return cls(
            countries=tuple(country(c) for c in data["countries"]),
            fallback=country(data["fallback"]),
        )

    def for_country(self, code: str | None) -> CountryHelp:
        """Help for an ISO 3166 alpha-2 code; the international fallback when not listed."""
        key = (code or "").strip().upper()
        return next((c for c in self.countries if c.country == key), self.fallback)


HEAVY_WORDS = "Some of what you wrote sounds very heavy. You don\u2019t have to carry it alone."
REACH_OUT = "If you are in danger or might hurt yourself, please reach out now."


def crisis_lines(found: CountryHelp, *, fallback: CountryHelp | None = None) -> list[str]:
    """Crisis lines and the emergency number as plain lines of text, after REACH_OUT."""
    lines = [f"{found.name}: in an emergency, call {found.emergency}."]
    extra = fallback.helplines if fallback and found.country else ()
    for line in found.helplines + extra:
        hours = f" ({line.hours})" if line.hours else ""
        lines.append(f"  \u2022 {line.name}: {line.contact}{hours}")
        if line.description:
            lines.append(f"    {line.description}")
    lines.append("Thawing never contacts anyone for you. Nothing you write is sent anywhere.")
    return lines
