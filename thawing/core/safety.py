"""Signs that someone may be in danger (G5), found in their own words, on their own device.

`crisis_signals` reads a journal entry, note or flicker and says whether it suggests
thoughts of suicide, self-harm, or of life not being worth living. It is tuned for recall:
a gentle, non-blocking screen with crisis lines is a small price for a false alarm, and
missing a real crisis is not. Everyday figures of speech ("I'm dying to see it", "this
commute is killing me") are not signals, and neither is a plain denial of one's own intent
("I'm not suicidal") unless something else in the text is. Nothing is stored, logged or
sent: the caller only learns that support should be shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUICIDE, SELF_HARM, HOPELESSNESS = "suicide", "self-harm", "hopelessness"
_ME = r"(?:my\s*self|meself|myslef|mysefl)"
_NEGATORS = re.compile(r"\b(?:not|never|no|nope|nor)\b|n't\b|\bnt\b|\bdont\b|\bwont\b|\bwouldnt\b")
# Words that, between a negator and a signal, show the negator is about something else
# ("I don't know why I want to die").
_BREAKERS = re.compile(r"\b(?:know|sure|why|but|if|think|thought|care|understand|how|when|what)\b")
_ACCIDENT = re.compile(r"\b(?:shav\w*|accident\w*|cooking|stove|oven|pan|kettle|iron|knife while|"
                       r"chopping|slicing|garden\w*|gym|football|playing|fell|tripped|by mistake)\b")
_CLAUSE_END = re.compile(r"[.!?;:\n]|\bbut\b")


@dataclass(frozen=True)
class Signal:
    """One reason to offer support: its kind, and where in the text it was seen."""

    kind: str
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    # A plain denial just before it ("not", "never", "don't") cancels it.
    negatable: bool = False
    # Accident words in the same clause ("shaving", "on the stove") cancel it.
    accidental: bool = False


def _rule(kind: str, pattern: str, *, negatable: bool = False, accidental: bool = False) -> _Rule:
    return _Rule(kind, re.compile(pattern), negatable, accidental)


RULES: tuple[_Rule, ...] = (
    # Suicide: naming it, wishing to die, plans and means.
    _rule(SUICIDE, rf"\bkill(?:s|ing|ed)?\s+{_ME}\b", negatable=True),
    _rule(SUICIDE, r"\bkms\b|\bunaliv\w*|\bsewer\s*slide\b|\bsu[i1]c[i1]d\w*|\bsuicde\w*"
                   r"|\bsucide\w*", negatable=True),
    _rule(SUICIDE, r"\b(?:end|ending|ended|take|taking|took|end\s+up\s+taking)\s+(?:my\s+(?:own\s+)?"
                   r"life|my\s+own\s+life)\b", negatable=True),
    _rule(SUICIDE, r"\bend(?:ing|ed)?\s+it\s+all\b|\bend\s+(?:it|things|everything)\s+(?:for\s+good"
                   r"|forever|permanently|tonight)\b"),
    _rule(SUICIDE, r"\b(?:plan|plans|planning|planned|going|want|wanting|wanted|ready|decided|decide"
                   r"|deciding|thinking\s+about|think\s+about|thought\s+about)\s+(?:how\s+)?to\s+end"
                   r"\s+(?:it|things|everything|my\s+life)\b"),
    _rule(SUICIDE, r"\b(?:want|wanna|wanting|wanted|wish|wishing|ready|going|gonna|trying|tried|try|"
                   r"deserve|need|needs|hope)\s+(?:to\s+)?(?:just\s+)?(?:die|dye|be\s+dead)\b"
                   r"(?!\s+(?:my|her|his|the|your|our)\s+hair)", negatable=True),
    _rule(SUICIDE, r"\bi\s+(?:wish|hope)\s+i\s+(?:was|were|could\s+be|would\s+be)\s+dead\b"
                   r"|\bwish\s+i\s+(?:wasn't|was\s+not|weren't|were\s+not)\s+(?:alive|here|born|around)\b"
                   r"|\bwish\s+i\s+(?:had|'d)\s+never\s+been\s+born\b|\bwish\s+i\s+didn't\s+exist\b"),
    _rule(SUICIDE, r"\b(?:better|happier|easier)\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were|"
                   r"wasn't|weren't|died|disappeared|was\s+gone|were\s+gone))\b"
                   r"|\bbetter\s+(?:place|world|for\s+everyone)\s+without\s+me\b"),
    _rule(SUICIDE, r"\b(?:rather|sooner)\s+be\s+dead\b|\bi'?d\s+rather\s+not\s+(?:be\s+alive|exist|"
                   r"wake\s+up)\b"),
    _rule(SUICIDE, r"\b(?:don't|do\s+not|dont|no\s+longer|never)\s+want\s+to\s+(?:live|be\s+alive|"
                   r"be\s+here\s+anymore|exist|wake\s+up|be\s+around\s+anymore|go\s+on)\b"),
    _rule(SUICIDE, r"\bnot\s+sure\s+(?:i|if\s+i)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|go\s+on)\b"),
    _rule(SUICIDE, r"\b(?:sleep\s+forever|never\s+wake\s+up(?!\s+(?:late|early|on\s+time|in\s+time)))"
                   r"|\b(?:hope|wish)\s+i\s+(?:don't|do\s+not|won't|wouldn't|never)\s+wake\s+up\b"),
    _rule(SUICIDE, r"\b(?:goodbye|suicide|farewell|last)\s+(?:note|notes|letter|letters|message)"
                   r"\b(?!\s+(?:from|of)\s+(?:the|my)\s+(?:landlord|school|boss|bank))"),
    _rule(SUICIDE, r"\b(?:jump|jumping|jumped|leap|leaping)\s+(?:off|from)\s+(?:a|the|my|this|that)\s+"
                   r"(?:bridge|building|roof|rooftop|balcony|cliff|ledge|tower|car\s+park|window)\b"),
    _rule(SUICIDE, r"\b(?:step|stepping|stepped|throw|throwing|threw|jump|jumping|walk|walking)\s+"
                   rf"(?:{_ME}\s+)?in\s+front\s+of\s+(?:a|the)\s+(?:train|bus|car|truck|lorry|tram)\b"),
    _rule(SUICIDE, r"\boverdos\w*|\bod'?d\b|\bod\s+on\b|\b(?:took|take|taking|swallow\w*)\s+(?:too\s+"
                   r"many|all\s+(?:my|the|of\s+my|of\s+the))\s+(?:pills|tablets|meds|medication|"
                   r"sleeping\s+pills|painkillers)\b|\bstockpil\w+\s+(?:pills|tablets|meds)\b"),
    _rule(SUICIDE, rf"\b(?:hang|hanging|hanged|shoot|shooting|drown|drowning|poison|poisoning|"
                   rf"suffocate|suffocating|gas)\s+{_ME}\b|\bslit(?:ting)?\s+my\s+(?:wrists?|throat)\b",
          negatable=True),
    _rule(SUICIDE, r"\b(?:disappear|vanish|be\s+gone)\s+(?:forever|for\s+good|permanently)\b"),
    _rule(SUICIDE, r"\b(?:no\s+one|nobody|no-one|noone)\s+(?:would|will|'d)\s+(?:even\s+)?(?:miss|"
                   r"notice|care)\b[^.!?\n]{0,40}\b(?:if|when)\s+i\b[^.!?\n]{0,25}\b(?:gone|dead|died|"
                   r"disappeared|wasn't\s+here|weren't\s+here|was\s+not\s+here|not\s+around|left)\b"),
    _rule(SUICIDE, r"\b(?:i'?m|i\s+am)\s+done\s+with\s+(?:life|living|being\s+alive|it\s+all|"
                   r"everything|this\s+life|existing)\b"),
    _rule(SUICIDE, r"\b(?:want|wish|need)\s+(?:it\s+all|everything|the\s+pain|my\s+life)\s+to\s+(?:stop|"
                   r"end)\s+(?:forever|for\s+good|permanently)\b|\bwant\s+(?:it\s+all|everything|"
                   r"my\s+life)\s+to\s+end\b"),
    _rule(SUICIDE, r"\b(?:a|my|the)\s+plan\s+to\s+(?:die|end\s+it|end\s+my\s+life|kill\s+myself)\b"),
    # Self-harm.
    _rule(SELF_HARM, r"\bself[\s-]?harm\w*|\bself[\s-]?injur\w*|\bsh\s+(?:again|urges?|relapse|"
                     r"scars?)\b|\b(?:relapsed|relapse|clean)\s+(?:on|into|from)\s+(?:sh|self[\s-]?harm)\b"
                     r"|\burges?\s+to\s+(?:cut|hurt\s+myself|self[\s-]?harm)\b", negatable=True),
    _rule(SELF_HARM, rf"\b(?:cut|cutting|cuts|burn|burning|burned|burnt|hit|hitting|scratch|scratching|"
                     rf"scratched|hurt|hurting|harm|harming|harmed|punish|punishing|punished|punch|"
                     rf"punching|punched|bruise|bruising|starve|starving|starved)\s+{_ME}\b",
          negatable=True, accidental=True),
    _rule(SELF_HARM, r"\b(?:been|started|start|keep|kept|am|i'm|was)\s+cutting\s+(?:again|myself|my)"
                     r"|\bcutting\s+again\b|\bcut(?:ting)?\s+(?:my\s+)?(?:arms?|wrists?|thighs?|legs?)\b"
                     r"(?:\s+again)?", accidental=True),
    # Life not worth living, no way to go on.
    _rule(HOPELESSNESS, r"\b(?:no|not\s+any|don't\s+see\s+(?:any|the|a)|can't\s+see\s+(?:any|the|a)|"
                        r"isn't\s+(?:any|a)|there's\s+no|is\s+no|lost\s+(?:my|the|any))\s+(?:point|"
                        r"reason|purpose)\s+(?:in\s+|to\s+|of\s+|for\s+)?(?:living|live|being\s+alive|"
                        r"going\s+on|existing|keep\s+going|keeping\s+going|life|staying\s+alive|"
                        r"being\s+here)\b"),
    _rule(HOPELESSNESS, r"\bwhat'?s\s+the\s+(?:point|use)\s+(?:of|in)\s+(?:living|being\s+alive|life|"
                        r"going\s+on|existing|anything|any\s+of\s+(?:it|this)|me|trying|carrying\s+on)\b"),
    _rule(HOPELESSNESS, r"\b(?:life|living|my\s+life)\s+(?:is\s+not|isn't|is\s+no\s+longer|isnt|"
                        r"doesn't\s+feel|does\s+not\s+feel|is\s+not\s+really|feels\s+not)\s+worth\s+"
                        r"(?:living|it)\b|\bnot\s+worth\s+living\b|\bno\s+longer\s+worth\s+living\b"),
    _rule(HOPELESSNESS, r"\b(?:can't|cannot|can\s+not|cant|couldn't)\s+(?:go\s+on|keep\s+going|carry\s+"
                        r"on|do\s+this\s+anymore|do\s+this\s+any\s+more|take\s+(?:it|this|much\s+more)"
                        r"\s+any\s*more|keep\s+living|live\s+like\s+this|bear\s+it\s+any\s*more)\b"),
    _rule(HOPELESSNESS, r"\b(?:no|not\s+any|lost\s+all)\s+(?:will|desire|wish)\s+to\s+(?:live|go\s+on|"
                        r"keep\s+going|be\s+alive)\b|\btired\s+of\s+(?:living|being\s+alive|existing|"
                        r"life\s+itself)\b"),
)


def _normalise(text: str) -> str:
    """Lower case, straight apostrophes, single spaces; the same length as the input."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")


def _clause_before(text: str, start: int) -> str:
    """The part of the clause that comes before `start`."""
    clause_start = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        clause_start = match.end()
    return text[clause_start:start]


def _clause_around(text: str, start: int, end: int) -> str:
    after = _CLAUSE_END.search(text, end)
    return _clause_before(text, start) + text[start:after.start() if after else len(text)]


def _denied(text: str, start: int) -> bool:
    """True for "I'm not suicidal", "I would never hurt myself", "I don't want to die"."""
    words = _clause_before(text, start).split()[-4:]
    window = " ".join(words)
    return bool(_NEGATORS.search(window)) and not _BREAKERS.search(window)


def crisis_signals(text: str) -> list[Signal]:
    """Signs of crisis in a person's own words (G5); an empty list means none were seen."""
    lowered = _normalise(text or "")
    signals: list[Signal] = []
    taken: list[tuple[int, int]] = []
    for rule in RULES:
        for match in rule.pattern.finditer(lowered):
            start, end = match.span()
            if rule.negatable and _denied(lowered, start):
                continue
            if rule.accidental and _ACCIDENT.search(_clause_around(lowered, start, end)):
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            signals.append(Signal(rule.kind, (start, end)))
    return sorted(signals, key=lambda s: s.span or (0, 0))
