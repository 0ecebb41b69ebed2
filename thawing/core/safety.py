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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from thawing.core.signal import Signal

__all__ = ["Signal", "crisis_signals", "professional_help_signals", "History"]

SUICIDE, SELF_HARM, HOPELESSNESS = "suicide", "self-harm", "hopelessness"
_ME = r"(?:my\s*self|meself|myslef|mysefl)"
# Talking about someone else's attempt or self-harm also warrants showing support gently.
_ANYONE = r"(?:my\s*self|meself|myslef|mysefl|himself|herself|themselves|themself|yourself)"
_WANT = r"(?:want|wants|wanna|wanting|wanted|wnat|wamt|wnt|wan)"
_PILLS = (r"(?:pills|tablets|meds|medication|medicine|painkillers|paracetamol|tylenol|ibuprofen|"
          r"aspirin|sleeping\s+pills|sleeping\s+tablets)")
# Figures of speech that contain a signal word but mean something else; blanked before
# matching so that nothing inside them can count.
_IDIOMS = re.compile(
    r"\b(?:career|fashion|social|political|professional|commercial|electoral|financial|"
    r"brand|business)\s+suicide\b|\bsuicide\s+(?:sprints?|doors?|squad|runs?|drills?|"
    r"lanes?|knots?|pass(?:es)?|kings?|bids?|blondes?)\b|\bdie\s+(?:of|from)\s+(?:embarrassment|"
    r"shame|laughter|laughing|boredom|cringe|happiness|curiosity|envy|jealousy|excitement)\b"
    r"|\bdie\s+laughing\b|\bkill(?:ing|ed|s)?\s+(?:myself|me)\s+laughing\b")
_NEGATORS = re.compile(r"\b(?:not|never|no|nope|nor)\b|n't\b|\bnt\b|\bdont\b|\bwont\b|\bwouldnt\b")
# Words that, between a negator and a signal, show the negator is about something else
# ("I don't know why I want to die").
_BREAKERS = re.compile(r"\b(?:know|sure|why|but|if|think|thought|care|understand|how|when|what)\b")
_ACCIDENT = re.compile(r"\b(?:shav\w*|accident\w*|cooking|stove|oven|pan|kettle|iron|knife while|"
                       r"chopping|slicing|garden\w*|gym|football|playing|fell|tripped|by mistake)\b")
_CLAUSE_END = re.compile(r"[.!?;:\n]|\bbut\b")
# "...if I was suicidal and honestly I'm not": a denial right after the words.
_DENIED_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:and|but)\s+(?:honestly\s+|really\s+|truly\s+)?"
                           r"(?:i'?m|i\s+am|im)\s+not\b")


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
    # Suicide: naming it, wishing to die or not to exist, plans and means.
    _rule(SUICIDE, rf"\bkil+(?:s|ing|ed)?\s+{_ANYONE}\b|\b(?:off|top|topping|topped|end|ending)\s+"
                   rf"{_ME}\b|\b(?:delete|deleting|erase|erasing)\s+{_ME}\b", negatable=True),
    _rule(SUICIDE, r"\bkms\b|\bunaliv\w*|\bsewer\s*slide\b|\bsu[i1*]c[i1]d\w*|\bs\*[i1]c[i1]d\w*"
                   r"|\bsuicde\w*|\bsuc[i1]d\w*|\bsucide\w*", negatable=True),
    _rule(SUICIDE, r"\b(?:end|ending|ended|take|taking|took|end\s+up\s+taking)\s+(?:my|his|her|"
                   r"their)\s+(?:own\s+)?life\b", negatable=True),
    _rule(SUICIDE, r"\bend(?:ing|ed)?\s+it\s+all\b|\bend\s+(?:it|things|everything)\s+(?:for\s+good"
                   r"|forever|permanently|tonight|soon)\b|\b(?:tonight|night|day|until|before|when)\s+"
                   r"i\s+(?:will\s+|'ll\s+)?end\s+it\b|\b(?:everything|all|what)\s+i\s+need\s+to\s+"
                   r"(?:end\s+it|die|do\s+it)\b"),
    _rule(SUICIDE, r"\b(?:plan|plans|planning|planned|going|want|wanting|wanted|ready|decided|decide"
                   r"|deciding|thinking\s+(?:about|bout|abt|of)|think\s+(?:about|bout|abt|of)|thought\s+"
                   r"(?:about|of))\s+(?:how\s+)?(?:to\s+)?end(?:ing)?\s+(?:it|things|everything|my\s+life)\b"),
    _rule(SUICIDE, rf"\b(?:{_WANT}|wish|wishing|ready|going|gonna|trying|tried|try|deserve|need|needs|"
                   r"hope)\s+(?:to\s+)?(?:just\s+)?(?:die|dye|be\s+dead)\b"
                   r"(?!\s+(?:my|her|his|the|your|our)\s+hair)", negatable=True),
    _rule(SUICIDE, rf"\b(?:{_WANT}|wish|wishing|need)\s+(?:to\s+)?(?:just\s+)?(?:stop|quit)\s+(?:being\s+"
                   r"alive|existing|living)\b|\b(?:stop|cease)\s+(?:to\s+)?exist(?:ing)?\b"
                   rf"|\b(?:{_WANT}|wish)\s+(?:to\s+)?(?:just\s+)?not\s+(?:be\s+here|be\s+alive|exist)\b"
                   rf"|\b(?:{_WANT}|wish)\s+my\s+life\s+(?:to\s+be\s+over|would\s+(?:just\s+)?end|to\s+end)\b"),
    _rule(SUICIDE, r"\bi\s+(?:wish|hope)\s+i\s+(?:was|were|could\s+be|would\s+be)\s+dead\b"
                   r"|\bwish\s+i\s+(?:wasn't|was\s+not|weren't|were\s+not)\s+(?:alive|here|born|around)\b"
                   r"|\bwish\s+i\s+(?:had|'d)\s+never\s+been\s+born\b|\bwish\s+i\s+didn't\s+exist\b"),
    _rule(SUICIDE, r"\b(?:better|happier|easier)\s+off\s+(?:dead|without\s+me)\b|\b(?:better|happier|"
                   r"easier)\s+(?:off\s+)?if\s+i\s+(?:was|were|wasn't|weren't|died|disappeared|was\s+gone|"
                   r"were\s+gone)\b|\bbetter\s+(?:place|world|for\s+everyone)\s+without\s+me\b"),
    _rule(SUICIDE, r"\b(?:rather|sooner)\s+be\s+dead\b|\bi'?d\s+rather\s+not\s+(?:be\s+alive|exist|"
                   r"wake\s+up)\b"),
    _rule(SUICIDE, rf"\b(?:don't|do\s+not|dont|no\s+longer|never)\s+{_WANT}\s+(?:to\s+)?(?:live|be\s+"
                   r"alive|be\s+here\s+anymore|exist|wake\s+up|be\s+around|go\s+on)\b"),
    _rule(SUICIDE, r"\bnot\s+sure\s+(?:i|if\s+i)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|go\s+on)\b"
                   r"|\bdon't\s+care\s+(?:if|whether)\s+i\s+(?:live|die)\b"),
    _rule(SUICIDE, rf"\b(?:{_WANT}|wish|wishing|longing)\s+(?:to\s+)?(?:just\s+)?(?:go\s+to\s+)?sleep\s+"
                   r"forever\b|\b(?:sleep|fall\s+asleep|go\s+to\s+sleep)\s+and\s+(?:not|never)\s+wake\s+"
                   r"up\b|\bnever\s+wake\s+up\s+again\b|\b(?:hope|hoping|wish|pray|praying)\s+(?:that\s+)?"
                   r"i\s+(?:don't|do\s+not|won't|wouldn't|never|will\s+not)\s+wake\s+up\b"),
    _rule(SUICIDE, r"\b(?:hope|hoping|wish|wishing|pray|praying)\b[^.!?\n]{0,30}\b(?:hits?\s+me|run\s+me\s+"
                   r"over|runs\s+me\s+over|get\s+hit\s+by|gets?\s+me\s+killed|kills?\s+me\b(?!\s+(?:with|"
                   r"first)))"),
    _rule(SUICIDE, r"\b(?:death|dying|being\s+dead)\s+(?:would\s+be|is|feels\s+like|seems\s+like|"
                   r"sounds\s+like|would\s+feel\s+like)\s+(?:a\s+|the\s+)?(?:relief|easier|better|answer|"
                   r"only\s+(?:way|option|answer)|peace|peaceful|release|escape|way\s+out)\b"
                   r"|\bmy\s+own\s+death\b|\b(?:think|thinking|thought)\s+about\s+(?:death|dying)\s+"
                   r"(?:all\s+the\s+time|constantly|every\s+day|a\s+lot|so\s+much)\b"),
    _rule(SUICIDE, r"\b(?:goodbye|suicide|farewell)\s+(?:note|notes|letter|letters|message)"
                   r"\b(?!\s+(?:from|of)\s+(?:the|my)\s+(?:landlord|school|boss|bank))|\bmy\s+last\s+entry\b"
                   r"|\b(?:after|when)\s+(?:i'?m|i\s+am|im)\s+gone\b|\bwon'?t\s+be\s+(?:alive|here|around)\s+"
                   r"(?:tomorrow|next|much\s+longer|for\s+long|by|anymore)\b"),
    _rule(SUICIDE, r"\b(?:jump|jumping|jumped|leap|leaping)\s+(?:off|from)\s+(?:a|the|my|this|that)\s+"
                   r"(?:bridge|building|roof|rooftop|balcony|cliff|ledge|tower|car\s+park|multi-storey|"
                   r"window)\b|\b(?:throw|throwing|threw|fling|flinging)\s+myself\s+(?:off|from|out|"
                   r"under|into|in\s+front)\b"),
    _rule(SUICIDE, r"\b(?:step|stepping|stepped|throw|throwing|threw|jump|jumping|walk|walking)\s+"
                   rf"(?:{_ME}\s+)?in\s+front\s+of\s+(?:a|the)\s+(?:train|bus|car|truck|lorry|tram)\b"
                   r"|\b(?:stand|standing|stood)\s+on\s+(?:the|a)\s+(?:bridge|ledge|edge|roof|platform\s+edge|"
                   r"platform)\b[^.!?\n]{0,50}\b(?:thinking|thought|jump|let\s+go|letting\s+go)\b"
                   r"|\b(?:thought|thinking|think)\s+(?:about|of)\s+(?:jumping|letting\s+go|stepping\s+off)\b"),
    _rule(SUICIDE, rf"\boverdos\w*|\bod'?d\b|\bod\s+on\b|\bod(?:ing|ed)\b|\b(?:took|take|taking|"
                   rf"swallow\w*)\s+(?:too\s+many|all\s+(?:my|the|of\s+my|of\s+the))\s+{_PILLS}\b"
                   rf"|\b(?:saving|saved|stockpil\w*|hoard\w*|collecting|collected)\s+(?:up\s+)?(?:my\s+|"
                   rf"the\s+|some\s+)?{_PILLS}\b|\b{_PILLS}\s+(?:are\s+)?(?:ready|saved|stockpiled|hoarded)\b"
                   rf"|\bhow\s+many\s+(?:\w+\s+){{0,2}}?{_PILLS}\s+(?:it\s+)?(?:would|does|will|to)\b|\b(?:took|take|"
                   rf"taking|swallowed)\s+(?:a\s+(?:load|bunch|handful|lot)\s+of\s+|loads\s+of\s+|lots\s+of\s+|"
                   rf"too\s+much\s+)?{_PILLS}\s+on\s+purpose\b"),
    _rule(SUICIDE, r"\b(?:painless|quick|quickest|easiest|best|fastest|surest)\s+way\s+to\s+(?:die|end\s+it|"
                   r"kill\s+myself|go)\b|\b(?:date|day|time|way|method|place)\s+to\s+die\b|\b(?:only|no)\s+"
                   r"way\s+out\b[^.!?\n]{0,25}\b(?:die|dying|death|end\s+it)\b"),
    _rule(SUICIDE, rf"\b(?:hang|hanging|hanged|shoot|shooting|drown|drowning|poison|poisoning|"
                   rf"suffocate|suffocating|gas)\s+{_ANYONE}\b|\bslit(?:ting)?\s+my\s+(?:wrists?|throat)\b"
                   r"|\bblow\s+my\s+brains\s+out\b|\bgun\s+to\s+my\s+head\b|\bbullet\s+(?:in|through)\s+my\s+"
                   r"head\b|\brope\b[^.!?\n]{0,40}\b(?:what\s+it'?s\s+for|my\s+neck|hang)\b|\b(?:use|using|"
                   r"used)\s+it\s+on\s+myself\b", negatable=True),
    _rule(SUICIDE, r"\b(?:drive|drove|driving|crash\w*|swerv\w*)\s+(?:\w+\s+){0,3}?(?:into|off)\s+"
                   r"(?:a|the)\s+(?:tree|wall|road|bridge|river|lorry|truck|oncoming)\b[^.!?\n]{0,20}\bon\s+purpose\b"),
    _rule(SUICIDE, r"\b(?:disappear|dis+ap+ear|vanish|be\s+gone)\s+(?:forever|for\s+good|permanently)\b"),
    _rule(SUICIDE, r"\b(?:no\s+one|nobody|no-one|noone)\s+(?:would|will|'d)\s+(?:even\s+)?miss\s+me\b"
                   r"|\b(?:no\s+one|nobody|no-one|noone)\s+(?:would|will|'d)\s+(?:even\s+)?(?:notice|care)\b"
                   r"[^.!?\n]{0,40}\b(?:if|when)\s+i\b[^.!?\n]{0,25}\b(?:gone|dead|died|disappeared|"
                   r"wasn't\s+here|weren't\s+here|was\s+not\s+here|not\s+around|left)\b"),
    _rule(SUICIDE, r"\b(?:i'?m|i\s+am|im)\s+done\s+with\s+(?:life|living|being\s+alive|it\s+all|"
                   r"everything|this\s+life|existing)\b"),
    _rule(SUICIDE, r"\b(?:want|wish|need)\s+(?:it\s+all|everything|the\s+pain|my\s+life)\s+to\s+(?:stop|"
                   r"end)\s+(?:forever|for\s+good|permanently)\b|\bwant\s+(?:it\s+all|everything|"
                   r"my\s+life)\s+to\s+end\b"),
    _rule(SUICIDE, r"\b(?:a|my|the)\s+plan\s+to\s+(?:die|end\s+it|end\s+my\s+life|kill\s+myself)\b"),
    _rule(SUICIDE, r"\bwhy\s+(?:am\s+i|i'?m|im|i\s+am)\s+(?:even\s+|still\s+)*(?:alive|living)\b"),
    # Self-harm.
    _rule(SELF_HARM, r"\bself[\s-]?harm\w*|\bself[\s-]?injur\w*|\bsh\s+(?:again|urges?|relapse|"
                     r"scars?)\b|\b(?:relapsed|relapse|clean)\s+(?:on|into|from)\s+(?:sh|self[\s-]?harm)\b"
                     r"|\burges?\s+to\s+(?:cut|hurt\s+myself|self[\s-]?harm)\b", negatable=True),
    _rule(SELF_HARM, rf"\b(?:cut|cutting|cuts|burn|burning|burned|burnt|hit|hitting|scratch|scratching|"
                     rf"scratched|hurt|hurting|harm|harming|harmed|punish|punishing|punished|punch|"
                     rf"punching|punched|bruise|bruising|starve|starving|starved)\s+{_ANYONE}\b",
          negatable=True, accidental=True),
    _rule(SELF_HARM, r"\b(?:been|started|start|keep|kept|am|i'm|was)\s+cutting\s+(?:again|myself|my)"
                     r"|\bcutting\s+again\b|\bcut(?:ting)?\s+(?:my\s+)?(?:arms?|wrists?|thighs?|legs?)\b"
                     r"(?:\s+again)?|\bcut\s+again\b|\bbeen\s+cutting\b(?!\s+(?:back|down|costs|the|out|hair|"
                     r"vegetables|onions|wood|grass|corners|it))", accidental=True),
    _rule(SELF_HARM, r"\b(?:until|till|til)\s+(?:it|they|i|my\s+\w+)\s+(?:bled|bleeds|bleed|bleeding)\b"
                     r"|\b(?:made|make|making)\s+myself\s+bleed\b|\bwant(?:ed)?\s+(?:it|me)\s+to\s+hurt\b"
                     r"|\b(?:want|wanted|need|needed|urge)\s+to\s+cut\b(?!\s+(?:\w+\s+)?(?:hair|back|down|"
                     r"costs|ties|the|it|in|out|some|up|off|class|school|work|corners|loose))"
                     r"|\b(?:hide|hiding|hid|cover|covering)\s+(?:the|my)\s+(?:cuts|scars|marks)\b|\b(?:fresh|"
                     r"new)\s+cuts\b|\bcuts\s+on\s+my\s+(?:arms?|wrists?|thighs?|legs?|stomach)\b"
                     r"|\bcarv(?:e|ed|ing)\s+(?:into\s+)?(?:my|myself)\b", accidental=True),
    # Life not worth living, no way to go on.
    _rule(HOPELESSNESS, r"\b(?:no|not\s+any|don't\s+see\s+(?:any|the|a)|can't\s+see\s+(?:any|the|a)|"
                        r"isn't\s+(?:any|a)|there's\s+no|is\s+no|lost\s+(?:my|the|any))\s+(?:point|"
                        r"reason|purpose)\s+(?:in\s+|to\s+|of\s+|for\s+)?(?:me\s+to\s+)?(?:keep\s+)?"
                        r"(?:living|live|being\s+alive|going\s+on|existing|keep\s+going|keeping\s+going|"
                        r"life|staying\s+alive|stay\s+alive|being\s+here|be\s+here)\b"
                        r"|\b(?:nothing|no\s+one|nobody)\s+(?:left\s+)?to\s+live\s+for\b"),
    _rule(HOPELESSNESS, r"\bwhat'?s\s+the\s+(?:point|use)\s+(?:of|in)\s+(?:living|being\s+alive|life|"
                        r"going\s+on|existing|anything|any\s+of\s+(?:it|this)|me|trying|carrying\s+on)\b"),
    _rule(HOPELESSNESS, r"\b(?:life|living|my\s+life)\s+(?:is\s+not|isn't|is\s+no\s+longer|isnt|"
                        r"doesn't\s+feel|does\s+not\s+feel|is\s+not\s+really|feels\s+not)\s+worth\s+"
                        r"(?:living|it)\b|\bnot\s+worth\s+living\b|\bno\s+longer\s+worth\s+living\b"),
    _rule(HOPELESSNESS, r"\b(?:can't|cannot|can\s+not|cant|couldn't)\s+(?:go\s+on(?!\s+(?:a|an|the|that|this|"
                        r"holiday|vacation|trips?|tour|stage|air|line|social|about|with|to|at|my|our|your|"
                        r"their|his|her|dates?|rides?|foot|leave|strike))|keep\s+going|carry\s+"
                        r"on|do\s+this\s+anymore|do\s+this\s+any\s+more|do\s+life|take\s+(?:it|this|much\s+"
                        r"more)\s+any\s*more|keep\s+living|live\s+like\s+this|bear\s+it\s+any\s*more)\b"),
    _rule(HOPELESSNESS, r"\b(?:no|not\s+any|lost\s+all)\s+(?:will|desire|wish)\s+to\s+(?:live|go\s+on|"
                        r"keep\s+going|be\s+alive)\b|\b(?:tired|sick)\s+of\s+(?:living|being\s+alive|"
                        r"existing|life\s+itself)\b"),
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


def _blank_idioms(text: str) -> str:
    return _IDIOMS.sub(lambda m: " " * len(m.group()), text)


def crisis_signals(text: str) -> list[Signal]:
    """Signs of crisis in a person's own words (G5); an empty list means none were seen."""
    lowered = _blank_idioms(_normalise(text or ""))
    signals: list[Signal] = []
    taken: list[tuple[int, int]] = []
    for rule in RULES:
        for match in rule.pattern.finditer(lowered):
            start, end = match.span()
            if rule.negatable and (_denied(lowered, start)
                                   or _DENIED_AFTER.match(lowered[end:end + 60])):
                continue
            if rule.accidental and _ACCIDENT.search(_clause_around(lowered, start, end)):
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            signals.append(Signal(rule.kind, (start, end)))
    return sorted(signals, key=lambda s: s.span or (0, 0))


# --- When to talk to a professional (G1) -------------------------------------------------
#
# A past of depression, anxiety or trauma (the optional history question) lowers the
# threshold of the other reasons, as stepped care does: NICE CG90 (step 2) acts on milder or
# shorter difficulties when there is a history. How, here (the numbers are design choices
# built on that guidance, not validated cut-offs):
# - feeling shut down or low feeling for two weeks is a clear reason, not a gentle one;
# - PHQ-9 and GAD-7 count from 5 (the start of "mild") as a gentle reason, not only from 10
#   (the lower line is in each instrument's file);
# - one day of feeling detached is clear; two very hard days, or two days of alcohol or drugs
#   to cope, are enough;
# - the PHQ-9's "somewhat difficult" becomes a gentle reason.
# PCL-5, PC-PTSD-5 and AUDIT-C keep their published lines, already the more sensitive ones.
# PHQ-9 question 9 never needs a history: any answer above 0 is a reason, and its reason
# stays for two weeks whatever comes after, because an answer of 0 later is no all-clear.

URGENT, CLEAR, GENTLE = "urgent", "clear", "gentle"
LEVELS = (URGENT, CLEAR, GENTLE)
EPISODE_GENTLE_DAYS = 14   # "more than 2 weeks" (one source)
EPISODE_CLEAR_DAYS = 28    # "more than 4 to 6 weeks without improvement": we use the lower end
LOW_FEEL = 3               # "how much can you feel" at or below this counts as a numb day
LOW_SHARE = 0.7            # most days
MIN_DAYS = 7               # fewer answered days say too little
SCREEN_CUTOFF = 10         # PHQ-9 and GAD-7: 10 or more warrants further assessment
SCREEN_RECENT_DAYS = 30
ITEM9_DAYS = 14            # a PHQ-9 question 9 above 0 stays a reason for at least two weeks
VERY_DIFFICULT = 2         # PHQ-9 final question: 2 "Very", 3 "Extremely difficult"
RECENT_DAYS = 14           # detachment, hard days and substances are read over two weeks
DETACHED_CLEAR_DAYS = 2    # feeling unreal or outside oneself on 2+ days: a clear reason
STRUGGLING_DAYS = 3        # daily life very hard on 3+ days of two weeks: "significantly impaired"
SUBSTANCE_CLEAR_DAYS = 3   # alcohol or drugs to cope on 3+ days of two weeks: a clear reason
PAST = ("trauma", "depression", "anxiety")


@dataclass(frozen=True)
class Screened:
    """The latest result of one questionnaire, reduced to what the rules read.

    `cutoff` is the published line that applies to this person (None: no reason from the
    total); `lowered` the line after a past history, if the instrument has one; `difficulty`
    the PHQ-9's final question (0-3, None when unanswered).
    """

    on: date
    total: int
    cutoff: int | None = SCREEN_CUTOFF
    lowered: int | None = None
    difficulty: int | None = None


@dataclass(frozen=True)
class History:
    """What the rules read from a person's own records, already reduced to plain values."""

    episode_since: date | None = None
    daily_feel: Sequence[tuple[date, float]] = ()
    # The latest result per instrument id: a Screened, or (day, total) read at the usual cut-off.
    screenings: Mapping[str, Screened | tuple[date, int]] = field(default_factory=dict)
    # The day and answer of the latest PHQ-9 whose question 9 was above 0.
    item9: tuple[date, int] | None = None
    # Optional profile answers: which of PAST the person has lived through before.
    past: frozenset[str] = frozenset()
    # Days with a check-in ticked "detached" / "daily life very hard".
    detached_days: Sequence[date] = ()
    struggling_days: Sequence[date] = ()
    # Days alcohol or drugs were noted as used to cope (numbing log, F5).
    substance_days: Sequence[date] = ()
    # First night of a week whose sleep moved more than 2 hours from the person's baseline (F1).
    sleep_change_since: date | None = None

    @property
    def lowered(self) -> bool:
        """True when a past history lowers the thresholds (see the notes above)."""
        return any(item in self.past for item in PAST)


def _numb_since(daily_feel: Sequence[tuple[date, float]], *, today: date, days: int) -> bool:
    """Low feeling on most answered days of the window, with answers reaching back across it."""
    window = [(d, v) for d, v in daily_feel if today - timedelta(days=days) < d <= today]
    if len(window) < MIN_DAYS or min(d for d, _ in window) > today - timedelta(days=days * 3 // 4):
        return False
    return sum(v <= LOW_FEEL for _, v in window) >= LOW_SHARE * len(window)


def _improving(daily_feel: Sequence[tuple[date, float]], *, today: date) -> bool:
    """The last two weeks' mean is at least 1 point above the two weeks before."""
    recent = [v for d, v in daily_feel if today - timedelta(days=14) < d <= today]
    before = [v for d, v in daily_feel if today - timedelta(days=28) < d <= today - timedelta(days=14)]
    if not recent or not before:
        return False
    return sum(recent) / len(recent) >= sum(before) / len(before) + 1


def professional_help_signals(history: History, *, today: date) -> list[Signal]:
    """Reasons, from the person's own records, to suggest talking to a professional (G1).

    Urgent reasons (PHQ-9 question 9) come first, then clear ones, then gentle ones. Each
    names since when it holds; `figures["lowered"]` is True where a past history made it count.
    """
    signals: list[Signal] = []
    if history.item9 is not None and 0 <= (today - history.item9[0]).days <= ITEM9_DAYS:
        on, answer = history.item9
        signals.append(Signal("phq9-item9", level=URGENT, since=on,
                              figures={"answer": answer, "until": on + timedelta(days=ITEM9_DAYS)}))
    signals.extend(_duration_signals(history, today=today))
    signals.extend(_screening_signals(history, today=today))
    signals.extend(_recent_day_signals(history, today=today))
    if history.sleep_change_since is not None:
        signals.append(Signal("sleep-change", level=GENTLE, since=history.sleep_change_since))
    past = [item for item in PAST if item in history.past]
    if past and (signals or history.episode_since is not None):
        # A past of trauma, depression or anxiety matters most alongside numbness now.
        signals.append(Signal("history", level=GENTLE, figures={"past": tuple(past)}))
    return sorted(signals, key=lambda s: LEVELS.index(s.level))


def _duration_signals(history: History, *, today: date) -> list[Signal]:
    """Feeling shut down, and low feeling on most days, for two then four weeks (G1)."""
    signals = []
    # With a past history, two weeks are enough for a clear reason.
    early = CLEAR if history.lowered else GENTLE
    lowered = {"lowered": True} if history.lowered else {}
    if history.episode_since is not None:
        days = (today - history.episode_since).days
        if days > EPISODE_CLEAR_DAYS and not _improving(history.daily_feel, today=today):
            signals.append(Signal("long-shutdown", level=CLEAR, since=history.episode_since,
                                  figures={"days": days}))
        elif days > EPISODE_GENTLE_DAYS:
            signals.append(Signal("shutdown", level=early, since=history.episode_since,
                                  figures={"days": days, **lowered}))
    if _numb_since(history.daily_feel, today=today, days=EPISODE_CLEAR_DAYS) and not _improving(
            history.daily_feel, today=today):
        signals.append(Signal("long-numbness", level=CLEAR,
                              since=today - timedelta(days=EPISODE_CLEAR_DAYS)))
    elif _numb_since(history.daily_feel, today=today, days=EPISODE_GENTLE_DAYS):
        signals.append(Signal("numbness", level=early,
                              since=today - timedelta(days=EPISODE_GENTLE_DAYS), figures=lowered))
    return signals


def _screening_signals(history: History, *, today: date) -> list[Signal]:
    """Recent check-ups at or above their cut-off, and the PHQ-9's "how difficult" (G1)."""
    signals = []
    for instrument, taken in history.screenings.items():
        result = taken if isinstance(taken, Screened) else Screened(*taken)
        if not 0 <= (today - result.on).days <= SCREEN_RECENT_DAYS:
            continue
        if result.cutoff is not None and result.total >= result.cutoff:
            signals.append(Signal(f"{instrument}-high", level=CLEAR, since=result.on,
                                  figures={"total": result.total, "cutoff": result.cutoff}))
        elif (history.lowered and result.lowered is not None and result.total >= result.lowered):
            signals.append(Signal(f"{instrument}-high", level=GENTLE, since=result.on,
                                  figures={"total": result.total, "cutoff": result.lowered,
                                           "lowered": True}))
        if result.difficulty is None:
            continue
        if result.difficulty >= VERY_DIFFICULT:
            signals.append(Signal(f"{instrument}-difficulty", level=CLEAR, since=result.on,
                                  figures={"answer": result.difficulty}))
        elif history.lowered and result.difficulty == VERY_DIFFICULT - 1:
            signals.append(Signal(f"{instrument}-difficulty", level=GENTLE, since=result.on,
                                  figures={"answer": result.difficulty, "lowered": True}))
    return signals


def _recent(days: Sequence[date], today: date) -> list[date]:
    return sorted({d for d in days if today - timedelta(days=RECENT_DAYS) < d <= today})


def _recent_day_signals(history: History, *, today: date) -> list[Signal]:
    """Detachment, hard days and substances used to cope, over the last two weeks (G1).

    A past history makes each count one day sooner.
    """
    signals = []
    fewer = 1 if history.lowered else 0
    lowered = {"lowered": True} if history.lowered else {}
    detached = _recent(history.detached_days, today)
    if detached:
        clear = len(detached) >= DETACHED_CLEAR_DAYS - fewer
        signals.append(Signal("detached", level=CLEAR if clear else GENTLE, since=detached[0],
                              figures={"days": len(detached),
                                       **(lowered if len(detached) < DETACHED_CLEAR_DAYS else {})}))
    struggling = _recent(history.struggling_days, today)
    if len(struggling) >= STRUGGLING_DAYS - fewer:
        signals.append(Signal("struggling", level=CLEAR, since=struggling[0],
                              figures={"days": len(struggling),
                                       **(lowered if len(struggling) < STRUGGLING_DAYS else {})}))
    substances = _recent(history.substance_days, today)
    if substances:
        clear = len(substances) >= SUBSTANCE_CLEAR_DAYS - fewer
        signals.append(Signal("substances", level=CLEAR if clear else GENTLE, since=substances[0],
                              figures={"days": len(substances),
                                       **(lowered if clear and len(substances) < SUBSTANCE_CLEAR_DAYS
                                          else {})}))
    return signals
