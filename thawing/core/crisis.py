"""Signs that someone may be in danger (G5), found in their own words, on their own device.

`crisis_signals(text)` reads a journal entry, note or flicker and returns one `Signal` for each
passage that suggests thoughts of suicide, self-harm or the warning signs that often come with
them. It is tuned for recall: a gentle, non-blocking card with crisis lines is a small price for a
false alarm, and a miss may cost a life. Nothing is stored, logged or sent.

How it reads, in three steps
1. **Canonical words.** The text is cut into sentences and words; contractions are opened ("im",
   "i'm" -> "i am"; "dont" -> "do not"; "gonna" -> "going to"), common misspellings, leetspeak and
   internet euphemisms are mapped to one spelling ("su1cide", "sewerslide" -> "suicide"; "kms" ->
   "kill myself"; "unalive"), and inflections to their lemma ("took" -> "take", "pills" -> "pill").
   Rules are then written once over lemmas and word classes (a means, a height, a wish verb) with
   room for a few words in between, so they hold across tenses, word order and fragments with no
   "I" at the start. Every canonical word keeps the span of the original words it came from.
2. **Rules, each naming its category** (the taxonomy below).
3. **Context modifiers**, after NegEx and ConText (Chapman 2001; Harkema 2009): negation,
   hypothetical, someone else, the past, reported or fictional speech, prevention work, idiom and
   accident. Modifiers change the response; they never silence an explicit first-person
   statement:
   - a plain denial ("I'm not suicidal", "I would never hurt myself") with nothing else -> nothing;
   - a general hypothetical ("if I ever felt like that I'd call my sister") -> nothing;
   - someone else ("my friend said she wants to die") -> a Signal with context "other" (a
     "worried about someone?" card with the same lines);
   - one's own past ("I tried to end my life when I was 19") -> context "past" (the crisis lines
     and a gentle note: a past attempt is a risk factor, not a reason for silence);
   - news, fiction, lyrics, prevention work or study with no first-person statement -> nothing.

Taxonomy (`Signal.kind` / `Signal.level`), after the Columbia Suicide Severity Rating Scale's ladder
(Posner et al. 2011) and the warning signs listed by suicide-prevention bodies:
- suicide / wish:      wish to be dead or not to exist, relief at one's own death (C-SSRS 1)
- suicide / thoughts:  non-specific active thoughts of killing oneself (C-SSRS 2)
- suicide / method:    thoughts with a method (C-SSRS 3)
- suicide / intent:    intent, often with a time and no keyword (C-SSRS 4)
- suicide / plan:      plan or preparation: acquiring means, researching ways, rehearsal (C-SSRS 5)
- self-harm / behaviour: harming oneself, urges and relapses, in any method or words
- warning / burden:    others would be better off without me
- warning / farewell:  giving things away, goodbyes, affairs put in order, not being around
- warning / finality:  wanting it to stop for good, no way out, nothing to live for

Facts behind the design: ../shared/reference/clinical-2.md section 3 (keywords alone have low
precision and miss method words without any keyword; ConText is good at negation and
hypotheticals, only moderate at history and "someone else", hence recall first). Measured on a
corpus nobody here tuned on: tests/fixtures/crisis/ and docs/safety.md; `python -m bench.crisis`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from thawing.core.signal import Signal

SUICIDE, SELF_HARM, WARNING = "suicide", "self-harm", "warning"
WISH, THOUGHTS, METHOD, INTENT, PLAN = "wish", "thoughts", "method", "intent", "plan"
BEHAVIOUR, BURDEN, FAREWELL, FINALITY = "behaviour", "burden", "farewell", "finality"
SELF, OTHER, PAST = "self", "other", "past"
LEVELS = {SUICIDE: (WISH, THOUGHTS, METHOD, INTENT, PLAN), SELF_HARM: (BEHAVIOUR,),
          WARNING: (BURDEN, FAREWELL, FINALITY)}

# --- 1. Canonical words -------------------------------------------------------------------

_EXPAND = {
    "im": "i am", "i'm": "i am", "iam": "i am", "ive": "i have", "i've": "i have", "i'll": "i will",
    "i'd": "i would", "id've": "i would have", "i'd've": "i would have", "dont": "do not",
    "don't": "do not", "doesnt": "does not", "doesn't": "does not", "didnt": "did not",
    "didn't": "did not", "cant": "can not", "can't": "can not", "cannot": "can not",
    "couldnt": "could not", "couldn't": "could not", "wont": "will not", "won't": "will not",
    "wouldnt": "would not", "wouldn't": "would not", "shouldnt": "should not",
    "shouldn't": "should not", "isnt": "is not", "isn't": "is not", "arent": "are not",
    "aren't": "are not", "wasnt": "was not", "wasn't": "was not", "werent": "were not",
    "weren't": "were not", "havent": "have not", "haven't": "have not", "hasnt": "has not",
    "hasn't": "has not", "hadnt": "had not", "hadn't": "had not", "aint": "is not", "ain't": "is not",
    "mustnt": "must not", "needn't": "need not", "it's": "it is", "thats": "that is",
    "that's": "that is", "theres": "there is", "there's": "there is", "whats": "what is",
    "what's": "what is", "hes": "he is", "he's": "he is", "she's": "she is", "shes": "she is",
    "theyre": "they are", "they're": "they are", "theyd": "they would", "they'd": "they would",
    "theyll": "they will", "they'll": "they will", "youd": "you would", "you'd": "you would",
    "youre": "you are", "you're": "you are", "itd": "it would", "it'd": "it would",
    "itll": "it will", "it'll": "it will", "everyone'd": "everyone would", "gonna": "going to",
    "gunna": "going to", "gona": "going to", "wanna": "want to", "wana": "want to",
    "gotta": "got to", "tryna": "trying to", "idk": "i do not know", "idc": "i do not care",
    "ngl": "not going to lie", "tbh": "to be honest", "rn": "right now", "atm": "right now",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "2moro": "tomorrow",
    "2morrow": "tomorrow", "tomoz": "tomorrow", "tomorow": "tomorrow", "tn": "tonight",
    "2nite": "tonight", "tonite": "tonight", "2night": "tonight", "u": "you", "ur": "your",
    "cuz": "because", "cos": "because", "coz": "because", "bc": "because", "bcs": "because",
    "becuase": "because", "ppl": "people", "every1": "everyone", "everybody": "everyone",
    "no1": "no one", "noone": "no one", "nobody": "no one", "no-one": "no one",
    "some1": "someone", "somebody": "someone", "any1": "anyone", "anybody": "anyone",
    "kms": "kill myself", "kys": "kill yourself", "ctb": "catch the bus", "sh": "self harm",
    "selfharm": "self harm", "self-harm": "self harm", "self-harming": "self harm",
    "selfharming": "self harm", "self-harmed": "self harm", "self-injury": "self harm",
    "self-injure": "self harm", "self-injuring": "self harm", "nssi": "self harm",
    "sewerslide": "suicide", "suicided": "suicide", "sewer-slide": "suicide", "unalive": "unalive",
    "un-alive": "unalive", "unaliving": "unalive", "unalived": "unalive", "self-delete": "unalive",
    "selfdelete": "unalive", "od": "overdose", "o.d.": "overdose", "oded": "overdose",
    "od'd": "overdose", "od'ed": "overdose", "oding": "overdose", "ima": "i am going to",
    "imma": "i am going to", "i'ma": "i am going to", "w/o": "without", "b4": "before",
    "thru": "through", "tho": "though", "altho": "although", "nite": "night", "pls": "please",
    "plz": "please", "ok": "okay", "ofc": "of course", "wud": "would", "wld": "would",
    "cud": "could", "shud": "should", "abt": "about", "bout": "about", "myslef": "myself",
    "mysefl": "myself", "meself": "myself", "maself": "myself", "myseld": "myself",
    "mysef": "myself", "myselfe": "myself", "mysel": "myself", "mself": "myself",
    "themself": "themself", "themselves": "themself", "himself": "themself", "herself": "themself",
    "yourself": "themself", "urself": "themself", "yourselves": "themself",
    "lyf": "life", "lif": "life", "ded": "dead", "wnat": "want", "wamt": "want", "wnt": "want",
    "sh'd": "self harm", "sh'ed": "self harm", "tonights": "tonight is", "tonight's": "tonight is",
    "todays": "today is", "today's": "today is", "dieee": "die", "dyin": "die", "dying": "die",
    "dieing": "die", "killin": "kill",
    "thinkin": "think", "thinkng": "think", "anymore": "any more", "any1more": "any more",
    "anymroe": "any more", "nomore": "no more", "goodbye": "goodbye", "bye": "goodbye",
    "farewell": "goodbye", "alright": "okay",
}
_SUICIDE_WORDS = ("suicide", "suicidal", "suicidality", "suicidial", "suisidal", "sucidal",
                  "suicdal", "suicde", "suicid", "sucide", "suiside", "suicied", "suicidel",
                  "suicidally", "suicides")
# Lemmas of the verbs and nouns the rules speak of; other words stay as written.
_VERBS = (
    "die kill end want wish hope pray long crave yearn think consider contemplate imagine picture "
    "fantasise fantasize dream plan decide prepare research google search look check test practise "
    "practice rehearse write give leave say tell disappear vanish stop exist live wake sleep need "
    "deserve feel take swallow overdose jump step drive crash swerve hang shoot cut burn hurt harm "
    "scratch hit punch bite carve stab slice slit bruise starve punish bang pick scald buy order get "
    "collect save stockpile hoard stash count hide cover bleed relapse slip drown poison suffocate "
    "gas fall let do finish sort rehome donate sell delete erase choose find tie load hold keep "
    "work count calculate measure figure learn read watch stand walk lie throw cry beg ask pull "
    "fill fix arrange organise organize settle clear pay cancel return label update sign mean "
    "try attempt survive go come make see feel stare cope handle last manage belong matter "
    "miss notice care rest escape quit breathe suffer put hear"
).split()
_IRREGULAR = {
    "died": "die", "dies": "die", "dyed": "dye", "killed": "kill", "thought": "think",
    "took": "take", "taken": "take", "bought": "buy", "got": "get", "gotten": "get", "gave": "give",
    "given": "give", "said": "say", "told": "tell", "left": "leave", "hung": "hang",
    "hanged": "hang", "shot": "shoot", "burnt": "burn", "bit": "bite", "bitten": "bite",
    "drove": "drive", "driven": "drive", "wrote": "write", "written": "write", "felt": "feel",
    "kept": "keep", "held": "hold", "fell": "fall", "fallen": "fall", "found": "find",
    "slept": "sleep", "woke": "wake", "woken": "wake", "made": "make", "saw": "see", "seen": "see",
    "bled": "bleed", "stood": "stand", "threw": "throw", "thrown": "throw", "did": "do",
    "done": "do", "chose": "choose", "chosen": "choose", "sold": "sell", "lay": "lie",
    "lain": "lie", "lying": "lie", "meant": "mean", "tried": "try", "tries": "try", "came": "come",
    "read": "read", "learnt": "learn", "dreamt": "dream", "dug": "dig", "went": "go", "sat": "sit",
    "ran": "run",
    "pills": "pill", "tablets": "pill", "tablet": "pill", "meds": "pill", "med": "pill",
    "medication": "pill", "medications": "pill", "medicine": "pill", "medicines": "pill",
    "painkillers": "pill", "painkiller": "pill", "paracetamol": "pill", "acetaminophen": "pill",
    "tylenol": "pill", "ibuprofen": "pill", "aspirin": "pill", "advil": "pill", "codeine": "pill",
    "tramadol": "pill", "oxy": "pill", "oxycodone": "pill", "opioids": "pill", "opiates": "pill",
    "benzos": "pill", "xanax": "pill", "valium": "pill", "diazepam": "pill", "sertraline": "pill",
    "amitriptyline": "pill", "citalopram": "pill", "fluoxetine": "pill", "lithium": "pill",
    "quetiapine": "pill", "seroquel": "pill", "zopiclone": "pill", "antidepressants": "pill",
    "sleepers": "pill", "capsules": "pill", "capsule": "pill", "prescription": "pill",
    "insulin": "pill", "morphine": "pill", "fentanyl": "pill", "\U0001f48a": "pill",
    "guns": "gun", "pistol": "gun", "rifle": "gun", "shotgun": "gun", "firearm": "gun",
    "firearms": "gun", "revolver": "gun", "handgun": "gun", "glock": "gun", "\U0001f52b": "gun",
    "bullets": "bullet", "ammo": "bullet", "ammunition": "bullet", "ropes": "rope", "cord": "rope",
    "nooses": "noose", "ligature": "noose", "ligatures": "noose", "blades": "blade",
    "razor": "blade", "razors": "blade", "razorblade": "blade", "knife": "blade", "knives": "blade",
    "scalpel": "blade", "boxcutter": "blade", "\U0001f52a": "blade", "cuts": "cut", "scars": "scar",
    "marks": "mark", "burns": "burn", "wrists": "wrist", "arms": "arm", "thighs": "thigh",
    "legs": "leg", "letters": "letter", "notes": "note", "belongings": "thing", "things": "thing",
    "stuff": "thing", "possessions": "thing", "wounds": "wound", "bruises": "bruise",
    "bridges": "bridge", "buildings": "building", "roofs": "roof", "cliffs": "cliff",
    "trains": "train", "tracks": "track", "railway": "track", "railroad": "track", "lorry": "truck",
    "lorries": "truck", "trucks": "truck", "cars": "car", "walls": "wall", "trees": "tree",
    "motorway": "road", "highway": "road", "freeway": "road", "ones": "one", "families": "family",
    "kids": "child", "children": "child", "kid": "child", "mum": "mother", "mom": "mother",
    "mam": "mother", "mummy": "mother", "mommy": "mother", "dad": "father", "daddy": "father",
    "parents": "parent", "friends": "friend", "mate": "friend", "mates": "friend", "bestie": "friend",
    "pal": "friend", "everyone's": "everyone", "lives": "life", "deaths": "death", "goodbyes": "goodbye",
    "thoughts": "thought", "urges": "urge", "plans": "plan", "wills": "will", "mins": "minute",
    "minutes": "minute", "days": "day", "weeks": "week", "months": "month", "years": "year",
    "yrs": "year", "ago": "ago", "forever": "forever", "4ever": "forever", "permanently": "permanently",
    "burdens": "burden",
}
_KEEP = {"done", "going", "gone", "dead", "death", "better", "best", "living", "during", "nothing",
         "thing", "evening", "morning", "sing", "bring", "string", "ring", "king", "anything",
         "something", "everything", "being", "ceiling", "feeling", "feelings", "building",
         "wedding", "pudding", "meaning", "belonging", "noose", "less", "unless", "this",
         "is", "was", "has", "his", "yes", "as", "us", "its", "bus", "plus", "glass", "pass",
         "press", "kiss", "stress", "mess", "dress", "class", "grass", "process", "focus",
         "bless", "across", "illness", "sadness", "darkness", "emptiness", "happiness", "loneliness",
         "hopeless", "worthless", "pointless", "useless", "numbness", "needed", "bed", "red",
         "shed", "led", "wed", "used", "tired", "scared", "ashamed", "bored", "hundred", "kindred",
         "need", "feed", "seed", "speed", "weed", "bleed", "naked", "sacred", "wicked", "wretched",
         "rugged", "beloved", "crooked", "ragged"}


def _inflections(base: str) -> Iterable[str]:
    """The -s, -ed and -ing forms of a regular verb (and of a noun's plural)."""
    yield base
    yield base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    stem = base[:-1] if base.endswith("e") else base
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", base) or base in {"stop", "slip", "plan"}:
        stem = base + base[-1]
    if base.endswith("ie"):
        yield base[:-2] + "ying"
    yield stem + "ed" if not base.endswith("e") else base + "d"
    yield stem + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        yield base[:-1] + "ied"
        yield base[:-1] + "ies"


def _lemmas() -> dict[str, str]:
    table: dict[str, str] = {}
    for verb in _VERBS:
        for form in _inflections(verb):
            table.setdefault(form, verb)
    table.update(_IRREGULAR)
    for word in _SUICIDE_WORDS:
        table[word] = "suicidal" if word.startswith(("suicidal", "suisidal", "sucidal",
                                                          "suicdal", "suicidial")) else "suicide"
    for word in _KEEP:
        table.pop(word, None)
    return table


_LEMMA = _lemmas()
_LEET = str.maketrans({"1": "i", "!": "i", "0": "o", "3": "e", "4": "a", "@": "a", "$": "s", "5": "s",
                       "7": "t", "|": "i"})
_TOKEN = re.compile(r"w/o\b|[\w@$*'|!]+(?:-[\w']+)*|[.?;\n\u2026]+|[,:()\"\u2014\u2013]| - "
                    r"|[\U0001f300-\U0001faff]")
_SENTENCE_END = re.compile(r"[.?;\n\u2026!]+")
_STAR_WORDS = {"suicidal": re.compile(r"s[u*][i*]c[i*]d[a*][l*]"),
               "suicide": re.compile(r"s[u*][i*]c[i*]d[e*]?"), "kill": re.compile(r"k[i*][l*]{1,2}"),
               "die": re.compile(r"d[i*][e*]"), "self": re.compile(r"s[e*]lf")}


_SEEN: dict[str, str] = {}


def _canonical_word(raw: str) -> str:
    """One written word as the canonical word(s) the rules read (remembered: words repeat)."""
    known = _SEEN.get(raw)
    if known is None:
        known = _canonical_word_once(raw)
        if len(_SEEN) < 50_000:
            _SEEN[raw] = known
    return known


def _canonical_word_once(raw: str) -> str:
    word = raw.strip("'").replace("\u2019", "'")
    if not word:
        return ""
    if word in _EXPAND:
        return _EXPAND[word]
    if word.endswith("'s") and word[:-2] not in ("it", "that", "there", "what", "he", "she"):
        word = word[:-2]
    if any(c in word for c in "10!34@$57|") and any(c.isalpha() for c in word):
        leet = word.translate(_LEET)
        if leet in _EXPAND or leet in _LEMMA:
            word = leet
    if "*" in word:
        for canonical, pattern in _STAR_WORDS.items():
            if pattern.fullmatch(word):
                return canonical
        word = word.replace("*", "")
    if word not in _LEMMA and word not in _EXPAND and re.search(r"(.)\1\1", word):
        for squeezed in (re.sub(r"(.)\1+", r"\1\1", word), re.sub(r"(.)\1+", r"\1", word)):
            if squeezed in _LEMMA or squeezed in _EXPAND:
                word = squeezed
                break
    for suffix, tail in (("n't", " not"), ("'ll", " will"), ("'d", " would"), ("'ve", " have"),
                         ("'re", " are")):
        if word.endswith(suffix) and word not in _EXPAND:
            head = word[:-len(suffix)]
            return f"{_LEMMA.get(head, head)}{tail}"
    if word in _EXPAND:
        return _EXPAND[word]
    return _LEMMA.get(word, word)


_WINDOW = 600   # characters either side of a match that its context is read from


@dataclass(frozen=True)
class _Sentence:
    """A sentence as canonical words joined by single spaces, each word mapped to its span."""

    text: str
    spans: tuple[tuple[int, int], ...]   # one per canonical word
    offsets: tuple[int, ...]             # where each canonical word starts in `text`
    raw: str = ""                        # the sentence as written (lower case): its tenses

    def span(self, start: int, end: int) -> tuple[int, int]:
        first = _index(self.offsets, start)
        last = _index(self.offsets, max(start, end - 1))
        return self.spans[first][0], self.spans[last][1]

    def before(self, start: int) -> list[str]:
        """The words before `start`, at most about a hundred (a long sentence stays linear)."""
        words = self.text[max(0, start - _WINDOW):start].split()
        return words[1:] if start > _WINDOW else words

    def after(self, end: int) -> list[str]:
        words = self.text[end:end + _WINDOW].split()
        return words[:-1] if end + _WINDOW < len(self.text) else words

    # What holds for the whole sentence, read once however many rules match in it.
    @functools.cached_property
    def reported(self) -> bool:
        return bool(_REPORTED.search(self.text))

    @functools.cached_property
    def said_yes(self) -> bool:
        return bool(_SAID_YES.search(self.text))

    @functools.cached_property
    def accident(self) -> bool:
        return bool(_ACCIDENT.search(self.text)) and not self.deliberate

    @functools.cached_property
    def mishap(self) -> bool:
        return bool(_MISHAP.search(self.text)) and not self.deliberate

    @functools.cached_property
    def deliberate(self) -> bool:
        return bool(_DELIBERATE.search(self.text))

    @functools.cached_property
    def back_now(self) -> bool:
        """Something says it is here now, whatever past the sentence also names."""
        rest = _PAST_ONLY.sub(" ", _PAST_MARKER.sub(" ", self.text)).replace("used to", " ")
        return bool(_PRESENT_RISK.search(rest) or _PRESENT_RAW.search(self.raw))


def _index(offsets: tuple[int, ...], position: int) -> int:
    low, high = 0, len(offsets) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if offsets[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low


def _sentences(text: str) -> list[_Sentence]:
    normal = unicodedata.normalize("NFKC", text).lower()
    normal = normal.replace("\u2018", "'").replace("\u2019", "'").replace("`", "'").replace("\u02bc", "'")
    if len(normal) != len(text):   # NFKC changed lengths (rare ligatures): keep spans honest
        normal = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    found: list[_Sentence] = []
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(normal):
        raw = match.group()
        if _SENTENCE_END.fullmatch(raw) or raw == "!":
            if words:
                found.append(_build(words, spans, normal))
            words, spans = [], []
            continue
        canonical = "," if raw in {",", ":", "(", ")", '"', "\u2014", "\u2013", " - "} else \
            _canonical_word(raw)
        for piece in canonical.split():
            words.append(piece)
            spans.append(match.span())
    if words:
        found.append(_build(words, spans, normal))
    return found


def _join_phrases(words: list[str]) -> None:
    """Two-word euphemisms read as one word: "sewer slide" is "suicide" (both words keep it)."""
    for i in range(len(words) - 1):
        if (words[i], words[i + 1]) in {("sewer", "slide"), ("self", "delete"), ("un", "alive")}:
            words[i] = words[i + 1] = "unalive" if words[i] != "sewer" else "suicide"


def _build(words: list[str], spans: list[tuple[int, int]], normal: str = "") -> _Sentence:
    while len(words) > 1 and words[0] == ",":   # a quotation mark opening the sentence
        del words[0], spans[0]
    _join_phrases(words)
    offsets, position = [], 0
    for word in words:
        offsets.append(position)
        position += len(word) + 1
    raw = normal[spans[0][0]:spans[-1][1]] if spans and normal else ""
    return _Sentence(" ".join(words), tuple(spans), tuple(offsets), raw)


# --- 2. Rules -------------------------------------------------------------------------------

_SIMPLE_EXPAND = {k: v for k, v in _EXPAND.items() if k.isalpha()}


def _canonical_pattern(pattern: str) -> str:
    """The same pattern over canonical words: "stopping" in a rule reads "stop", as the text does."""
    def word(match: re.Match[str]) -> str:
        found = match.group(1)
        return _SIMPLE_EXPAND.get(found) or _LEMMA.get(found, found)
    marked = pattern.replace("\\b", "\x00")
    return re.sub(r"(?<![\\a-z])(?<!\(\?)(?<!\(\?<)([a-z]+)(?![a-z])", word, marked).replace("\x00", "\\b")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_canonical_pattern(pattern))


def _any(words: str) -> str:
    return "(?:" + "|".join(sorted(words.split("|"), key=len, reverse=True)) + ")"


def _gap(most: int) -> str:
    """Up to `most` words of any kind between two parts of a rule."""
    return rf" ?(?:[^ ]+ ){{0,{most}}}"


def _short_gap(most: int) -> str:
    """Up to `most` words, not crossing a comma."""
    return rf" ?(?:[^ ,]+ ){{0,{most}}}"


ME = _any("myself|me|my self|my own self|mine")
WANT = _any("want|wish|hope|pray|long|crave|yearn|need|deserve|ready|would like|would love|"
            "like|love|dream|fantasise|fantasize|tempt|tempted|desperate|itch|beg|welcome|"
            "would not mind|do not mind|would be nice|would be easier|would be good|would be a relief|"
            "could just|should just|going to|want to just|urge|"
            "would give anything|wanting")
THINK = _any("think|thought|consider|contemplate|imagine|picture|fantasise|fantasize|dream|"
             "daydream|obsess|obsessed|plan|google|research|idea|image|urge|fixate|fixated|"
             "ruminate|wonder|visualise|visualize|see|keep seeing")
DEAD = _any("die|dead|death|not exist|not be alive|not be here|not be around|not wake up|"
            "never wake up|stop exist|stop live|stop breathe|cease to exist|cease exist|be gone|"
            "disappear|no longer exist|no longer be here|no longer be alive|"
            "not wake|stop be alive|stop be here|be no more|perish|pass away|croak|"
            "kick the bucket|unalive|rest in peace|rip|six feet under|in the ground|in a box|"
            "sleep forever|sleep and never wake|sleep and not wake|not have been born|never been born|"
            "never have been born|not be born|not exist any more|vanish")
DEAD = DEAD.replace("|disappear|", "|disappear(?! (?:into|in|under|for|to|from|on|off|with|behind))|")
KILL_SELF = (rf"(?:kill|end|off|top|unalive|delete|erase|hang|shoot|drown|poison|suffocate|gas|"
             rf"starve|harm|hurt|do in|do away with|finish|destroy) {ME}\b|unalive|"
             r"\b(?:take|end|finish) (?:my|me) (?:own )?life\b|\bend (?:it|this|everything|things) all\b|"
             r"\bend it\b|\bsuicide\b|\bsuicidal\b|\bcatch the bus\b|\bdo myself in\b|"
             r"\bself (?:delete|destruct|terminate)\b|\bneck myself\b|\brope myself\b|"
             r"\bcommit\b(?! to| (?:a|the|crime|fraud|murder))|\bkill myself\b")
GUN = _any("gun|bullet|trigger|barrel|chamber|safety")
HEIGHT = _any("bridge|building|roof|rooftop|balcony|cliff|ledge|overpass|flyover|car park|"
              "multi storey|parking garage|parking structure|tower|window|viaduct|top floor|edge|"
              "railing|rail|the top|high|height|tall|storey|floor|cliffs|quarry|dam|skyscraper")
VEHICLE = _any("train|bus|truck|traffic|tram|car|track|oncoming|subway|tube|platform|lorry|van|"
               "semi|18 wheeler|motorway|road|highway")
BLOCK = _any("wall|tree|pillar|barrier|lamppost|lamp post|post|bridge|river|lake|canal|sea|"
             "ocean|cliff|ditch|oncoming|truck|lorry|bus|overpass|concrete|central reservation|"
             "median|guardrail|guard rail|embankment|edge|water")
WATER = _any("river|sea|ocean|lake|canal|water|waves|loch|reservoir|tide|current|bath|bathtub")
SH_VERB = _any("cut|burn|scratch|hit|punch|bite|carve|stab|slice|scald|bruise|bang|pick|slap|claw|"
               "gouge|pinch|beat|whip|brand|choke|strangle|starve|harm|hurt|injure|punish|mutilate|"
               "bleed|dig|tear|rip|scrape|skin|smash|jab|prick|sting|pierce|rub|pull")
BODY = _any("arm|wrist|thigh|leg|skin|stomach|hip|hand|face|chest|ankle|shoulder|belly|body|flesh|"
            "forearm|side|vein|veins|finger|knuckle|head|neck|scalp|hair|breast|foot|feet|shin|calf|"
            "tummy|back|cuticle|cuticles|lip|lips|nail|nails|palm|palms|hips|hands|ankles|fingers|"
            "knuckles|shoulders|forearms|ribs|cheek|cheeks|thumb|thumbs|toes|collarbone|sides")
RELIEF = _any("relief|relieved|relieve|peace|peaceful|nice|better|easier|good|freedom|free|rest|"
              "welcome|comfort|comforting|calm|calming|lovely|bliss|blessing|gift|mercy|okay|fine|"
              "lighter|happier|sweet|soothing|escape|release|break|quiet|glad|grateful|hopeful|"
              "beautiful|best|answer|solution|way out|not mind|not be sad|not care|no big deal|"
              "not be so bad|not be the worst|a favour|a favor|look forward|cannot wait|can not wait")
TIME = _any("tonight|today|tomorrow|this weekend|weekend|friday|saturday|sunday|monday|tuesday|"
            "wednesday|thursday|this week|next week|soon|now|right now|after|before|when|once|"
            "this time|morning|midnight|tonight's|this evening|later|in the morning|at dawn|"
            "by|this month|new year|christmas|birthday|anniversary|end of the month|end of the week|"
            "end of the day|payday|then")


@dataclass(frozen=True)
class Rule:
    """One pattern over canonical words and the category it names.

    `negatable`: a denial just before it ("not", "never", "no") cancels it, unless the denial is
    one of the pseudo-negations ("not sure", "can't stop"). `mention`: it names the subject
    without saying whose experience it is ("suicide", "an overdose"), so news, fiction,
    prevention work and general hypotheticals cancel it.
    """

    kind: str
    level: str
    pattern: re.Pattern[str]
    negatable: bool = True
    mention: bool = False


def _rule(kind: str, level: str, pattern: str, *, negatable: bool = True, mention: bool = False) -> Rule:
    return Rule(kind, level, _compile(pattern), negatable, mention)


W = r"\b"
RULES: tuple[Rule, ...] = (
    # -- Wish to be dead (C-SSRS 1) --
    _rule(SUICIDE, WISH, rf"{W}{WANT} {_short_gap(4)}(?:to )?(?:just )?(?:be )?{DEAD}{W}"
                         r"(?! (?:my|her|his|the|your|our) hair| of (?:embarrassment|shame|boredom|"
                         r"laughter|laugh|cringe|happiness|curiosity|excitement|envy|jealousy))"),
    _rule(SUICIDE, WISH, rf"{W}(?:i|me) (?:was|were|would be|could be|am|be|had been|would have been)"
                         rf" (?:just )?(?:dead|gone|never born|not born|not here|not alive|not around|"
                         r"not exist|done for|in the ground)\b"),
    _rule(SUICIDE, WISH, r"\b(?:not|never|no longer|no more|nothing)\b " + _short_gap(4) +
                         r"(?:want|wish|care|bother|need|plan|intend|see myself|see a reason|see the point)"
                         r" " + _short_gap(3) + r"(?:to )?(?:live|be alive|stay alive|exist|wake up|"
                         r"be here|be around|go on|keep go|keep live|carry on|continue|see another|"
                         r"see tomorrow|get up|make it|survive|breathe|grow old|reach|turn \d+|"
                         r"open my eyes)\b"),
    _rule(SUICIDE, WISH, r"\b(?:rather|sooner|better|prefer to) (?:be )?(?:just )?(?:dead|die|gone|not exist|"
                         r"not be here|not be alive|in the ground|six feet under)\b"
                         r"(?! than (?:sing|dance|wear|eat|go to|watch|listen|admit|lose|be seen|attend|"
                         r"sit through|do karaoke|karaoke|touch|have to sit|work|miss|drink|run|"
                         r"cheer|support|use|talk to|vote|spend a|read|call|ask|pay|queue|"
                         r"be caught|give up|let|join))"),
    _rule(SUICIDE, WISH, rf"{W}(?:if|when|once|after) (?:i|me) (?:{_short_gap(2)})?(?:die|dead|gone|"
                         r"not here|not around|not exist|disappear|never wake|not wake|do not wake|"
                         r"did not wake|stop breathe|pass away|drop dead|were gone|was gone)\b"
                         rf"{_gap(10)}{RELIEF}\b"),
    _rule(SUICIDE, WISH, rf"{W}{RELIEF} {_gap(6)}(?:if|when|once|after|for) (?:i|me) "
                         rf"(?:{_short_gap(2)})?(?:die|dead|gone|not here|not around|disappear|never wake|"
                         r"not wake|do not wake|stop breathe|pass away|drop dead|not exist|not be)\b"),
    _rule(SUICIDE, WISH, r"\b(?:my|own) (?:death|funeral|grave|headstone|obituary|eulogy|wake|coffin|"
                         r"casket|ashes|dead body|corpse|end)\b" + _gap(8) + RELIEF + r"\b"
                         r"|\b(?:imagine|picture|dream|fantasise|fantasize|think|daydream|plan|visualise"
                         r"|visualize)\w* (?:about |of )?(?:my|me at my) (?:own )?(?:funeral|death|grave|"
                         r"wake|headstone|obituary|eulogy|dead body|corpse)\b"),
    _rule(SUICIDE, WISH, r"\b(?:hope|hoping|pray|wish|want|would not mind|do not mind|would not care|"
                         r"not care|would welcome|let)\b" + _gap(8) + r"(?:kill me|take me|end me|"
                         r"finish me|run me over|hit me|crash|go down|sink|win|get me|does me in|"
                         r"do me in|take me out|take me away|not survive|not make it|come for me|"
                         r"strike me|struck|die in|in my sleep|never wake|not wake|swerve into me|"
                         r"hit by|fall on me|drop dead|the end|my last|terminal|cancer|heart attack|"
                         r"stroke|accident|plane|crashes|wins|an aneurysm|a tumour|a tumor|it is over)\b"),
    _rule(SUICIDE, WISH, r"\b(?:not|never) (?:be )?(?:sad|scared|afraid|upset|mind|care|sorry|bothered|"
                         r"fight|resist|struggle)\b" + _gap(6) + r"(?:if|when|about) " + _gap(3) +
                         r"(?:i|me|my) (?:\w+ )?(?:die|dead|death|gone|go down|never woke|did not wake|"
                         r"do not wake|not wake|crash|went|drown|hit|end|did not make it|"
                         r"was over|were over|life was over|life ended)\b"),
    _rule(SUICIDE, WISH, r"\b(?:sleep|go to sleep|fall asleep|drift off|lie down|close my eyes)\b" + _gap(4) +
                         r"(?:and |then )?(?:never|not|to not|to never|do not|and not|stay asleep|"
                         r"not have to) " + _gap(2) + r"(?:wake|open my eyes|come back|get up|"
                         r"wake up|wake up again|asleep)\b|\b(?:sleep|rest) forever\b(?! on| at| in|"
                         r" until| till| til)"
                         r"|\b(?:never|not) wake up\b|\bstay asleep\b(?! all| until| till| through| for)"
                         r"|\b(?:eternal|endless|permanent|long|final|forever) (?:sleep|rest|nap|silence)\b"),
    _rule(SUICIDE, WISH, r"\b(?:welcome|long for|crave|yearn for|envy|jealous of|waiting for|wait for|"
                         r"look forward to|romanticise|romanticize|ready for|at peace with|embrace|"
                         r"attract to|drawn to|pull of|appeal of|comfort of|thought of|idea of)\b"
                         r" (?:the )?(?:death|die|dead|being dead|not exist|not being here|not being "
                         r"alive|the end|the void|nothingness|oblivion|the grave|eternal rest)\b"
                         r"|\bdeath (?:is|would be|sounds|seems|feels|looks|will be|could be|might be)"
                         r" (?:like )?(?:a |the |so |such a |more |really )?" + RELIEF + r"\b"
                         r"|\bdeath (?:more|better|easier|kinder)\b|\bdeath\b" + _gap(4) +
                         r"(?:appeal|tempt|call|calling|invite|inviting|attractive|comforting)\b"
                         r"|\b(?:envy|jealous of) (?:the )?(?:dead|people who die|those who die)\b"),
    _rule(SUICIDE, WISH, r"\b(?:not|do not|never|no longer) (?:really |even |honestly )?(?:care|mind) "
                         r"(?:if|whether|about) (?:i )?(?:live|die|wake|make it|survive|dead|death|"
                         r"i live|i die|i wake)\b|\bwhether i live or die\b|\b(?:life|living|alive) or "
                         r"(?:death|dead|die)\b"),
    _rule(SUICIDE, WISH, rf"{W}(?:no one|nothing) {_gap(3)}(?:miss|notice|care|matter)\w* "
                         rf"{_gap(6)}(?:if|when|once) (?:i|me) {_gap(3)}(?:die|dead|gone|not here|"
                         r"disappear|vanish|not around|not exist|left|stop)\b"),
    # -- Active thoughts (C-SSRS 2) --
    _rule(SUICIDE, THOUGHTS, rf"{W}(?:{KILL_SELF})", mention=True),
    _rule(SUICIDE, THOUGHTS, rf"{W}{THINK} {_short_gap(4)}(?:about |of |on )?(?:{KILL_SELF}|die|"
                             r"death|dying|not being (?:here|alive|around)|ending (?:it|things|my life)|"
                             r"end (?:it|things|my life)|not existing|check out|checking out|"
                             r"leave this world|"
                             r"leave for good|go for good|making it stop|opt out|an exit|the exit|"
                             r"way out|ways out|the end)\b"),
    _rule(SUICIDE, THOUGHTS, r"\b(?:dark|bad|intrusive|scary|heavy|morbid|death|suicide|suicidal|"
                             r"self destructive|final|dying)\b" + _short_gap(2) +
                             r"(?:thought|idea|ideation|urge|impulse|feeling|pull|image|fantasy)"
                             r"\b" + _gap(6) + r"(?:back|again|return|creep|louder|strong|worse|"
                             r"constant|every day|daily|nonstop|keep|won't leave|will not leave|"
                             r"will not stop|do not stop|can not stop|loud|win|winning|take over|"
                             r"push away|about (?:ending|dying|death|killing|not being|suicide)|"
                             r"of (?:ending|dying|death|killing|not being|suicide))\b"),
    _rule(SUICIDE, THOUGHTS, r"\b(?:leave|exit|check out of|log off from|opt out of|clock out of|"
                             r"quit|resign from|cancel|unsubscribe from) (?:this |the )?(?:world|life|"
                             r"earth|planet|existence|living|being alive|mortal coil|game of life)\b"
                             r"|\b(?:not|no longer) (?:be )?(?:around|here) (?:any more |much longer )?"
                             r"(?:on purpose|by choice|by my own hand|soon)\b|\bby my own hand\b"
                             r"|\bon purpose\b" + _gap(6) + r"(?:not be|not wake|die|dead|gone|end)\b"),
    _rule(SUICIDE, THOUGHTS, r"\b(?:kill|end|off|top|unalive|hang|shoot|drown|poison|overdose|"
                             r"do in) themself\b"
                             r"|\b(?:take|end|took|ended) (?:his|her|their) (?:own )?life\b"),
    # -- Method (C-SSRS 3) --
    _rule(SUICIDE, METHOD, r"\b(?:jump|leap|step|throw myself|fall|dive|go|let go|let myself fall|"
                           r"tip|lean|climb|go over|throw me)\b" + _short_gap(4) +
                           r"(?:off|from|over|out of|out|in front of|under|onto|into|down)\b " + _gap(3) +
                           rf"(?:{HEIGHT}|{VEHICLE})\b"),
    _rule(SUICIDE, METHOD, r"\b(?:drive|steer|swerve|crash|veer|turn the wheel|jerk the wheel|"
                           r"yank the wheel|accelerate|floor it|plough|plow|aim|let go of the wheel|"
                           r"head-on|head on)\b" + _gap(6) + r"(?:into|off|at|toward|towards|through|"
                           r"under|over|in front of) " + _gap(3) + rf"{BLOCK}\b"),
    _rule(SUICIDE, METHOD, r"\b(?:walk|wade|swim|go|step|jump|sink|drift)\w* " + _short_gap(3) +
                           r"(?:into|in|out into|out to|under|beneath|off into) " + _gap(2) + WATER +
                           r"\b" + _gap(8) + r"(?:keep|not come back|never come back|not stop|"
                           r"never stop|not turn back|not swim back|until|stop|forever|for good|and sink|"
                           r"let it|let the|take me|not surface|never surface|not come up|under)\b"
                           r"|\b(?:drown|drowned) (?:myself|me)\b"),
    _rule(SUICIDE, METHOD, r"\b(?:take|swallow|down|neck|chug|gulp|empty|eat|have|knock back|"
                           r"wash down)\b " + _short_gap(3) + r"(?:all|every|whole|entire|rest|lot|"
                           r"handful|bunch|load|the lot|everything|them all|it all|too many|enough|"
                           r"double|triple|dozens|hundred|box|packet|pack|bottle)\b" + _gap(5) +
                           r"(?:pill|overdose|bottle|packet|box|blister|stash|dose|supply|at once|"
                           r"in one go|together|at one time|cabinet|cupboard|drawer)\b"
                           r"|\boverdose\b|\b(?:lethal|fatal|deadly|toxic) (?:dose|amount|quantity|number|"
                           r"level|combination|mix|cocktail)\b"
                           r"|\bpill\b" + _gap(8) + r"(?:all at once|in one go|at the same time|"
                           r"all together|the lot|all of them|every last one|whole (?:bottle|box|packet|"
                           r"pack|thing|lot|month)|enough to|would do it|not wake|never wake|end it|"
                           r"die|dead|kill|sleep forever|how many|would be enough|is enough)\b"
                           r"|\b(?:how many|how much)\b" + _gap(5) + r"(?:pill|it would take|it takes|"
                           r"would kill|to kill|to die|is lethal|is fatal|would be fatal|would be enough|"
                           r"is enough|does it take|would it take)\b", mention=True),
    _rule(SUICIDE, METHOD, r"\b(?:noose|hang myself|hang me|hang from|hanging from|my neck\b" + _gap(4) +
                           r"(?:rope|belt|cord|cable|scarf|tie|noose|knot|sheet|wire|lead|strap|"
                           r"dressing gown)|"
                           r"rope\b" + _gap(6) + r"(?:neck|beam|hold my weight|hold me|bannister|banister|"
                           r"banisters|ceiling|rafter|loft|hook|door|tree|branch|knot|hang|stool|chair)|"
                           r"(?:beam|branch|rafter|bannister|banister|hook|door frame|doorframe|ceiling)\b" +
                           _gap(8) + r"(?:hold my weight|hold me|take my weight|strong enough|hang|rope|"
                           r"noose|belt|cord|knot))\b"),
    _rule(SUICIDE, METHOD, rf"{W}{GUN}\b" + _gap(8) + r"(?:my head|my mouth|my temple|my chin|myself|"
                           r"me\b|to my|in my mouth|under my chin|against my|pull the trigger|loaded|"
                           r"load it|end it|do it|the taste|easy it would be|how easy|one shot|"
                           r"one pull|one bullet|hold it|held it|look at it|stare at it|staring at it|"
                           r"sat with it|sit with it|keep it (?:close|near|by|under|in reach|within)|"
                           r"within reach|in reach|by my bed|under my pillow|in my hand|in my lap|"
                           r"on my lap|bedside|nightstand|glovebox|glove box|take it out|took it out|"
                           r"cleaning it again|counting the bullets)\b"
                           r"|\b(?:pull|squeeze) the trigger\b|\b(?:blow|blew|blowing) my (?:brains|head)\b"
                           r"|\bbullet (?:in|through|into) my\b|\b(?:put|hold|held|press|pressed) "
                           r"(?:a |the |my )?gun\b|\beat (?:a|my) (?:gun|bullet)\b"),
    _rule(SUICIDE, METHOD, rf"{W}(?:slit|open|slash|cut|carve|saw|slice) (?:my |open my |into my )"
                           r"(?:wrist|throat|vein|veins|artery|arteries|neck)\b(?! on)"
                           r"|\b(?:bleed|bled) (?:out|to death|dry)\b|\bcut (?:deep|deeper|too deep|vertical|"
                           r"down the road not across|lengthwise|the right way)\b|\bvertical(?:ly)? "
                           r"(?:cut|not)\b|\b(?:down|along) the (?:road|street|vein|veins|arm)\b" +
                           _gap(4) + r"(?:not across|the right way)\b"),
    _rule(SUICIDE, METHOD, r"\b(?:carbon monoxide|exhaust|hosepipe|hose pipe|hose|charcoal|helium|"
                           r"exit bag|nitrogen|engine running|running engine|tailpipe|plastic bag over|"
                           r"bag over my head|gas oven|gas on|the gas|bleach|antifreeze|weedkiller|"
                           r"rat poison|poison|cyanide|pesticide|paraquat|insecticide|sodium nitrite)\b" +
                           _gap(10) + r"(?:garage|car|myself|me\b|my|sleep|end|die|dead|seal|tape|door|"
                           r"window|drink|swallow|take|breathe|in|bag|head|would|how|enough|quick|"
                           r"painless|peaceful|fall asleep|it|exhaust|tailpipe)", mention=True),
    _rule(SUICIDE, METHOD, r"\b(?!.*\bwait\w* for (?:the|my|a|our|next) (?:train|tube|bus|tram|next)\b)"
                           r"(?:lie|lay|sit|stand|wait|park)\w* (?:down )?(?:on|across|between|by|at|"
                           r"near) (?:the )?(?:track|rail|line|platform edge|edge of the platform|"
                           r"level crossing|crossing|road|motorway)\b|\b(?:train|tube|subway|underground|"
                           r"express|freight|bus|truck|lorry|tram)\b" + _gap(8) + r"(?:step|jump|fall|"
                           r"lean|walk|throw|one step|just step|just jump|just fall|not step back|"
                           r"could end|end it|take me|easy|how easy|would be quick|quick|instant|"
                           r"over in a second|never feel|feel nothing)\b"),
    _rule(SUICIDE, METHOD, rf"{W}(?:how|so) (?:easy|simple|quick|quiet|peaceful|fast|little effort|tempting)"
                           r"\b" + _gap(6) + r"(?:would be|it would be|it is|it'd be|to)?" + _gap(3) +
                           r"(?:just )?(?:to )?(?:step|jump|swerve|drive|let go|turn the wheel|fall|"
                           r"lean|take|swallow|cut|pull|walk|go|end|not|slip|tip|fall asleep|open the|"
                           r"tie|hang|lie down|drink|overdose)\b"
                           r"|\b(?:one|a single|1) (?:step|jerk of the wheel|turn of the wheel|second|"
                           r"move|push|squeeze|pull|swerve|cut|tablet|jump)\b" + _gap(6) +
                           r"(?:over|end|all it would take|gone|and that is it|and it is over|"
                           r"done|would do it|and i am gone|and it ends|all it takes|from the end|"
                           r"be over|be free|no more)\b"),
    # -- Intent (C-SSRS 4) --
    _rule(SUICIDE, INTENT, r"\b(?:going to|will|gonna|about to|decided to|ready to|finally|mean to|"
                           r"plan to|intend to|intending to|set on|determined to|have to|got to|must)"
                           r"\b " + _short_gap(3) + r"(?:do it|go through with it|go through with this|"
                           r"follow through|end it|end this|end things|end everything|finish it|"
                           r"finish this|do this|do the thing|act on it|act on them|act on this|"
                           r"be brave|be gone|be done(?!(?: \w+){0,3} with)|go|leave|"
                           r"not be here(?! (?:this|next|on|at|"
                           r"for|until|till|tomorrow|tonight|today|over)\b)|not be around(?! (?:this|next|"
                           r"on|at|for|"
                           r"until|till|tomorrow|tonight|today|over)\b)|check out|"
                           r"clock out|let go|make it stop|make it happen|make that happen|say goodbye|"
                           r"see it through|carry it out|take the pills|use it|use the|try again|"
                           r"not fail|not mess it up|get it right)\b" + r"(?! (?:to|for) (?:the|a|my) "
                           r"(?:shop|shops|store|gym|party|doctor|dentist|cinema|pub|bar|park|office|"
                           r"school|class|work|meeting|appointment|game|concert|beach|interview|"
                           r"match|walk|run|bed|church|hospital|event|wedding|funeral|airport))"
                           r"(?! (?:my|the|some|this|that) (?:homework|essay|laundry|washing|dishes|"
                           r"taxes|chores|shopping|assignment|exam|test|report|paperwork|workout|run|"
                           r"presentation))"),
    _rule(SUICIDE, INTENT, r"\b(?:tonight|tomorrow|today|this weekend|this week|friday|saturday|sunday|"
                           r"monday|tuesday|wednesday|thursday|soon|after|before|once|by|next week|"
                           r"at midnight|this is the night|this is the day|when)\b" + _gap(8) +
                           r"(?:it (?:ends|is over|will be over|will all be over|stops|will stop|"
                           r"finishes)|i (?:am|will be) (?:gone|done|free|out|at peace)|"
                           r"(?:the|my) last (?:time|night|day|sunrise|sunset|entry|goodbye|breath)"
                           r"(?! (?:at|of|in|on|before|with|for|we|i|you))|"
                           r"no more (?:pain|waiting|of this|me)|i (?:will not|can not|am not going to)"
                           r" (?:be here|be around|wake up|be alive|see|exist)|"
                           r"(?:will not|can not|not going to) (?:be here|be around|be alive|wake up))\b"),
    _rule(SUICIDE, INTENT, r"\b(?:i have|i) (?:decided|made up my mind|made my decision|made the "
                           r"decision|chosen|picked|set a date|set the date|picked a date|picked the date|"
                           r"chosen the day|chosen a day)\b(?=$| , (?:it|this|that|tonight|tomorrow|today|"
                           r"i am|no more|the|on|enough)| to (?:do it|end|go through|die|kill|stop|not)|"
                           r" on (?:a |the )?"
                           r"(?:date|day|method|place|spot|way|bridge|time)\b)(?! (?:\w+ ){0,2}(?:for|"
                           r"with)\b)(?! (?:to|"
                           r"on) (?:go|buy|take|move|leave|quit|"
                           r"study|apply|start|try|learn|join|get|have|book|visit|stay))"
                           r"|\b(?:no|not) (?:going|turning) back\b|\bnothing (?:is )?(?:stopping|will stop|"
                           r"can stop|to stop) me\b|\b(?:my|the) mind is made up\b"
                           r"|\b(?:this|tonight|today|it) is (?:it|the night|the day|the end|"
                           r"goodbye)\b(?=$| ,)"
                           r"|\bfinal (?:night|day)\b(?! (?:at|of|in|on|before|for|with|to))"
                           r"|\blast (?:night|day) (?:alive|on earth|of my life|i will|i am alive)\b"
                           r"|\b(?:last|final) (?:entry|post|message|sunrise|sunset|time "
                           r"writing|time you will hear|goodbye|breath|words|note|meal|cigarette|song)\b"
                           r"|\bi (?:mean|meant) it this time\b(?=$| , (?:tonight|today|tomorrow|goodbye|"
                           r"no more))"
                           r"|\bfor real this time\b|\bthis time "
                           r"(?:for real|i mean it|it is real|i will|i am going|i will not fail|"
                           r"it works|it will "
                           r"work)\b|\b(?:count|counting)\w* (?:down )?(?:the )?(?:days|hours|sleeps)\b"
                           r"(?! (?:until|till|to|til) (?:my|the|our|christmas|holiday|vacation|payday|"
                           r"birthday|weekend|summer|retirement|wedding|trip|concert|results))"),
    # Being here is said of trips too ("I won't be around this weekend"): only with a time that
    # has no return in it. Seeing and making it to: not a party, not a person.
    _rule(SUICIDE, INTENT, r"\b(?:will not|can not|not going to|won't|wont) be (?:here|alive|around)\b" +
                           _gap(3) + r"(?:much longer|for long|long|any more|any longer|by (?:then|christmas|"
                           r"new year|my birthday|next)|another|the end|this time next|next (?:year|"
                           r"christmas|"
                           r"birthday|summer|spring|winter|autumn)|for (?:christmas|my birthday|new year)|"
                           r"to see)\b|\b(?:will not|can not|not going to|won't|wont) be alive\b"),
    _rule(SUICIDE, INTENT, r"\b(?:will not|can not|not going to|won't|wont) (?:see(?! (?:you|him|her|them|"
                           r"it|the|"
                           r"a|my|your|that|this|any|much|what|how|why))|make it to(?! (?:the|a|an|your|"
                           r"his|her|"
                           r"our|their|my|work|school|class) )|make it through|live to see|wake up|last)\b" +
                           _gap(3) + r"(?:by|for|until|till|to|at|next|tomorrow|friday|saturday|sunday|"
                                     r"monday|"
                           r"tuesday|wednesday|thursday|christmas|new year|another|the end|morning|"
                           r"birthday|spring|summer|winter|autumn|the weekend|the week|much longer|long|"
                           r"any more|this time next)\b"),
    # -- Plan and preparation (C-SSRS 5) --
    _rule(SUICIDE, PLAN, r"\b(?!(?:[^ ]+ ){0,12}(?:organiser|organizer|dosette|pill box|pillbox|"
                         r"for the week|days on it|blister pack|weekly box))"
                         r"(?:buy|order|get|pick up|collect|save|stockpile|hoard|stash|hide|keep|count|"
                         r"gather|set aside|put aside|squirrel|build up|store|ration|skip|not take|"
                         r"hold back|tuck|lay out|line up|sort|have)\b" + _gap(6) +
                         r"(?:pill|noose|rope|blade|gun|bullet|charcoal|helium|poison|ligature|"
                         r"hose|hosepipe)\b" + _gap(12) + r"(?:enough|all|at once|in one go|together|"
                         r"in case|just in case|for when|for the day|for later|for that|for it|ready|"
                         r"when the time|the time comes|saved|stockpile|stash|hidden|hide|lethal|"
                         r"how many|count|week|month|months|weeks|collection|a plan|plan|the night|"
                         r"end it|do it|will|would|should|need|myself|me|for me|for good|final|"
                         r"tonight|tomorrow|why|what for|what it is for|the right|strong|test|"
                         r"hold my weight|knot|beam|drawer|under|behind|back of|box|sock|bag|"
                         r"shoebox|tin|wardrobe|cupboard|cabinet|not the|nobody|no one|secret)\b"),
    _rule(SUICIDE, PLAN, rf"{W}(?:{_any('pill|noose|rope|blade|gun|bullet|charcoal|helium|poison|hose')})\b"
                         + _gap(6) + r"(?:saved|stockpiled|stashed|hidden|hoarded|collected|counted|"
                         r"stored|ready|waiting|set aside|put aside|lined up|laid out|in a sock|"
                         r"under my bed|under the bed|in the drawer|in my drawer|in the wardrobe|"
                         r"in the cupboard|in my bag|in the glovebox|in the car|behind the|in a box|"
                         r"for later|for when|for the day|in case)\b"),
    _rule(SUICIDE, PLAN, r"\b(?!.*\b(?:quiz|trivia|homework|assignment|project|essay|bet|in the world)\b)"
                         r"(?:google|search|research|look|read|watch|check|learn|figure|"
                         r"calculate|work|find|browse|scroll|study|type|look up|looked up)\w*\b" +
                         _gap(6) + r"(?:how to (?:die|kill|hang|tie a noose|tie the knot|overdose|end|"
                         r"do it|not wake|slit|cut deep|drown|jump|shoot|bleed)|ways to (?:die|go|end|"
                         r"do it|kill)|how (?:many|much|long|high|far|tall|deep|fast|quick|painful|"
                         r"painless)\b" + _gap(6) + r"(?:die|dead|death|kill|lethal|fatal|take|"
                         r"would it take|does it take|to die|survive|bleed|hang|drop|fall|jump|pill|"
                         r"multistorey|bridge|building|car park|roof|cliff|tower|balcony|viaduct|"
                         r"enough|overdose|unconscious|pass out|lose consciousness)|"
                         r"painless|lethal|fatal|suicide|method|methods|overdose|noose|"
                         r"exit bag|survive a fall|survive the fall|the drop|the height|height of|"
                         r"how tall|how high|quickest way|easiest way|fastest way|surest way|"
                         r"best way to (?:die|go|do it|end)|toxicity|toxic dose|liver failure|"
                         r"organ failure|rope strength|weight limit|knots)\b"),
    _rule(SUICIDE, PLAN, r"\b(?:write|leave|draft|finish|seal|address|hide|schedule|type|update|redo|"
                         r"rewrite|sign)\w*\b" + _gap(4) + r"(?:a |my |the |some |last |final )?"
                         r"(?:note|letter|will|goodbye|email|message|video|voice note|envelope)\b" +
                         _gap(12) + r"(?:for (?:after|when|the day|my (?:mother|father|parent|family|"
                         r"child|partner|wife|husband|sister|brother|son|daughter|friend)|everyone|them to "
                         r"find|whoever|when they find)|(?:to be )?(?:found|read|opened|sent) (?:after|when|"
                         r"once|by whoever)|after i am gone|when i am gone|once i am gone|after i|when i|"
                         r"once i|sorry|explain|explains|everything|why|goodbye|to find|i will not|"
                         r"will not be|not be around|not be here|just in case|in case|it is time|"
                         r"no one knows|nobody knows|did not tell|without telling|so they know|"
                         r"so they understand|blame|fault|love you|forgive|it is not your|"
                         r"for the (?:kids|children|family))\b"),
    _rule(SUICIDE, PLAN, r"\b(?:pick|choose|find|scout|chose|decide on|settle on|work out|figure out|"
                         r"know|have|check|test|try|practise|practice|rehearse|measure|drive to|"
                         r"walk to|visit|go back to|stand at|stand on|sit on|look over)\w*\b" +
                         _gap(5) + r"(?:the |a |which |my |where |when |what |right )?(?:spot|place|"
                         r"date|day|time|way|bridge|tree|branch|beam|knot|height|drop|method|location|"
                         r"building|cliff|ledge|roof|edge|railing|rail|car park|station|platform|"
                         r"track|line|woods|river|hook|rope|belt|dose|amount|timing|how long|"
                         r"how it would|what it would|what to do|where to go|what to use)\b" + _gap(12) +
                         r"(?:die|dead|death|end it|end|do it|go through|hold my weight|hold me|"
                         r"take my weight|strong enough|high enough|far enough|deep enough|enough|"
                         r"no one|nobody|find me|found|not be found|quiet|painless|quick|sure|"
                         r"work|last|final|for it|for that|for this|the drop|jump|hang|fall|"
                         r"noose|rope|the time comes|when i am ready|ready|plan|planned|"
                         r"my weight|my neck|would feel|would it feel|feels like|it would take)\b"),
    _rule(SUICIDE, PLAN, r"\b(?:a|my|the|have a|got a|made a|making a|working on a|detailed|whole|"
                         r"exact|specific|concrete|clear)\b " + _short_gap(2) + r"plan\b" + _gap(10) +
                         r"(?:die|dead|death|end|kill|suicide|do it|not be here|go through|how|"
                         r"when|where|date|method|pill|rope|bridge|gun|ready|tonight|tomorrow|"
                         r"weekend|myself|it is|all worked out|worked out|set|in place|ready to go|"
                         r"go|this time)\b|\bplan\w* (?:my|for my) (?:death|exit|end|suicide|way out|"
                         r"last)\b|\b(?:rehearse|practise|practice|test|try|tried|run through|dry run|"
                         r"trial run|practice run|test run)\w*\b" + _gap(6) + r"(?:it|the knot|the noose|"
                         r"the rope|how it|what it|standing|stand|the drop|the belt|the blade|the jump|"
                         r"on myself|my neck|once|the whole thing|holding|hold|the pill|the gun|"
                         r"putting|put|tightening|tighten)\b" + _gap(6) + r"(?:neck|noose|rope|belt|"
                         r"knot|ledge|edge|jump|drop|hang|gun|trigger|pill|blade|wrist|die|dead|"
                         r"end|would feel|feel|work|hold|weight|mouth|head|temple|throat)\b"),
    # -- Self-harm behaviour --
    _rule(SELF_HARM, BEHAVIOUR, r"\bself harm\w*\b|\bself (?:injur\w*|mutilat\w*|destruct\w*|"
                                r"punish\w*|abuse)\b|\bsh (?:again|urge|urges|relapse|scar|scars|wound|"
                                r"wounds|cut|cuts|tools|kit|box|stuff)\b|\b(?:relapse|relapsed|clean|"
                                r"slip|slipped)\b" + _gap(4) + r"(?:sh|self harm|cut|cutting|burn|"
                                r"blade|scar)\b", mention=True),
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:been|start|keep|am|was|back to|go back to|"
                                r"still) cut\b(?! (?:back|down|"
                                r"costs|the|out|hair|vegetables|onion|wood|grass|corners|it|class|school|"
                                r"ties|my hair|carbs|sugar|in|up|off|loose|short|through))|\bcut again\b"),
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:cut|burn|hurt|harm|hit|scratch|punch|bite|carve|starve) themself\b(?! "
                                r"(?:laughing|a slice|a piece|some slack|a break|off|by accident|"
                                r"accidentally|"
                                r"cooking|shaving|in the kitchen|at the gym|playing))"),
    _rule(SELF_HARM, BEHAVIOUR, rf"{W}{SH_VERB} (?:{ME}|my own (?:skin|body|arm|leg|face)|my self)\b"
                                r"(?! (?:laughing|a slice|a piece|some slack|a break|off|out|a bit|"
                                r"a little|up|on the|with the|while|shaving|cooking|in the kitchen|"
                                r"by accident|"
                                r"accidentally|at the gym|playing|on a|on some|on that|on this|to sleep|"
                                r"a deal|short|free|in|through|more|harder|too hard|working|running|"
                                r"lifting))"),
    _rule(SELF_HARM, BEHAVIOUR, rf"{W}{SH_VERB} (?:my |into my |at my |open my |up my |on my |across my |"
                                rf"along my |down my |myself on the |myself on my )(?:\w+ )?{BODY}\b"
                                r"(?! (?:cut|hair|nails|off|on the|while|shaving|by accident|"
                                r"accidentally|at work|in the (?:kitchen|garden|door|car|drawer|gym|park)|"
                                r"with a paper|on the oven|on the stove|"
                                r"on the kettle|on the iron|on the pan|on the tray))"),
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:blade|lighter|cigarette|match|compass|pencil sharpener|"
                                r"sharpener|scissors|safety pin|pin|needle|glass|shard|shards|rubber band|"
                                r"hair tie|elastic|ice|hot water|boiling|iron|nail|nails|fingernails|"
                                r"teeth|fist|fists|belt)\b" + _gap(8) + rf"(?:{BODY}|skin|myself|me)\b" +
                                _gap(8) + r"(?:again|bleed|bled|blood|mark|marks|scar|burn|blister|"
                                r"welt|welts|bruise|hurt|pain|feel|felt|sting|stung|until|till|til|"
                                r"raw|open|deep|deeper|hide|sleeve|sleeves|nobody|no one|secret|"
                                r"punish|deserve|numb|real|something|calm|release|relief|quiet)\b"),
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:until|till|til) (?:it|i|they|them|my \w+|the skin)\b" + _gap(2) +
                                r"(?:bled|bleed|bleeds|bleeding|blister|blistered|broke|break|raw|bruise|"
                                r"bruised|scar|scarred|burn|burned|hurt|stung|swell|swelled|went numb|"
                                r"split)\b|\b(?:cut|burn|hurt|harm|hit|scratch|bleed|blood|pain|blade|"
                                r"razor|punch|bite)\b" + _gap(8) +
                                r"(?:to|just to|so i could|so i can|so that i|in order to|"
                                r"until i could|till i could|until i can|to make myself) (?:feel|"
                                r"actually feel|be able to feel) (?:something|anything|real|pain|"
                                r"alive|it)\b|\bmake (?:myself|me) (?:bleed|hurt|suffer|pay|bruise)\b"),
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:hide|hid|hiding|cover|covering|conceal|explain away|lie about|"
                                r"lying about|make up|wear)\w*\b" + _gap(5) + r"(?:the |my |these |fresh |"
                                r"new |old |those )?(?:cut|scar|mark|burn|bruise|wound|bandage|plaster|"
                                r"lines|long sleeves|sleeves|hoodie|bracelet|bracelets|jumper|cardigan)"
                                r"\b" + _gap(8) + r"(?:cut|scar|mark|burn|bruise|wound|arm|wrist|thigh|"
                                r"leg|nobody|no one|sees|see|notice|noticed|ask|asked|know|knows|find out|"
                                r"summer|pe|swimming|hot|warm)\b"
                                r"|\b(?:fresh|new|deep|deeper|open|bleeding|infected|raw|more) "
                                r"(?:cut|cuts|scar|mark|burn|wound|lines|slash)\b"
                                r"|\b(?:cut|scar|mark|burn|wound|lines|bruise)\b" + _gap(3) +
                                r"(?:on|across|up|along|down|all over|covering) (?:my|both) (?:\w+ )?"
                                r"(?:arm|wrist|thigh|leg|stomach|hip|hips|skin|ankle|chest|forearm|body|"
                                r"belly|side|sides|ribs)\b"
                                r"|\b(?:plaster|plasters|bandage|bandages|dressing|dressings|band aid|"
                                r"band aids|"
                                r"bandaid|bandaids|marks|lines)\b" + _gap(3) + r"(?:on|across|up|along|"
                                                                               r"down|all over|"
                                r"covering) (?:my|both) (?:\w+ )?(?:arm|wrist|thigh|hip|hips|stomach|forearm|"
                                r"ribs|belly)\b"),
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:urge|urges|itch|craving|want|need|tempt|tempted|close)\b" +
                                _gap(4) + r"(?:to )?(?:cut|burn|hurt|harm|hit|scratch|punish|bleed|"
                                r"bruise|pick|carve|use the blade|use a blade|get the blade|get the "
                                r"razor|grab the blade|grab the razor)\b(?! (?:back|down|out|off|costs|"
                                r"ties|the|it|in|up|some|class|school|work|corners|loose|my hair|"
                                r"your hair|hair|a deal|the grass|calories|fat|someone|him|her|them|you|"
                                r"anyone))"
                                r"|\b(?:days|weeks|months|years|day|week|month|year) clean\b" + _gap(10) +
                                r"(?:gone|ruin|broke|break|relapse|slip|again|until|reset|lost|over|blew|"
                                r"threw|back to|restart|start again|zero|did it|cut|burn)\b"
                                r"|\b(?:reset|restart|back to)\b" + _gap(3) + r"(?:counter|count|day 1|"
                                r"day one|zero|the clock)\b|\bdid (?:it|the thing|that) again\b"
                                r"|\b(?:the|my) (?:blade|razor|lighter|kit|box|tin|sharpener)\b" +
                                _gap(6) + r"(?:again|out|back|hidden|hide|kept|keep|call|calling|"
                                r"drawer|missed|miss|need|needed|used|use|grab|grabbed|took|take|"
                                r"reach|reached|took apart|took the blade)\b"),
    _rule(SELF_HARM, BEHAVIOUR, r"\bheadbutt\w* (?:the |a )?(?:wall|door|floor|mirror|desk)\b|"
                                r"\b(?:banging|bang|bash|bashing|hit|hitting|punch|punching|slam|"
                                r"slamming|smash|smashing)\w* (?:my )?(?:head|fist|fists|hand|hands)\b" +
                                _gap(6) + r"(?:wall|floor|door|desk|until|till|again|hard|bruise|"
                                r"bled|bleed|hurt|broke|mirror|table)\b|\b(?:pull|pulled|pulling|rip|"
                                r"ripped|ripping|tear|tore|tearing) (?:out )?(?:my )?(?:hair|eyelashes|"
                                r"nails|skin|scab|scabs)\b" + _gap(8) + r"(?:out|until|till|bled|bleed|"
                                r"bald|raw|again|punish|hurt|pain)\b|\b(?:starve|starving|starved)\b " +
                                r"(?:myself|me)\b|\b(?:starve|starving|purge|purging|purged|make myself sick|"
                                r"made myself sick|making myself sick)\b" + _gap(8) +
                                r"(?:punish|deserve|hurt|pain|feel something|because i|again)\b"),
    # -- Warning signs: burden --
    _rule(WARNING, BURDEN, rf"{W}(?:better|easier|happier|lighter|relieved|freer|free|fine|okay|"
                           r"ok|glad|richer|calmer|quieter|simpler|less stressed|less stress|"
                           r"thrive|move on|get over|better place|win|cheaper)\b" + _gap(8) +
                           r"(?:without me|if i (?:was|were|am|be|had|would|did|could|were to|just)?"
                           r"\s?(?:not )?(?:\w+ )?(?:gone|dead|died|not here|not around|disappeared|vanished|"
                           r"never born|left|away|not exist|stopped exist|out of the picture|"
                           r"out of the way|stop existing|not in it|not in their|not alive|"
                           r"no longer here|off the planet|not in the way)|once i (?:am )?(?:gone|"
                           r"dead|die)|after i (?:am )?(?:gone|dead|die)|with me (?:gone|dead|out)|"
                           r"me (?:gone|dead|out of the way|out of the picture|not here)|"
                           r"my (?:death|absence|funeral|life insurance|insurance|being gone)|"
                           r"than (?:me|with me|my)|if i did it|if i went|if i do it|"
                           r"if i (?:stopped|stop) (?:being|existing|breathing|taking up))\b"),
    _rule(WARNING, BURDEN, r"\b(?:i|i am|me|just|only|such|being|am|im|always|nothing but|feel like|"
                           r"feel|like|been|become|am becoming|becoming|a|the)\b " + _short_gap(3) +
                           r"(?:burden|weight|drain|drag|waste of (?:space|air|oxygen|money|time|"
                           r"everyone|life|skin)|dead weight|deadweight|parasite|leech|millstone|"
                           r"albatross|liability|problem|mistake|cancer|poison|plague|pest|nuisance|"
                           r"chore|obligation|anchor|ball and chain)\b" + _gap(8) +
                           r"(?:on|to|for|in|around) (?:everyone|my|the|them|people|all|anyone|this|"
                           r"every|him|her|family|this family|this world|this house|their)\b"
                           r"|\b(?:i am|i feel like|i feel|feel|just|only|i have become|such) (?:a |"
                           r"such a |nothing but a |just a |the )?(?:burden|waste of (?:space|air|oxygen|"
                           r"skin)|dead weight|deadweight|drain)\b"),
    _rule(WARNING, BURDEN, r"\b(?:i|me|my existence|my being here|my presence)\b" + _gap(4) +
                           r"(?:only|just|always|ever|all i do is|all i ever do is|nothing but)\b" +
                           _gap(3) + r"(?:cause|bring|make|give|create|take|ruin|hurt|drag|weigh|"
                           r"cost|disappoint|let down|suck|drain|burden|stress)\w*\b" + _gap(4) +
                           r"(?:pain|problem|trouble|stress|misery|worry|grief|hassle|heartache|"
                           r"everyone|everything|them|people|down|money|life|lives|the family)\b"
                           r"|\b(?:do them|do everyone|do the world|do my family|doing them|doing everyone)"
                           r" a (?:favour|favor|kindness)\b|\b(?:stop|quit) (?:taking up|using up|wasting)"
                           r" (?:space|room|air|oxygen|resources|their time)\b|\bapologi[sz]\w* for "
                           r"(?:existing|being alive|being here|being born|living)\b|\bsorry (?:for|that) "
                           r"(?:existing|i exist|i was born|being alive|being born|i am alive|i am here)\b"
                           r"|\b(?:world|everyone|family|they|people|them)\b" + _gap(4) +
                           r"(?:not need|no longer need|not miss|not notice|not care|get over|be relieved|"
                           r"be fine|be better|be happier|be okay|move on|cope|manage|survive)\b" + _gap(6) +
                           r"(?:without me|if i|once i|after i|when i|me gone|my death|i am gone|"
                           r"i left|i go)\b"),
    # -- Warning signs: farewell --
    _rule(WARNING, FAREWELL, r"\b(?:give|gave|giving|hand|handing|pass|passing|leave|leaving|sell|"
                             r"donate|rehome|re-home|find a home for|find a new home for|sort|sorting|"
                             r"gift|gifting|bequeath|return|returning|clear|clearing|get rid of|"
                             r"getting rid of|throw|throwing|pack|packing|send|sending)\w*\b" + _gap(10) +
                             r"(?:will not need|would not need|not going to need|no longer need|do not need|"
                             r"not need|not be needing|not be using|will not be using|not be around|"
                             r"not be here|need it where|need them where|will not be able|not able to|"
                             r"after i am gone|when i am gone|once i am gone|so no one has|so nobody has|"
                             r"so they do not have|so that no one|so that nobody|no one will have|"
                             r"nobody will have|not have to deal|not have to sort|not have to clear|"
                             r"before i go|before i leave|for when|for after|remember me by|"
                             r"to remember me|take care of it for me|look after it for me|"
                             r"look after him for me|look after her for me|look after them for me|"
                             r"when i can not|when i am not|wanted it to go to)\b"),
    _rule(WARNING, FAREWELL, r"\b(?:will not|can not|would not|not going to|may not|might not|do not think|"
                             r"probably will not|probably not|never going to|not planning to|not planning on)"
                             r" (?:\w+ )?(?:be (?:here|around|alive)|see|wake|make it|last|get to see|"
                             r"be (?:needing|using)|be there|be able to (?:see|watch|come|go|be there))\b" +
                             _gap(4) + r"(?:much longer|long|for long|any more|by|next|after|to see|"
                             r"the end|another|when|then|to worry|to deal|tomorrow|the (?:summer|"
                             r"winter|spring|autumn|weekend|week|month|year)|christmas|birthday|"
                             r"graduation|wedding|it|them|her|him|you|again|in the future|future|"
                             r"grow up|anyway|for it|for that|at all)\b"
                             r"|\b(?:not|never) (?:be|going to be) (?:around|here)\b" + _gap(2) +
                             r"(?:to see|when|much longer|for much longer|for long|any more|after)\b"),
    _rule(WARNING, FAREWELL, r"\b(?:say|said|saying|text|texted|texting|write|wrote|writing|tell|told|"
                             r"telling|send|sent|sending|post|posted|record|recorded|leave|left)\w*\b" +
                             _gap(6) + r"(?:goodbye|goodbyes|farewell|farewells|my last|last message|"
                             r"last words|i love (?:you|them|her|him)|thank you for everything|"
                             r"thanks for everything|i am sorry for everything|sorry for everything|"
                             r"forgive me|it is not (?:your|their|his|her) fault|not your fault|"
                             r"take care of (?:mother|father|mum|dad|my|the|yourself|them|her|him)|"
                             r"look after (?:mother|father|my|the|them|her|him|each other)|"
                             r"remember me|letters? to|letter for|note for|notes for|a note to)\b" +
                             _gap(12) + r"(?:for good|forever|last time|final|one last|properly|"
                             r"just in case|in case|without (?:them|her|him|anyone) knowing|"
                             r"they do not know|did not know|no one knows|nobody knows|not realise|"
                             r"not realize|not know|after|when i am gone|once i am gone|wanted them to|"
                             r"want them to|so they|one more time|while i (?:still )?can|"
                             r"before it is too late|before i go|before i|everyone|all of them|"
                             r"each of|each one|to be read|to read|to open|to find|found|"
                             r"calm|peace|weird|strange|ready|tonight|sorry|to each|to everyone|"
                             r"my (?:mother|father|parent|sister|brother|child|partner|friend|kid|son|"
                             r"daughter|wife|husband|family))\b"),
    _rule(WARNING, FAREWELL, r"\b(?:last|one last|final|one more)\b " + _short_gap(2) +
                             r"(?:time|goodbye|hug|look|call|visit|walk|meal|sunrise|sunset|coffee|"
                             r"conversation|chat|message|text|words|kiss|dinner|cuddle|night|weekend|"
                             r"day|swim|drive|song|letter|photo|photos|picture|entry)\b" + _gap(10) +
                             r"(?:i will|i am going to|i will ever|i would ever|ever|they will|will not know|"
                             r"do not know|did not know|not know|no one knows|they do not|without "
                             r"(?:them|her|him) knowing|before i|before it|goodbye|for good|"
                             r"if they knew|had no idea|no idea|just in case|in case|forever|"
                             r"make it count|properly|they think|he thinks|she thinks|"
                             r"they thought|he thought|she thought|last one)\b"
                             r"|\b(?:put|putting|get|getting|got|set|setting|sort|sorting|sorted|"
                             r"tidy|tidied|tidying|clean|cleaned|cleaning|arrange|arranging|arranged|"
                             r"organise|organising|organised|organize|organizing|organized)\w* "
                             r"(?:my |all my |everything |the house |the flat |the room |things |"
                             r"affairs |paperwork |finances |accounts |passwords |files |documents )?"
                             r"(?:in order|affairs|out|straight|tidy|ready|up|away)?\b" + _gap(10) +
                             r"(?:so (?:no one|nobody|they|my \w+|mother|father|the family|"
                             r"everyone) (?:has|have|will have|does|do|will|would|is|are|can)|"
                             r"so that (?:no one|nobody|they)|no one has to|nobody has to|not have to "
                             r"(?:deal|do|sort|clear|clean|find|worry|figure|pay|go through)|"
                             r"for after|afterwards|after i am gone|when i am gone|once i am gone|"
                             r"when they find|before i go|easier for them|easier for everyone|"
                             r"in case|just in case|before the end|before it is too late|for when|"
                             r"the end)\b"),
    # -- Warning signs: finality --
    _rule(WARNING, FINALITY, r"\b(?:want|wish|need|crave|just want|make|pray|wanting|have to)\b " +
                             _short_gap(4) + r"(?:it|it all|everything|all of it|this|the pain|the "
                             r"noise|the thoughts|the hurt|the hurting|my life|life|things|the world|"
                             r"my brain|my head|my mind|the voices|existence|feeling|all)\b " +
                             _short_gap(2) + r"(?:to )?(?:stop|end|be over|go away|go quiet|go silent|"
                             r"turn off|switch off|shut off|cease|finish|be done)\b" + _gap(4) +
                             r"(?:forever|for good|permanently|for ever|once and for all|all together|"
                             r"altogether|for real|completely|totally|never|not come back|not start "
                             r"again|not restart|never come back|never start|for always|and never)\b"
                             r"|\b(?:want|wish|need|crave|just want|wanting|looking for|find)\w* "
                             r"(?:a |an |the )?(?:way )?out\b" + _gap(3) + r"(?:for good|permanently|"
                             r"forever|of (?:life|this life|living|everything|existence|this world|it all|"
                             r"here for good)|once and for all|for real|the permanent|that is permanent|"
                             r"completely)\b"),
    _rule(WARNING, FINALITY, r"\b(?:disappear|vanish|walk away|go away|leave|slip away|fade away|"
                             r"fade out|drift away|float away|run away|go|melt away|evaporate|slip out|"
                             r"wander off|walk off)\w*\b" + _gap(6) + r"(?:and )?(?:never|not|no one|"
                             r"nobody)\b " + _short_gap(3) + r"(?:come back|return|be found|find me|"
                             r"see me again|hear from me|back|be seen|resurface|to return|"
                             r"be coming back|coming back|miss me|notice)\b"
                             r"|\b(?:disappear|vanish|be gone|fade|fade away|slip away|go away|"
                             r"not exist|stop exist|cease)\w*\b" + _gap(2) + r"(?:forever|for good|"
                             r"permanently|for ever|completely|without a trace|off the face of the earth|"
                             r"for real|once and for all|altogether|entirely)\b"),
    _rule(WARNING, FINALITY, r"\b(?:only|one|no other|just one|single|final|permanent|real|last)\b "
                             + _short_gap(2) + r"(?:way|exit|option|answer|solution|escape|door|"
                             r"way out|choice|ending|cure)\b" + _gap(6) + r"(?:out|this ends|it ends|"
                             r"to end|left|remain|remains|is left|end this|make it stop|stop it|"
                             r"i can see|i see|that works|anyway|out of this|permanent|forever|"
                             r"and i know|i have left|i have got|i know|i have known)\b"
                             r"|\b(?:no|not any|not a|there is no|there is not|can not see|can not find|"
                             r"do not see|out of|run out of|ran out of|no more|no other)\b " + _short_gap(2) +
                             r"(?:way out|way forward|way through|exit|escape|future|tomorrow|"
                             r"options|reasons|reason|point|hope|light|path|road|way back|"
                             r"other way|other option|other options)\b" + _gap(6) +
                             r"(?:left|any more|for me|except|but|other than|besides|to live|"
                             r"to keep going|to keep|to go on|to stay|to carry on|to continue|"
                             r"in living|in life|in going on|in carrying on|in trying|in being|"
                             r"anywhere|out of this|to get up|to wake|to be here|to be alive|"
                             r"to exist|in existing|to bother|to fight|to try)\b"),
    _rule(WARNING, FINALITY, r"\b(?:i am|i feel|just|so|really|totally|completely|fully)\b " +
                             _short_gap(2) + r"(?:done|finished|through|over it|out|spent|gone|"
                             r"checked out|at the end)\b(?! with (?:this|the|that|my|his|her|their|our|work|"
                             r"school|uni|him|her|them|you|it\b(?! all)))" + _gap(6) + r"(?:for real|"
                                                                                       r"for good|this time|"
                             r"with (?:it all|everything|life|living|being alive|this life|this world|"
                             r"existing|all of it|the world|trying|fighting|breathing|waking)"
                             r"|of (?:life|living|everything|it all|being alive|existing|the world)|"
                             r"forever|for ever|"
                             r"completely|permanently|no more|once and for all|"
                             r"i mean it|i am not coming back|no coming back|entirely|with all of it)\b"
                             r"|\b(?:nothing|no one|nobody|no reason|not a thing) (?:left )?(?:to|worth) "
                             r"(?:live for|stay for|stick around for|keep going for|wake up for|"
                             r"get up for|hold on for|hang on for|fight for|carry on for|go on for|"
                             r"living for)\b|\b(?:life|living|my life|it|this|existence|any of this|"
                             r"being alive|staying alive|another day|tomorrow|going on|waking up)\b "
                             + _short_gap(3) + r"(?:not|no longer|never) (?:\w+ )?(?:worth (?:it|living|"
                             r"the effort|the pain|the fight|continuing|anything|trying)|worth)\b"
                             r"|\bnot worth (?:living|staying alive|being alive|waking up|going on|"
                             r"carrying on|it any more|the fight|the effort)\b"
                             r"|\b(?:what is|what's|where is|whats) the (?:point|use|reason)\b" +
                             _gap(3) + r"(?:of |in |to )?(?:live|living|being alive|life|going on|"
                             r"existing|exist|anything|any of (?:it|this)|me|trying|carrying on|waking up|"
                             r"getting up|staying|being here|keeping going|keep going|continuing|"
                             r"bothering|still being here)\b|\bno (?:point|reason|purpose|use)\b " +
                             _short_gap(3) + r"(?:in |to |of |for )?(?:me )?(?:keep |keeping |still )?"
                             r"(?:living|live|being alive|going on|existing|exist|keep going(?! to)|"
                             r"going(?! to)|life|staying alive|stay alive|being here|be here|carrying on|"
                             r"carry on|"
                             r"waking up|wake up|getting up|get up|trying|try|fighting|fight|continuing|"
                             r"continue|breathing|hanging on|holding on)\b"),
    _rule(WARNING, FINALITY, r"\b(?:can not|could not|can no longer|no longer|unable to|not able to|"
                             r"do not know how to|not sure i can|not sure how much longer i can|"
                             r"do not think i can|do not know if i can|how much longer can i|"
                             r"how much longer i can|do not want to|not want to|will not)\b " +
                             _short_gap(3) + r"(?:go on(?! (?:a|an|the|that|this|holiday|vacation|"
                             r"trip|trips|tour|stage|air|line|social|about|with|to|at|my|our|your|"
                             r"their|his|her|date|dates|ride|rides|foot|leave|strike|like that|"
                             r"like this at work|camping|tv|the radio))|keep going(?! to| with| on)|"
                             r"carry on(?! with| at| to)|do this any more|do this|do life|do it any more|"
                             r"keep living|live like this|keep doing this|hold on|hang on|cope any more|"
                             r"cope|take (?:it|this|much more|any more|the pain)|bear (?:it|this|the pain)|"
                             r"face (?:another|tomorrow|the future|life|living|it any more)|"
                             r"survive (?:another|this|much longer)|make it (?:through|another|to)|"
                             r"stand (?:it|this|being|living|another)|last (?:much longer|another)|"
                             r"fight (?:it|this|any more)|be here|stay|exist|live|wake up|breathe|"
                             r"keep fighting|pretend any more|do another day|see a way|see a future|"
                             r"see it getting better)\b" + _gap(4) + r"(?:any more|any longer|much longer|"
                             r"like this|with this|this way|another day|another week|another year|"
                             r"forever|for long|for much longer|now|today|tonight|again|at all|"
                             r"i am done|i give up|i am tired|i am exhausted|no more|i want|"
                             r"i just want|the end|end|over|sorry|i tried|i have tried|"
                             r"it is too much|too much|too hard|enough|i am so tired|the pain|"
                             r"everything|i am out|done|dead|die|gone|out|life|living|for anyone|"
                             r"for them|for me|on my own|alone)\b"),
    _rule(WARNING, FINALITY, r"\b(?:tired|sick|exhausted|weary|worn out) of (?:\w+ )?(?:living|being "
                             r"alive|existing|life itself|life|being here|being me|breathing|waking up|"
                             r"surviving|fighting|it all|this life|the world)\b"
                             r"(?! (?:in|at|with|on|of|near|under|by|for) (?:this|the|my|a|that|london|"
                             r"the city|a city|paris))|\bgive up (?:on )?(?:life|living|everything|"
                             r"myself|on myself|fighting|the fight|trying|it all)\b|\bgiven up on "
                             r"(?:life|living|everything|myself|it all|being|getting)\b"
                             r"|\b(?:it|this|everything|all|the pain|life|the fight) (?:ends|will end|is "
                             r"going to end|has to end|needs to end|must end|stops|will stop|has to stop|"
                             r"needs to stop)\b" + _gap(3) + r"(?:tonight|soon|now|here|today|for good|"
                             r"forever|permanently|one way|with me|by my hand|by my choice|this week|"
                             r"this weekend|tomorrow|for real|once and for all)\b"
                             r"|\b(?:one way|one way or another|only one way) (?:this|it|things) "
                             r"(?:ends|end|will end|is going to end|goes|can end|could end)\b"
                             r"|\b(?:permanent|permanently|final|forever|eternal|for good|"
                             r"once and for all)\b" + _gap(3) + r"(?:solution|escape|exit|rest|quiet|"
                             r"peace|silence|sleep|out|off|goodbye|stop|end|answer|relief|release|"
                             r"fix|break|vacation|holiday|switch off|shutdown)\b"
                             r"|\b(?:make|let|wish|want|need|just want)\b " + _short_gap(2) +
                             r"(?:it|everything|it all|this|the pain|the noise|my brain|my head|"
                             r"the thoughts|the world|all of it) (?:all )?(?:stop|go away|go quiet|"
                             r"end|be over|go black|go dark|switch off|turn off|shut off)\b" + _gap(3) +
                             r"(?:for good|forever|permanently|for ever|once and for all|for real|"
                             r"completely|all of it|everything|properly|not just|and never)\b"),
)

# -- Families written for phrasing nobody here wrote, so new voices are caught: each from how many different
# people might say one thing, over word classes, never from one sentence. --
MEANS = _any("pill|noose|rope|gun|bullet|blade|charcoal|helium|poison|belt|cord|cable|bleach|"
             "antifreeze|exit bag")
WHEN = _any("tonight|tomorrow|today|this weekend|the weekend|this week|next week|friday|saturday|sunday|"
            "monday|tuesday|wednesday|thursday|friday night|saturday night|sunday night|midnight|"
            "at midnight|new year|new years|new years eve|new year's eve|christmas|christmas eve|"
            "easter|easter monday|easter sunday|my birthday|the \\d+[snrt][tdh]|\\d+[snrt][tdh]|"
            "january|february|march|april|may|june|july|august|september|october|november|december|"
            "the end of the week|the end of the month|the end of the year|end of the week|"
            "end of the month|end of the year|spring|summer|autumn|winter|next month|next year|soon|"
            "before long")
PERSONS = _any("everyone|everybody|every single person|them all|all of them|people|the people around me|"
               "people around me|everyone around me|the people i love|the people who love me|my family|"
               "my friends|my parents|my kids|my children|my partner|my wife|my husband|my mother|"
               "my father|my girlfriend|my boyfriend|my flatmate|my sister|my brother|her|him|them")
QUIET_TAIL = r"(?:$| ,| i (?:reckon|think|guess|bet|know|hope|checked|measured|worked out)| surely| probably)"
FAMILY_RULES: tuple[Rule, ...] = (
    # Wish: fragments, comparisons and relief, with no "I want to die" in them.
    _rule(SUICIDE, WISH, r"\b(?:fine|okay|happy|glad|alright|cool|relieved|not mind|welcome|hope|hoping|wish|"
                         r"wishing|pray|praying|want|would love)\b (?:(?!not |never |no )[^ ,]+ ){0,4}"
                         r"(?:meteor|asteroid|lightning|bus|truck|car|plane|piano|tree|bomb|tornado|"
                         r"earthquake|tsunami|illness|disease|cancer|virus|heart attack|aneurysm|stroke|"
                         r"sniper|stray bullet|something|someone|anything)\b (?:[^ ,]+ ){0,3}(?:hit|land|"
                         r"fall|"
                         r"strike|crush|run over|take|kill|end|get|wipe|flatten|finish)\w* (?:me|myself|"
                         r"on me|"
                         r"on my (?:flat|house|head|room|bed|home)|my (?:flat|house|head))\b"),
    _rule(SUICIDE, WISH, r"\b(?:not|never) (?:fight|resist|treat|bother treating|get it treated|"
                         r"get it checked|"
                         r"see a doctor about|go to the doctor about)\b(?: it)? (?:if|when) (?:i|me|my) "
                         r"(?:\w+ ){0,3}(?:sick|ill|cancer|a tumour|a tumor|terminal|diagnosed|a lump|"
                         r"something serious)\b"),
    _rule(SUICIDE, WISH, r"\b(?:jealous|envy|envious)\b" + _gap(7) + r"(?:die|dead|pass away|not wake up|"
                         r"never wake up|never woke up|did not wake up|in their sleep|get to go|"
                         r"at peace now|at rest now|in heaven now|"
                         r"gets to go)\b"),
    _rule(SUICIDE, WISH, r"\b(?:me|myself|i am|i would be|i will be|i could be|i would finally be|"
                         r"i will finally be)\b (?:finally |just |forever |at last )?(?:at rest|"
                         r"in the ground|"
                         r"in a box|in a coffin|six feet under|resting in peace|rest in peace)\b"),
    _rule(SUICIDE, WISH, r"\b(?:button|switch|magic wand|wand|snap my fingers|click my fingers|a pill)\b" +
                         _gap(6) + r"(?:be gone|disappear|not exist|stop existing|never have been born|"
                         r"never been born|vanish|cease to exist|not be here|never wake|not wake|die|dead|"
                         r"end it|end everything|erase myself|just stop)\b"),
    # Active thoughts: a voice, a first reaction, with no "I think about" before them.
    _rule(SUICIDE, THOUGHTS, r"\b(?:my )?(?:head|brain|mind|voice|voices|thought|something|part of me|"
                             r"inner voice|it keep|keep)\b" +
                             _gap(4) + r"(?:say|tell|whisper|scream|shout|chant|beg|hiss|repeat)\w* "
                             r"(?:me )?(?:to )?,? ?(?:just )?(?:die|kill (?:myself|themself|me)|end it|jump|"
                             r"hang myself|go die|disappear|end everything|should die|should not be here|"
                             r"should not exist|do not deserve to live|unalive)\b"),
    _rule(SUICIDE, THOUGHTS, r"\b(?:my )?(?:first|automatic|immediate|default|only|usual) (?:thought|"
                             r"reaction|"
                             r"instinct|"
                             r"response|urge|impulse)\b" + _gap(3) + r"(?:kill themself|kill myself|die|"
                             r"end it|dying|suicide|not be here|not exist|jump|unalive)\b"),
    # Method: a means, its reach, its sufficiency.
    _rule(SUICIDE, METHOD, r"\b(?:river|lake|sea|canal|water|reservoir|quarry|drop|bridge|building|roof|"
                           r"balcony|car park|multistorey|cliff|height|fall|beam|branch|rope|cord|cable|belt|"
                           r"blade|pill|dose|amount|tracks|track|train)\b" + _gap(8) +
                           r"(?:deep|high|tall|strong|sharp|far|steep|fast|big|long|lethal)\s?enough\b" +
                           QUIET_TAIL),
    _rule(SUICIDE, METHOD, r"\b(?:gun|rifle|safe|cabinet|gun cabinet|pill|drawer)\b" + _gap(10) +
                           r"(?:know (?:the|his|her|their|where)\b (?:\w+ )?(?:code|combination|key|he keep|"
                           r"she keep|they keep|it is kept|the key is)|do not lock|does not lock|never lock|"
                           r"left unlocked|is unlocked|not locked|is loaded|keep it loaded|left it loaded)"
                           r"|\b(?:know|found|have|got)\w* (?:the |his |her |their |where the )?(?:code|"
                           r"combination|key)\b" + _gap(8) + r"(?:gun|rifle|safe|gun cabinet|pill)\b"),
    _rule(SUICIDE, METHOD, r"^(?!.*\b(?:range|hunt|hunting|clay|deer|season|licence|license|club|airsoft|"
                           r"paintball|nerf|water gun|toy|game)\b).*\b(?:look|stare|hold|touch|handle|check|"
                           r"take out|get out|load|sit with|sat with)\w* (?:at )?(?:the |a |my |his |her |"
                           r"father |mother |uncle |granddad |grandad )?(?:\w+ )?gun\b"),
    _rule(SUICIDE, METHOD, r"\b(?:how much|how many|what dose|which dose|what amount)\b" + _gap(6) +
                           r"(?:would do it|would be enough|to do it|it would take|does it take|"
                           r"would it take|"
                           r"to not wake|would kill|to kill)\b", mention=True),
    _rule(SUICIDE, METHOD, r"\b(?!.*\bwait\w* for (?:the|my|a|our|next) (?:train|tube|bus|tram)\b)"
                           r"(?:stand|stood|sit|sat|wait|linger|hover|lean|walk|walked)\w* (?:\w+ ){0,3}"
                           r"(?:by|at|on|near|over|close to|to|out to) (?:the )?(?:edge|ledge|railing|"
                           r"rail|yellow "
                           r"line|platform edge|edge of the platform|level crossing|crossing|track|barrier|"
                           r"parapet|middle of the bridge|the middle)\b" + _gap(12) +
                           r"(?:longer than|than i need|look down|looking down|again|every (?:day|morning|"
                           r"night|"
                           r"time)|practise|practice|count|minutes|quietest|when it is quiet)\b"),
    # Intent: a time and resolve, and no keyword.
    _rule(SUICIDE, INTENT, r"^(?:that is|this is|thats|it is) (?:the day|the night|the date|the one)$|"
                           r"\b(?:i am|i will|i will be|i am going to be) doing it (?:on |at |this |next |"
                           r"by |before |"
                           rf"after |in )?{WHEN}\b|"
                           r"\b(?:that is|this is|thats) when\b(?: i (?:will|am going to|do|go)(?: do it| go|"
                           r" end it)?)?$|\bthat is when i (?:will|am going to) do it\b"),
    _rule(SUICIDE, INTENT, r"\b(?:will be|is going to be|going to be|would be|is) my (?:very )?last\b"
                           r"(?: (?:one|christmas|birthday|new year|summer|winter|spring|autumn|year|week|"
                           r"weekend|night|morning|sunrise|sunset|entry|post))?(?:$| ,| then| i think|"
                           r" honestly)"),
    _rule(SUICIDE, INTENT, rf"{W}{WHEN} (?:is|will be) (?:it|the (?:day|night|one|end|time))(?:$| ,)"),
    _rule(SUICIDE, INTENT, r"\b(?:i|i am|i will|i do not think i will|i doubt i will|i am probably) "
                           r"(?:probably )?(?:not|never) (?:going to )?(?:make|last|see|"
                           r"survive|get)"
                           rf" (?:it )?(?:to|past|through|until|till) {WHEN}(?:$| ,| anyway| i think|"
                           rf" honestly|"
                           r" probably| i do not think)"),
    _rule(SUICIDE, INTENT, r"\b(?:could not|did not|can not|almost|nearly|will|going to|finally|"
                           r"not) go through "
                           r"with it\b" + _gap(6) + r"(?:tonight|today|this time|maybe tomorrow|tomorrow|"
                           r"again|next time|yet)\b"),
    # Plan and preparation: acquiring means, research, rehearsal, a chosen place or day.
    _rule(SUICIDE, PLAN, r"\b(?:buy|order|get|pick up|collect|steal|nick)\b (?:a |some |the |more |extra |"
                         r"another |my )?(?:rope|noose|helium|charcoal|exit bag|cyanide|sodium nitrite|"
                         r"rat poison|weedkiller|antifreeze)\b(?! (?:for|to tie|to hang (?:the|a|my) "
                         r"(?:washing|laundry|hammock|swing)))"),
    _rule(SUICIDE, PLAN, r"\bpill\b" + _gap(6) + r"from (?:two|three|four|several|different|\d+|every|a few|"
                         r"multiple|various) (?:different )?(?:shop|shops|pharmacies|pharmacy|chemists|"
                         r"chemist|stores|supermarkets|places)\b|\b(?:[4-9]\d|\d{3,}|forty|fifty|sixty|"
                         r"hundred|a hundred|dozens of|a stash of|a pile of|a stockpile of|months worth of|"
                         r"a month's worth of) (?:of )?(?:\w+ ){0,3}pill\b", mention=True),
    _rule(SUICIDE, PLAN, r"\b(?:read|research|look into|google|search|watch|study|browse)\w*\b" + _gap(8) +
                         r"(?:least painful|less painful|most painless|painless way|which ways? (?:is|are)|"
                         r"methods|doses|how long it take to die|how long (?:it )?(?:take|"
                         r"would take) to die)\b"
                         r"|\b(?:know|worked out|figured out|decided) how i (?:would|will|am going to|could)"
                         r" do it\b"),
    _rule(SUICIDE, PLAN, rf"{W}(?:{MEANS}|edge|ledge|bridge|roof|platform|track|garage|engine|exhaust|"
                         r"door handle|banister|bannister)\b" + _gap(15) + r"(?:practice run|practise run|"
                         r"test run|dry run|trial run|what it (?:felt|feels|would feel) like|"
                         r"how it would feel|"
                         r"to see if it would hold|if it would hold)\b|\b(?:practice run|practise run|"
                         r"test run|"
                         r"dry run|trial run)\b" + _gap(10) + rf"(?:{MEANS}|edge|ledge|bridge|roof|platform|"
                         r"track|garage|engine)\b"),
    _rule(SUICIDE, PLAN, r"(?:^|\b(?:i|i have|just|finally|already|and)\b )(?:chose|choose|pick|found|"
                         r"decided on|settled on|set) (?:the|a) (?:spot|place|day|date|time|location|method)"
                         r"(?:$| ,| and| now| already| too)"),
    # Farewell: letters for after, goodbyes nobody knows are goodbyes, affairs put in order.
    _rule(WARNING, FAREWELL, r"\b(?:letter|note|envelope|message|card|video|recording)s?\b" + _gap(10) +
                             r"(?:for after|to be (?:posted|opened|read|found|sent) (?:after|when|once)|"
                             r"sealed|"
                             r"labelled|labeled|one for each|for each of|to each of|for when it is time|"
                             r"when it is time|for when i am|for whoever|under the mattress|"
                             r"in the drawer for)"
                             r"\b|\b(?:write|finish|seal|address|label)\w* (?:\w+ ){0,2}(?:letter|note|"
                             r"envelope)s? (?:to|for) (?:\w+ ){1,2}, (?:\w+ ){1,2}and\b"
                             r"|\b(?:write|wrote|written|writing) to (?:each|every one|all) of (?:my|"
                             r"them)\b"),
    _rule(WARNING, FAREWELL, r"\b(?:they|she|he|nobody|no one|none of them)\b (?:\w+ )?(?:had no idea|"
                             r"did not "
                             r"know|does not know|do not know|will not know)\b (?:that )?(?:it was|"
                             r"this was|it "
                             r"is|this is)? ?(?:goodbye|the last time|a goodbye|my goodbye)\b"
                             r"|\bsaid goodbye without\b|\bgoodbye tour\b|\blike it (?:was|is|"
                             r"were) (?:the|our|"
                             r"my) last time\b" + _gap(4) + r"(?:it (?:probably |might |may |"
                                                            r"really )?(?:was|is)"
                             r"|probably)\b"),
    _rule(WARNING, FAREWELL, r"\b(?:say|sorry|goodbye|apologise|apologize|thank|hug|call|visit|tell|need|"
                             r"want|"
                             r"have to|make sure|fix|sort|see)\w*\b" + _gap(8) + r"(?:(?:before) (?:the end|"
                             r"my end|i go|i die|i am gone|i leave for good|it is too late|i do it|"
                             r"i do this)\b"
                             r"(?! (?:of|to|out|on|back|home|away|for|in|into|shopping|abroad|there))|"
                             r"while i "
                             r"(?:still )?(?:can|could)(?:$| ,))"),
    _rule(WARNING, FAREWELL, r"^(?!.*\b(?:surgery|operation|procedure|holiday|trip|travel|move|moving|"
                             r"deployment|flight|baby|wedding|retire|retirement|work|job|office)\b).*"
                             r"\b(?:affairs|everything|my things|paperwork|finances) (?:are |"
                             r"is )?(?:in order|"
                             r"put in order)\b|\b(?:put|get|getting|putting|sort|"
                             r"sorting)\w* (?:all )?(?:my )?"
                             r"affairs (?:in order|sorted)\b|\bfor whoever (?:take|has to|find|get|will|"
                             r"clear|"
                             r"sort|deal|end up|look after|is left|come)\w*\b|\bwho gets what\b|"
                             r"\bwho gets my\b|"
                             r"\b(?:tie|wrap) (?:everything|it all|all of it) up\b(?! (?:at|before|for|"
                             r"with) )|"
                             r"\b(?:she|he|they|you|my \w+|\w+) (?:can|could|should|will|get to) (?:have|"
                             r"keep) my "
                             r"(?!old |spare |extra |leftover |other )(?:\w+ )?(?:car|bike|guitar|records|"
                             r"books|clothes|jewellery|jewelry|watch|console|laptop|stuff|things|everything|"
                             r"room|collection|camera|games)\b(?! (?:when|while|until|till|if|for the))|"
                             r"\b(?:video|letter|message|recording|note|card)s? for (?:my|"
                             r"the) (?:\w+ )?(?:kid|kids|"
                             r"child|son|daughter|family|niece|nephew|partner|sister|brother|parent)s? to "
                             r"(?:watch|read|open|have|keep) (?:when|after|once|one day|someday)\b|"
                             r"\bwho (?:should|"
                             r"will) (?:get|have) my\b|\b(?:clear|clean|tidy|sort) up after me\b(?! when| if)"
                             r"|\bloose ends\b" + _gap(6) + r"(?:before (?:friday|saturday|sunday|monday|"
                             r"tuesday|wednesday|thursday|the weekend|tonight|tomorrow|i go|the end)|"
                             r"for good|"
                             r"one by one|so (?:no one|nobody))\b"),
    _rule(WARNING, FAREWELL, r"\b(?:password|passwords|pin|bank card|bank details|bank stuff|life insurance|"
                             r"will template|my will)\b" + _gap(12) + r"(?:just in case|in case|for whoever|"
                             r"sorry|for after|when i am gone|after i am gone|affairs|not be around|"
                             r"planning on being|planning to be|did not tell|without telling|nobody knows|"
                             r"no one knows|this weekend|is it)\b"
                             r"|\b(?:not|no) (?:need|point)\b" + _gap(10) + r"(?:not where|where (?:this|"
                                                                            r"i am|"
                             r"it is|things are) (?:go|head))\w*\b"
                             r"|\bnot planning (?:on|to) (?:be|being) (?:here|around|alive)\b"),
    _rule(WARNING, FAREWELL, r"\b(?:give|gave|hand|sell|donate|rehome|leave|pass)\w*\b" + _gap(10) +
                             r"(?:will not need (?:it|them|to)|not going to need|not be needing|no use to me|"
                             r"will not be wearing|not be using|will not see another|where i am going|"
                             r"not where (?:this|i am|it is) going)\b"),
    # Burden: sparing others, only one way to save them, draining everyone.
    _rule(WARNING, BURDEN, r"\b(?:spare|save|free|release|relieve|rid)\w* " + PERSONS + r"\b (?:of me|"
                                                                                        r"from me|"
                           r"the (?:trouble|burden|hassle|cost|worry|bother|expense|pain) of (?:me|looking "
                           r"after me|caring for me|having me)|having to (?:look after|care for|deal with|"
                           r"manage|cope with|put up with) me)\b|\b(?:go|die|leave|disappear|be gone|"
                           r"end it)\b" +
                           _gap(3) + r"(?:and|to) (?:spare|save|free|release) " + PERSONS + r"\b"),
    _rule(WARNING, BURDEN, r"\b(?:only|best|kindest|easiest|right) (?:way|thing|option|gift)\b" + _gap(8) +
                           r"(?:is to|would be to|is for me to|would be for me to) (?:just )?(?:not be here|"
                           r"not be around|not exist|disappear|die|be dead|be gone|end it|end my life|"
                           r"leave for good|go for good|kill myself|no longer be here)\b"),
    _rule(WARNING, BURDEN, r"\bi (?:just |only |always |keep )?(?:drain|ruin|exhaust|wear out|wear down|"
                           r"drag down|weigh down|hold back|burden|poison)\w* " + PERSONS + r"\b"
                           r"|\b(?:worse off|suffer|suffering|miserable|unhappy|drained|ruined)\b (?:because "
                           r"of|with|around|near|close to|thanks to) me\b|\b(?:close to|near|around|involved "
                           r"with) me\b" + _gap(4) + r"(?:end up|ends up|get|gets)? ?(?:worse off|hurt|"
                                                     r"ruined|"
                           r"miserable|suffering)\b"),
    # Finality: out for good, no tomorrow, the end of the road, stopping the fight.
    _rule(WARNING, FINALITY, r"\b(?:want|need|wish|way|get|getting|find)\w*\b" + _gap(6) +
                             r"(?<!most )(?<!best )(?<!more )(?<!lot )out of (?:everything|it all|life|"
                             r"this life|"
                             r"existence|this world|all of it|living)\b(?! (?:i|we|you) )|"
                             r"\bout of (?:everything|"
                             r"it all|life|this life|existence|this world|all of it) ,? ?(?:for good|forever|"
                             r"permanently|for ever)\b"),
    _rule(WARNING, FINALITY, r"\b(?:feel|feels|felt|feeling|this is|it is|i am at|i have reached|reached|"
                             r"near|nearing|come to|came to)\b (?:like )?(?:the )?end of (?:the|my) (?:road|"
                             r"line)\b(?! (?:for|with) (?:the|this|that|our|their|his|her|it)\b)"),
    _rule(WARNING, FINALITY, r"\b(?:do not|can not|could not|will not) see (?:a|any|my|another) (?:tomorrow|"
                             r"future|next year|new year|way forward|way out)(?:$| ,| for me| any more|"
                             r" anyway|"
                             r" at all)|\b(?:can not|could not|do not) (?:picture|imagine|see) (?:myself|me) "
                             r"(?:being )?(?:alive|around|existing|grow old|growing old|get old|getting old|"
                             r"older|reaching \d+|turning \d+|past \d+|at \d+|here (?:in a (?:month|week|"
                             r"year)|"
                             r"next (?:week|month|year)|by|much longer|for long))\b"),
    _rule(WARNING, FINALITY, r"\b(?:ready to|going to|want to|about to|time to|need to|decided to|just|"
                             r"finally)\b (?:just )?(?:stop|quit|give up) (?:fighting|trying|struggling|"
                             r"resisting|holding on|hanging on)(?: it| this| any more| now| for good)?"
                             r"(?:$| ,| i am| now)"),
    _rule(WARNING, FINALITY, r"\b(?:log|sign|clock|check|tap|bow)\w* (?:off|out)\b" + _gap(3) +
                             r"(?:forever|for good|permanently|for ever|for the last time|of life|"
                             r"of this life|"
                             r"of existence)\b(?! (?:from|on) )|\bnothing (?:left )?(?:to wait for|left to "
                             r"look forward to|left to hold on to|worth waiting for)\b"
                             r"|\b(?:me|i am|i will be|i would be|that is me|then i am|then me)\b (?:\w+ )?"
                             r"done\b(?!(?: \w+){0,3} with (?!it all|everything|life|living|this life|"
                             r"this world|being alive|existing|all of it))"
                             r"(?! with (?:this|the|that|my|his|her|their|our|work|school|uni|him|"
                             r"them|you|it\b(?! all)))" + _gap(3) + r"(?:for good|forever|permanently|"
                                                                    r"for ever|"
                             r"once and for all)\b"),
    # Self-harm: other methods and verbs, tools, hiding, and keeping wounds open.
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:cigarette|lighter|match|flame|candle)\b" + _gap(3) + r"(?:out )?(?:on|"
                                rf"against|to|under|into) (?:my )?(?:\w+ )?{BODY}\b"
                                rf"|\b(?:hold|keep|press|run|put|stick|dip)\w* (?:my )?{BODY} (?:on|against|"
                                r"under|over|in|to|into) (?:the )?(?:\w+ ){0,2}(?:iron|kettle|hob|stove|"
                                r"tap|flame|"
                                r"candle|lighter|radiator|oven|pan|water|heater|straighteners)\b" + _gap(10) +
                                r"(?:longer|as long as|until|till|on purpose|want|to feel|see if|bear|"
                                r"blister|"
                                r"burn|scar|feel it|punish|deserve|then)\b"),
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:pick|scratch|reopen|rip|tear|tore|dig)\w* (?:at |open |"
                                r"into )?(?:the |my )?"
                                r"(?:scab|scabs|wound|wounds|cut|stitches|scar)\b" + _gap(10) + r"(?:heal|"
                                                                                                r"bleed|"
                                r"open|again|until|till|on purpose|so they|punish|deserve|raw|stay open)\b"
                                r"|\b(?:sharpener|sharpeners)\b" + _gap(6) + r"(?:blade|for the blade|"
                                                                             r"take apart|"
                                r"took apart|taking apart|break|broke|broken|unscrew)\w*\b|"
                                r"\bblade (?:from|out of) "
                                r"(?:a |the |my )?(?:pencil )?sharpener\b"),
    _rule(SELF_HARM, BEHAVIOUR, r"^(?!.*\b(?:nose|nosebleed|period|periods|tampon|dog|cat|baby|shaving|"
                                r"shave)\b).*\b(?:hide|hid|bin|chuck|throw away|threw away|wash|rinse|"
                                r"soak)\w* "
                                r"(?:\w+ ){0,2}(?:bloody|bloodied|blood stained|bloodstained|blood soaked|"
                                r"blood covered) (?:tissue|tissues|towel|towels|sheet|sheets|sleeve|"
                                r"sleeves|plaster|"
                                r"plasters|bandage|bandages|clothes|top|shirt|jumper|sock|socks|tights|"
                                r"leggings|"
                                r"toilet paper)\b"),
    _rule(SELF_HARM, BEHAVIOUR, rf"\b(?:carve|scratch|etch|cut|burn|slice|"
                                rf"scrape)\w* (?:\w+ ){{1,3}}(?:into|onto|on|in) my "
                                rf"(?:\w+ )?{BODY}\b"),
    _rule(SELF_HARM, BEHAVIOUR, rf"\b(?:my )?{BODY}\b (?:is|are|was|were|look|looks) (?:\w+ )?(?:a mess|"
                                rf"cut up|"
                                r"shredded|raw|torn up|wrecked)\b" + _gap(4) + r"(?:again|new|fresh|"
                                                                               r"worse)\b"),
)
MORE_RULES: tuple[Rule, ...] = (
    _rule(SUICIDE, WISH, r"\b(?:welcome|wish|hope|pray|want|not mind|fine|okay|glad|relieved|relief|"
                         r"peaceful)\b "
                         r"(?:(?!not |never |no )[^ ,]+ ){0,5}(?:my heart|my body|my lungs|my breathing)\b "
                         r"(?:(?!not )[^ ,]+ ){0,2}(?:stop|give out|give up|fail|quit|pack in)\w*"),
    _rule(SUICIDE, METHOD, r"\b(?:keep|kept|can not stop|could not stop)\b (?:just )?(?:look|stare|"
                           r"glance)\w* "
                           r"(?:at|over at|up at) (?:the |my |that )?(?:\w+ )?(?:beam|rope|noose|bridge|pill|"
                           r"blade|gun|track|railing|ledge|balcony|edge|river|medicine cabinet|loft hatch|"
                           r"bannister|banister|belt|cable|cord)\b"),
    _rule(SUICIDE, INTENT, r"\b(?:after|once|when|by|on)\b (?:[^ ,]+ ){0,8}" + WHEN +
                           r" , (?:then )?(?:that is|this is|it is) it\b(?: for me)?(?:$| ,)"),
    _rule(SUICIDE, PLAN, r"\b(?:look up|google|search|research|find|check|look for|look into)\w*\b" +
                         _gap(4) +
                         r"(?:tallest|highest|nearest tall|high) (?:building|bridge|cliff|car park|"
                         r"multistorey|"
                         r"tower|place|point|drop)s?\b(?! in the world| in (?:europe|asia|america|dubai|"
                         r"the uk|"
                         r"london|new york|the country))"),
    _rule(WARNING, FAREWELL, r"\b(?:sort|finish|finalise|finalize|choose|pick|plan|write|organise|organize|"
                             r"arrange)\w* (?:out )?(?:all )?my (?:funeral|memorial)\b(?! (?:plan|insurance) "
                             r"(?:with|at|through))|\bmy (?:funeral|memorial) (?:songs|playlist|music|plans|"
                             r"wishes) (?:is|are) (?:done|sorted|finished|ready|chosen|written)\b"
                             r"|\bwhere my will is\b"),
)
MORE_RULES = MORE_RULES + (
    _rule(SUICIDE, PLAN, r"\b(?:which|what|a|the) (?:bridge|building|car park|multistorey|station|spot|place|"
                         r"platform|cliff|roof|level crossing|crossing|stretch of (?:road|track|line))\b" +
                         _gap(5) + r"(?:no|without|least|fewest|fewer|not many) (?:cameras|cctv|people|staff|"
                         r"barriers|fences|nets|railings|security|one around|one about)\b"),
    _rule(SUICIDE, PLAN, r"\bbeen (?:collect|save|hoard|stockpile|stash|keep|gather|squirrel|hide|take)\w* "
                         r"(?:\w+ ){0,4}pill\b(?! (?:as|like|every|each|twice|once|on time|regularly))"
                         r"|\b(?:the )?(?:when|how|where) and (?:the )?(?:when|how|where)\b"
                         r"|\b(?:write down|note|check|look up|learn|memorise|memorize|know|"
                         r"time)\w* (?:\w+ ){0,4}"
                         r"(?:time|timetable|schedule|"
                         r"when)\b (?:\w+ ){0,4}train\w* (?:\w+ ){0,2}(?:do not stop|"
                         r"does not stop|pass through|go through|come through|do not slow|fly through|"
                         r"speed through)\b"),
    _rule(WARNING, BURDEN, r"\ball i (?:ever )?do is\b" + _gap(2) + r"(?:make|cause|bring|hurt|ruin|"
                                                                    r"disappoint|"
                           r"let down|burden|drag|stress|upset|worry|cost)\w*\b" + _gap(6) +
                           r"(?:harder|worse|pain|problems|trouble|stress|misery|worry|everyone|everybody|"
                           r"people|family|them|down)\b"),
)
MORE_RULES = MORE_RULES + (
    _rule(WARNING, FAREWELL, r"\b(?:will not|not going to|would not|"
                             r"will no longer) need (?:\w+ ){0,5}(?:soon|much "
                             r"longer|for long|where i am going|after this week|after (?:friday|saturday|"
                             r"sunday|"
                             r"monday|tuesday|wednesday|thursday|tonight|tomorrow|the weekend))\b"
                             r"|\bto be (?:posted|opened|read|sent|found) (?:after|afterwards|"
                             r"once i am gone|when i "
                             r"am gone)(?:$| ,)|\b(?:look after|take care of|have|keep|feed|mind)\b" +
                             _gap(6) +
                             r"if anything (?:ever )?happens(?: to me)?(?:$| ,)"
                             r"|\b(?:i am not|i will not|i am never|i will never) (?:be )?(?:coming|"
                             r"come) back\b"
                             r"(?! (?:to|until|till|after|before|tomorrow|today|tonight|on|next|here|there|"
                             r"home|in|into|from|at)\b)(?! for (?:the|a|lunch|dinner|tea|seconds|more)\b)"),
    _rule(SUICIDE, INTENT, r"\b(?:i have|i) (?:decided|chosen|picked|set)\b(?: on)? " + WHEN + r"(?:$| ,)"
                           r"|^(?:that is|this is|thats|it is) " + WHEN + r"$"),
    _rule(SUICIDE, PLAN, r"\b(?:got|have)\b (?:the |a |my )?(?:belt|rope|noose|cord|cable|pill|gun|blade|"
                         r"charcoal|helium)\b" + _gap(8) + r"(?:got|have) (?:the |a |my )?(?:time|place|spot|"
                         r"day|date|door|beam|nerve|guts|courage|plan)\b"
                         r"|\b(?:cable|cord|belt|rope|scarf|tie|lead|charger|sheet)\b" + _gap(3) +
                         r"(?:tie|knot)\w* (?:in|into) a (?:loop|noose|knot)\b"
                         r"|\b(?:count|measure|pace)\w* (?:\w+ ){0,3}(?:to|from) (?:the )?(?:edge|ledge|"
                         r"yellow "
                         r"line|platform edge|edge of the platform|track|railing|parapet)\b"
                         r"|\blie\w*\b" + _gap(8) + r"(?:supply|prescription|script|more pill|extra pill|"
                         r"repeat)\b"),
)
SKIN = _any("arm|wrist|thigh|leg|skin|stomach|hip|chest|ankle|forearm|belly|side|ribs|hips|arms|legs|"
            "thighs|wrists|palm|palms|forearms|shoulder|shoulders|flesh|body")
MORE_RULES = MORE_RULES + (
    _rule(SUICIDE, WISH, r"\b(?:ask|pray|beg|hope|wish)\w* (?:\w+ ){0,3}(?:not to let me|to not let me|"
                         r"to let me "
                         r"not|that i do not|i do not|i will not|i would not|that i will not|"
                         r"that i would not) "
                         r"(?:see|wake|make it to|live to see|survive|get up)\b"),
    _rule(SUICIDE, METHOD, r"\b(?:would|will|could) (?:only |just )?take (?:just )?(?:one|a single|"
                           r"a) (?:step|turn of "
                           r"the wheel|jerk of the wheel|swerve|second|cut|jump|push|pull|squeeze|"
                           r"wrong move)\b"),
    _rule(SUICIDE, INTENT, r"\b(?:it|this|everything|all of this|it all) (?:ends|will end|is ending|stops|"
                           r"will stop|"
                           r"is over|will be over) (?:on |at |by |this |next )?" + WHEN + r"(?:$| ,)"),
    _rule(SUICIDE, PLAN, r"\b(?:where|how|when) (?:i would|i will|i am going to|i could|i should) do it\b"
                         r"(?! (?:differently|better|again|myself|right|properly|if|with|without|the|for|"
                         r"in a))"
                         r"|\bwhere to do it(?:$| ,)"),
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:calm|help|relief|release|numb|cope|soothe)\w*\b (?:\w+ ){0,4}(?:is|"
                                r"was|be) "
                                r"(?:cut|burn|scratch|hurt myself|harm myself|self harm|bleed)(?:$| ,)"
                                r"|\b(?:use|take|grab)\w* (?:a |the |my )?(?:shard|blade|razor|glass|"
                                r"compass|pin|"
                                rf"needle|knife|scissors|lighter|sharpener)\b (?:\w+ ){{0,3}}(?:on|to|"
                                rf"against|across) "
                                rf"(?:my )?(?:\w+ )?{SKIN}\b"),
    _rule(WARNING, FINALITY, r"\b(?:switch|turn|shut|power)\w* (?:off|out|"
                             r"down)\b (?:\w+ ){0,2}(?:for good|forever|"
                             r"permanently|for ever)\b(?! (?:from|on)\b)"
                             r"|\bnothing (?:left )?(?:for me|here for me)(?: here| in this world|"
                             r" any more|$| ,)"
                             r"(?! to\b)"),
)
# Round three: families read off the leave-one-writer-out misses of writers 8-10 (older and
# rural voices, teenagers online, subtle items with no death word); each family is written over
# word classes and was checked on a writer it was not written from (docs/safety.md).
MEANS_HELD = _any("gun|rifle|pistol|shotgun|revolver|rope|belt|cord|noose|razor|blade|knife|box cutter|"
                  "stanley blade|pill|tablet|painkiller|morphine|patch|kerosene|petrol|paraffin|bleach|"
                  "tylenol|paracetamol|med|medication|sleeping pill|insulin|cable|scarf|dressing gown cord")
THROAT = _any("neck|throat|wrist|wrists|vein|veins|temple|head|chest|heart")
DEAD_STATE = _any("dead|in the ground|in a box|in a coffin|in my grave|in the grave|six feet under|"
                  "not alive|not be alive|not exist|gone|at rest|in the cemetery|with the others")
ENVIED = _any("dead|grave|cemetery|obituaries|obituary|hearse|coffin|died|die|put to sleep|in the ground|"
              "buried|did not come back|never came back|went in the crash|got out|passed|passed away|"
              "funeral")
MORE_RULES = MORE_RULES + (
    # Wish to be dead as a comparison, a preference or relief, without "I want".
    _rule(SUICIDE, WISH, r"\b(?:better|happier|easier|safer|better off|happier off) (?:off )?" + DEAD_STATE +
                         r"\b(?! (?:than|of) (?:them|him|her|it)\b)"
                         r"|\b(?:rather|prefer|sooner) (?:just )?(?:be )?" + DEAD_STATE + r"\b"
                         r"|\b(?:dead|death|die|being dead|not being alive|not existing|not wake up|"
                         r"not waking up|to stop existing|stop existing|to just stop existing)"
                         r" (?:would be|will be|sounds|seems|would feel|feels|is|would honestly be) "
                         r"(?:\w+ ){0,2}(?:a relief|relief|a mercy|peaceful|easier|better|a gift|kinder|"
                         r"cleaner|nicer|a blessing|preferable|so nice|bliss|restful|calm|quiet|lovely|"
                         r"like rest|like a rest|like peace)\b"),
    _rule(SUICIDE, WISH, r"\b(?:stop|quit) (?:being alive|existing|exist|living|being here|breathing)\b"
                         r"|\b(?:prefer|like|want|wish|rather) (?:\w+ ){0,2}not (?:to )?(?:be )?"
                         r"(?:alive|living|exist|existing|here any more|around any more)\b"
                         r"|\bnever (?:been )?born\b(?! (?:yet|in|on|at|into|to))"
                         r"|\b(?:disappoint|shame|pity|gutted|annoyed|sad|sorry)\w* (?:\w+ ){0,3}"
                         r"(?:i |that i )?(?:wake|woke|woken) up(?: again| at all| this morning)?\b"
                         r"|\bno (?:wish|desire|will) to (?:wake|see tomorrow|see the morning|"
                         r"live|go on|keep going)\b"),
    # Envy of the dead.
    _rule(SUICIDE, WISH, r"\b(?:envy|envious|jealous|lucky)\b(?! of (?:his|her|their) (?:car|job|house))"
                         + _gap(7) + ENVIED + r"\b"
                         r"|\bthe lucky ones (?:are|were) (?:the ones )?(?:\w+ ){0,3}" + ENVIED + r"\b"),
    # A fatal accident or illness hoped for, or not to be regretted.
    _rule(SUICIDE, WISH, r"\b(?:hope|hoping|half hope|pray|wish|would not mind|not mind|so be it|keep hoping)"
                         r"\w*\b" + _gap(5) + r"(?:a |the |that |this |some )?(?:lorry|truck|car|bus|train|"
                         r"plane|tractor|storm|ice|ambulance|clot|stroke|heart attack|cancer|drunk driver|"
                         r"bullet|tumour|tumor)\b" + _gap(6) +
                         r"(?:hit|come across|cross|does not see|do not see|not see|go down|crash|take me|"
                         r"take the|roll|t bone|t-bone|get me|kill|end|finish|settle|spread|take)\w*\b"
                         r"|\bif (?:i (?:just )?(?:die|died|get hit|got hit|get shot|got shot|got killed|"
                         r"get killed|do not wake|did not wake|never wake|never woke|drop dead|"
                         r"got hijacked|crash|crashed)|my heart (?:\w+ )?(?:stop|stopped|packed in|pack in|"
                         r"give out|gave out|give up)|the (?:plane|car|scan|ice|tractor|truck|lorry|"
                         r"clot|cancer)\w*)\b" + _gap(12) + r"(?:relief|relieve|relieved|would not (?:even )?"
                         r"(?:mind|be mad|be sorry|care)|not be sorry|thank|nicest|best thing|mercy|so be it|"
                         r"glad|peace|not steering|won't steer|will not steer)\w*\b"),
    _rule(SUICIDE, WISH, r"\b(?:god|lord|jesus|death|universe)\b" + _gap(4) + r"(?:take|tek|call|fetch)"
                         r"\w* (?:me|mi)\b(?! (?:to|back|out|through|for|there|home to|along))"
                         r"|\b(?:take|tek) (?:me|mi) in (?:my|mi) sleep\b"),
    # Active thoughts in euphemism.
    _rule(SUICIDE, THOUGHTS, r"\b(?:take|taking|wipe|wiping|top|topping|do away with|doing away with|"
                             r"doin away"
                             r" with|finish|finishing|off|offing|snuff|bump|bumping) (?:myself|meself)"
                             r"(?: out| off| in)?\b(?! (?:out )?(?:for|to|on|of the|shopping|dancing|"
                             r"to dinner|for a))"
                             r"|\bfinish (?:the job|it) on myself\b"
                             r"|\b(?:ending|end|finish) things\b(?! (?:with|between|off with))"
                             r"|\bhow (?:i would|i will|i could|i would ever|id) do it\b"
                             r"|\b(?:make|let) (?:this|it|everything) (?:all )?end\b" + _gap(6) +
                             r"(?:me|myself)\b"
                             r"|\bdone (?:with|wid) life\b"),
    # Thoughts with a method: a means held, looked at or thought of, with the body or with time.
    _rule(SUICIDE, METHOD, MEANS_HELD + r"\b" + _gap(8) + r"(?:my|mi|the) " + THROAT + r"\b"
                           r"|\b(?:my|mi) " + THROAT + r"\b" + _gap(6) + MEANS_HELD + r"\b"
                           r"|\b(?:hold|held|look at|looking at|stare at|staring at|sat with|sit with|"
                           r"think about|thinking about|keep|kept|loaded|load)\w* (?:\w+ ){0,5}" +
                           MEANS_HELD + r"\b" + _gap(8) + r"(?:long time|an hour|for a long|differently|"
                           r"the wrong way|too much|more than i|know what|know why|went there|not for|"
                           r"only just|on me|for myself|for me|not only|what for)\b"
                           r"|\b(?:swallow|take|down|neck|put|drink)\w* (?:them |it |am )?(?:all|the lot|"
                           r"the whole (?:lot|bottle|box|packet|strip)|every one of them|all of them|"
                           r"all at once|finish)\b(?! (?:day|week|the time|right|together|at work))"
                           r"|\b(?:hold|held|press|pressed|put)\w* (?:it|the blade|the edge|the point|"
                           r"the barrel|"
                           r"the muzzle) (?:\w+ )?(?:against|to|on|across|into) (?:my|mi) (?:throat|neck|"
                           r"wrist|"
                           r"wrists|temple|vein|veins)\b"
                           r"|\benough (?:\w+ ){0,3}(?:not to wake|to not wake|for me not to wake|"
                           r"to never wake|to do it|to do the job|to finish it|to end it)\b"),
    _rule(SUICIDE, METHOD, r"\b(?:garage|shed|lock up)\b" + _gap(10) + r"(?:engine|car|motor)\b (?:\w+ ){0,2}"
                           r"(?:run|running|on|go|going)\b"
                           r"|\b(?:engine|car|motor) (?:\w+ )?(?:run|running)\b" + _gap(8) +
                           r"(?:garage|door (?:was |is )?(?:shut|closed)|shed)\b"
                           r"|\bturn\w* the key and (?:stay|staying|sit|sitting|wait)\w*\b"
                           r"|\b(?:go|going|went|slip|slipping|sink|sinking)\w* under\b (?:\w+ ){0,4}"
                           r"(?:stay|staying|not come|not coming) (?:under|down|up)?\b"
                           r"|\b(?:walk|walking|swim|swimming|wade|wading)\w* (?:in|into|out)\b (?:\w+ ){0,6}"
                           r"(?:not (?:walk|walking|come|coming|swim|swimming)\w* (?:back )?(?:out|back)|"
                           r"keep going|never come back|nothing left)\b"
                           r"|\b(?:go|going|climb|climbing|step|stepping|get|getting)\w* over (?:the )?"
                           r"(?:rail|railing|railings|parapet|barrier|edge|side)\b"
                           r"|\bclimb\w* the (?:rail|railing|railings|parapet|barrier)\b"
                           r"|\b(?:railing|rail|parapet|barrier|fence)\w* (?:is |are )?(?:low|easy) enough\b"
                           r"|\b(?:my|a|as my) way out\b(?! (?:of (?:the|this) (?:job|town|city|house|"
                           r"contract|marriage|debt)))"),
    # Self-harm with other verbs, tools and purposes.
    _rule(SELF_HARM, BEHAVIOUR, r"\b(?:gouge|gouged|lacerate|lacerated|scald|scalded|slash|slashed|stab|"
                                r"stabbed|"
                                r"stick|stuck|jab|jabbed|press|pressed|hold|held|carve|carved|open|"
                                r"opened)\w* "
                                r"(?:\w+ ){0,5}(?:into|against|to|on|in|across) (?:my|mi) (?:own )?(?:\w+ )?"
                                + SKIN + r"\b"
                                r"|\b(?:gouge|gouged|lacerate|lacerated|scald|scalded|slash|slashed)\w* "
                                r"(?:myself|my (?:\w+ )?" + SKIN + r")\b"
                                r"|\b(?:bite|bit|scratch|burn|burnt|hit|punch|pinch|claw|snap|slap|cut)\w* "
                                r"(?:\w+ ){0,5}(?:till|until) (?:it|they|i) (?:bled|bleed|bruise|stopped|"
                                r"went numb|blister)\w*\b"
                                r"|\b(?:scratch|claw|rub|pick)\w* (?:my|mi) (?:\w+ )?" + SKIN + r" raw\b"
                                r"|\b(?:burn|burnt|burning|cut|cutting|scald|scratch|hit|bite|bit)\w* "
                                r"(?:\w+ ){0,6}(?:on purpose|deliberately|to feel something|so i would feel|"
                                r"to feel real|feel real|make me feel)\b"
                                r"|\bhit\w* myself (?:in|on) the (?:head|face|chest|leg|legs|arm)\b"
                                r"|\b(?:open|opened|reopen|reopened|pick|picked)\w* (?:them|the scars|"
                                r"the cuts|"
                                r"it|the wounds) (?:\w+ )?(?:up )?again\b"
                                r"|\b(?:cutting|cut|burning|self harm)\b (?:is|was|became|has become) "
                                r"(?:\w+ ){0,3}(?:only thing|a thing|my thing|the thing|what)\b"),
)
GONE_AFTER = _any("i am gone|i am dead|i go|i am not here|i am not around|i die|they find me|i am found|"
                  "it is over|it is done|the end")
MORE_RULES = MORE_RULES + (
    # Farewell: notes to whoever reads them after, apologies for what is about to happen.
    _rule(WARNING, FAREWELL, r"\b(?:if you are reading this|when you read this|by the time you read this|"
                             r"(?:to )?whoever finds (?:this|me|my body))\b" + _gap(8) +
                             r"(?:sorry|gone|after|fault|blame|forgive|love|already|dead|anymore|any more|"
                             r"could not|couldn't)\w*\b"
                             r"|\b(?:sorry|forgive me|apologise|apologize)\w*\b" + _gap(3) +
                             r"(?:for )?(?:what|everything) (?:i am|im) (?:about|going) to (?:do|put you|"
                             r"put them|put everyone)\b"
                             r"|\bsorry (?:in advance )?to (?:whoever|the person who|the one who) (?:finds|"
                             r"find) (?:me|this)\b"
                             r"|\b(?:see|meet) (?:you|you all|yous) on the other side\b"
                             r"|\bmy (?:goodbye|farewell) (?:post|message|msg|note|letter|video|email|"
                             r"e-mail)\b"
                             r"|(?:^|\bi |\bi am |\bi have )(?:write|wrote|writing|draft|drafted|"
                             r"schedule|scheduled)\w* "
                             r"(?:a |the |my )?"
                             r"(?:goodbye|farewell|last) (?:post|message|msg|note|letter|video|email|"
                             r"e-mail)\b"
                             r"|\b(?:wrote|written|write|writing|finished|left|leave|leaving|"
                             r"put) (?:\w+ ){0,2}"
                             r"(?:the|my|a) (?:note|letter|letters)\b" + _gap(10) +
                             r"(?:find|found|after|pillow|envelope|insurance|drawer|under|for when|table|"
                             r"good enough|three times|times)\w*\b(?! (?:for the milkman|for the postman|"
                             r"for the cleaner|to the landlord))"),
    # Farewell: giving away, or settling, with "after" or "gone"; last contacts.
    _rule(WARNING, FAREWELL, r"\b(?:so|for when|after|when|before|once) (?:\w+ ){0,8}" + GONE_AFTER +
                             r"(?:$| ,)"
                             r"|\b(?:one|for the|the) (?:last|final) time\b(?! (?:i checked|i looked|i saw "
                             r"(?:him|her|them)|we (?:met|spoke|talked)))" + _gap(4) + r"(?:$| ,)"
                             r"|\b(?:text|call|phone|ring|thank|hear|tell|hug|kiss|say goodbye|said goodbye|"
                             r"message)\w* (?:\w+ ){0,6}(?:one last time|one more time before|"
                             r"for the last time|one final time)\b"
                             r"|\b(?:want|wanted) (?:that|this|it) to be the last (?:thing|time|words)\b"
                             r"|\b(?:said|say|saying) (?:all )?my goodbyes\b"
                             r"|\bsaid goodbye to (?:the|my) (?:\w+ ){0,2}(?:cows|horses|dog|cat|hills|house|"
                             r"sea|garden|animals)\b"
                             r"|\b(?:will not|not going to|never going to|wont|will never) be (?:\w+ ){0,2}"
                             r"(?:seeing (?:you|any of you|yous)|logging (?:in|on)|online|on here|posting|"
                             r"replying|playing|coming back|back|around)\b (?:\w+ ){0,5}"
                             r"(?:ever|ever again|again(?:$| ,)|any day after|anymore|any more|after (?:this|"
                             r"that|the|tonight|tomorrow))\b"
                             r"|\bi meant (?:ever|forever|for good)\b"
                             r"|\b(?:will not|not going to|would not|do not|does not|will never|"
                             r"never going to|"
                             r"no longer) need (?:it|them|that|this|any of (?:it|them|this)|anything|"
                             r"my \w+|these|those)(?: any more| again| now| where i am going|"
                             r" after \w+(?: \w+)?|"
                             r" in the winter| soon| much longer| for long| for much longer)?(?:$| ,)"),
    # Finality: going for good, to the dead, to where nobody wakes.
    _rule(WARNING, FINALITY, r"\b(?:i am|im|i will be|i'll be|ill be) (?:go|going|gone) (?:for good|forever|"
                             r"permanently|for always|for ever|for real this time)\b(?! (?:from|on|"
                             r"to the|in)\b)"
                             r"|\b(?:be|go|join|see) (?:\w+ ){0,2}(?:with (?:my )?(?:mum|mom|dad|son|"
                             r"daughter|wife|husband|brother|sister|grandma|grandpa|nana|gran|grandad|"
                             r"the boys|the lads|him|her|them)|join (?:my )?(?:son|daughter|wife|husband|mum|"
                             r"mom|dad|him|her)) (?:again|soon)\b"
                             r"|\b(?:want|wanting|ready|time) (?:\w+ ){0,2}(?:to )?(?:join|"
                             r"be with) (?:\w+ ){0,4}"
                             r"(?:again|soon|in heaven|up there|who did not make it|who never came back)\b"
                             r"|\b(?:want|wanting|ready|time) (?:\w+ ){0,2}(?:to )?(?:go home to "
                             r"the lord|go home to god|go to the place where|be where (?:he|she|"
                             r"they) (?:is|are))\b"
                             r"|\b(?:uninstall|delete|remove|unsubscribe|log out of|quit|rage quit|"
                             r"rage quitting)"
                             r"\w* (?:myself|life|my life|from life|existence|this life)\b"
                             r"|^(?:i )?(?:can not|cannot) (?:go on|keep going|carry on)(?: any more)?$"
                             r"|\bquit button on life\b|\bend (?:of|to) the (?:line|road|story) for me\b"
                             r"|\bend the story\b|\bno (?:sequel|save file|respawn|next level)\b"
                             r"|\b(?:go|goes|going) dark and stay dark\b|\bno waking up\b"
                             r"|\b(?:done|finished) (?:with|wi|wid) (?:life|living|being alive|the lot|"
                             r"everything)\b(?! (?:for (?:today|tonight|the day|now)))"
                             r"|\bready to be (?:done|finished|gone)\b"
                             r"|\bnever (?:have to )?(?:feel|wake|see|face)\w* (?:\w+ )?(?:this|it|anything|"
                             r"again)\b(?! (?:again )?(?:if|when|until|unless))"),
    # Burden: the kindest thing, worth more dead, removing oneself, relief at one's absence.
    _rule(WARNING, BURDEN, r"\b(?:kindest|best|most loving|only fair|right) thing\b" + _gap(6) +
                           r"(?:me not (?:being|be) (?:here|alive|around)|remove myself|disappear|to go|"
                           r"not be here|leave for good|is me gone|to die|to not exist)\b"
                           r"|\bworth more dead\b|\b(?:better|happier|easier|relieved|kinder) (?:\w+ ){0,3}"
                           r"(?:without (?:the weight of )?me|with (?:nobody|no one|the insurance)|"
                           r"if i (?:was|"
                           r"were|just) (?:not|never|gone))\b"
                           r"|\b(?:be|were|was) (?:\w+ ){0,3}relieved\b" + _gap(6) + r"(?:i (?:just )?"
                           r"(?:was not|wasnt|were not|am not|was gone)|not there|gone)\b"
                           r"|\b(?:selfish|unfair) (?:of me )?to (?:keep|stay|go on) (?:living|alive|here|"
                           r"breathing|existing)\b"
                           r"|\b(?:ruin|burden|weigh on|drain)\w* (?:\w+ ){0,3}(?:just )?by (?:being alive|"
                           r"existing|being here|living)\b"
                           r"|\bmy (?:existence|being alive|being here|life) is (?:\w+ ){0,3}(?:extra work|"
                           r"a burden|a weight|a drain|a cost|a problem)\b"
                           r"|\b(?:problems|burdens|weights) can be (?:removed|fixed|solved|got rid of)\b"
                           r"|\b(?:break|rest|relief) from me\b(?:,| ,)? (?:\w+ )?(?:permanently|for good|"
                           r"forever)\b"
                           r"|\b(?:time to stop|stop) costing\b"
                           r"|\bif i (?:die|went|go|was gone|were gone)\b" + _gap(4) + r"(?:now|soon)?"
                           + _gap(4) + r"(?:there (?:would|will) be|at least|something (?:left|for))\b"),
    # Intent and plan said plainly with a time or a place.
    _rule(SUICIDE, INTENT, r"\b(?:i am|im|i will|i'll|i) (?:going to|gonna|will)? ?(?:step|walk|jump|drive|"
                           r"put the car|go)\w* (?:straight )?(?:in front of|off|onto|into) (?:the )?"
                           r"(?:\d[\d:.]*|next|train|roof|motorway|bridge|wall|traffic|cliff|sea|edge|bus|"
                           r"lorry|truck|tracks|road)\b(?! (?:to|for) (?:work|school|a|the shop))"
                           r"|\b(?:going through|go through) with it\b"
                           r"|\b(?:tomorrow|tonight|today|friday|saturday|sunday|monday|tuesday|wednesday|"
                           r"thursday|this week) i (?:do|will do|am doing) it\b"
                           r"|\b(?:it is|its) (?:today|tonight|happening)(?:$| ,)"
                           r"|\bthis is my last (?:night|day|week|morning|sunday|weekend)\b"
                           r"|\b(?:i will|i'll|ill) be gone before\b"
                           r"|\b(?:will not|not going to|will never) (?:be here|see|make it to|reach) "
                           r"(?:for )?(?:my \d+\w*|my (?:birthday|\w+tieth)|christmas|the new year|new year|"
                           r"next (?:year|christmas|birthday|spring|summer)|another (?:year|christmas|"
                           r"birthday))"
                           r"(?:$| ,| \w+ (?:have|am|made|decided))"
                           r"|\bthe date is (?:set|picked|chosen)\b|\b(?:decision|final decision|"
                           r"decision made)\b" + _gap(4) + WHEN + r"\b"
                           r"|\bsee to it myself\b|\bthat is my window\b|\bnot driving back\b"
                           r"|\bwill not be driving back\b"),
    _rule(SUICIDE, PLAN, r"\b(?:practis|practic|tested|test|tried tying|tie|tying)\w* (?:\w+ ){0,3}"
                         r"(?:the )?(?:knot|noose|beam|branch|hook)\b"
                         r"|\b(?:tested|test)\w* the (?:beam|branch|hook|rail|banister)\b"
                         r"|\b(?:holds|hold|take|takes|took|bear|bears) my weight\b"
                         r"|\b(?:picked|chosen|chose|found|pick)\w* (?:out )?the (?:spot|place|tree|branch|"
                         r"junction|bridge|building|floor|date|day|time)\b" + _gap(10) +
                         r"(?:strong|check|high enough|nobody|no one|twice|cameras|there)\b"
                         r"|\b(?:which|what) (?:floor|storey|level|bridge|bridges|dose|doses|combo|"
                         r"combination)\b" + _gap(6) + r"(?:high enough|should do it|would do it|dangerous|"
                         r"lethal|fatal|barriers|enough)\b"
                         r"|\blethal dose\w*\b(?! (?:in|for) (?:dogs|cats|the exam|class|pharmacology))"
                         r"|\b(?:refill|repeat|prescription|script)\w* (?:\w+ ){0,3}(?:early|from two|"
                         r"bigger|extra)\b" + _gap(6) + r"(?:enough|pile|double|ready|not|travelling|"
                         r"blink|notice)\w*\b"
                         r"|\b(?:stockpil|hoard|stash|saving up|squirrel)\w* (?:\w+ ){0,3}(?:pill|tablet|"
                         r"morphine|med|medication|painkiller|insulin)\w*\b"
                         r"|\b(?:to see if|check if|check there)\w* (?:there (?:are|is|was) )?(?:any )?"
                         r"(?:cameras|a fence|no fence|barriers)\b"
                         r"|\b(?:tide times|timetable)\b" + _gap(8) + r"(?:that is when|walk out|fast one|"
                         r"2am|11pm|high tide (?:is|at))\b"
                         r"|\bwhen (?:nobody|no one|nobodys|the house)\w* (?:is )?(?:home|empty|in)\b" +
                         _gap(6) + r"(?:window|do it|happening|then)\b"
                         r"|\b(?:bought|buy|ordered|order|got)\w* (?:a |the )?(?:\w+ )?(?:rope|noose|"
                         r"ladder and a rope|thing online to do it|something to do it|one way ticket)\b" +
                         _gap(6) + r"(?:for me|not for|do it|not coming back|arrives)\b"
                         r"|\b(?:after|when) (?:i am|im) (?:gone|dead)\b"
                         r"|\b(?:for|so) (?:when|that when) (?:i am|im) (?:ready|gone|dead)\b"
                         r"|\bwho gets (?:the|my) \w+\b" + _gap(6) + r"(?:clean|when i go|after)\b"),
)
RULES = RULES + FAMILY_RULES + MORE_RULES

# --- 2b. A cheap pre-filter ------------------------------------------------------------------
# Most sentences of an ordinary entry hold no word any rule needs. For every rule, the words of
# which each of its matches must hold at least one are read off the rule's own regular expression
# (its parse tree: literal words between spaces or word boundaries, through alternatives and
# required repeats), once, at import. A sentence holding none of a rule's words skips that rule:
# the same matches, found in far less time. A rule whose words can't be read this way always runs.

_EDGE = "\x01"          # a word boundary in a pattern: a space or \b
_MOST = 400             # more alternatives than this in a row and the row is cut
_COMMON = frozenset("i me my myself it to the a an and of be is am are was not do at in on for that "
                    "this so just all out up , with have has will would can could no go".split())


def _cross(left: set[str] | None, right: set[str] | None) -> set[str] | None:
    if left is None or right is None or len(left) * len(right) > _MOST:
        return None
    return {a + b for a in left for b in right}


def _sequence(items: Iterable[tuple[object, object]], edge: bool = False
              ) -> tuple[set[str] | None, list[set[str]]]:
    """Every string a sequence can match (None: too many), and sets of strings of which any match
    holds one. `edge`: the sequence starts at a word boundary."""
    from re import _constants as sre  # type: ignore[attr-defined]

    factors: list[set[str]] = []
    run: set[str] = {_EDGE if edge else ""}
    whole = True
    for op, value in items:
        exact, inner = _node(op, value, all(r.endswith(_EDGE) for r in run))
        factors.extend(inner)
        joined = _cross(run, exact)
        if joined is None:
            whole = False
            factors.append(run)
            # A gap of whole words ("(?:[^ ]+ ){0,4}") after an edge ends at an edge too.
            at_edge = all(r.endswith(_EDGE) for r in run) and op is sre.MAX_REPEAT and \
                list(value[2])[-1:] == [(sre.LITERAL, ord(" "))]
            run = exact if exact is not None else {_EDGE if at_edge else ""}
        else:
            run = joined
    return (run if whole else None), [*factors, run]


def _node(op: object, value: Any, edge: bool) -> tuple[set[str] | None, list[set[str]]]:
    from re import _constants as sre  # type: ignore[attr-defined]

    if op is sre.LITERAL:
        return ({_EDGE} if value == ord(" ") else {chr(value)}), []
    if op is sre.AT:
        return ({_EDGE} if value is sre.AT_BOUNDARY else {""}), []
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return {""}, []
    if op is sre.SUBPATTERN:
        return _sequence(value[-1], edge)
    if op is sre.BRANCH:
        results = [_sequence(branch, edge) for branch in value[1]]
        exacts = [exact for exact, _ in results]
        exact = set().union(*exacts) if all(e is not None for e in exacts) and sum(  # type: ignore[arg-type]
            len(e) for e in exacts if e is not None) <= _MOST else None
        chosen = [_best(factors) for _, factors in results]
        return exact, ([set().union(*chosen)] if chosen and all(c is not None for c in chosen) else [])  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, inner = value
        exact, factors = _sequence(inner)
        if low == 0:
            return ({""} | exact if high == 1 and exact is not None else None), []
        return (exact if low == high == 1 else None), [*factors, *([exact] if exact else [])]
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in value) and len(value) <= 12:
        return {_EDGE if v == ord(" ") else chr(v) for _, v in value}, []
    return None, []


def _words_in(string: str) -> list[str]:
    """Whole words (an edge on both sides) in a matched string, and a word's start ("harm*") when
    the string stops inside a word."""
    parts = string.split(_EDGE)
    words = [w for w in parts[1:-1] if w]
    if len(parts) > 1 and parts[-1] and re.match(r"\w", parts[-1]):
        words.append(parts[-1] + "*")
    return words


def _pick(strings: set[str]) -> set[str] | None:
    """One word for each string (the least common), or None if a string has none."""
    picked = set()
    for string in strings:
        words = _words_in(string)
        if not words:
            return None
        rare = [w for w in words if w not in _COMMON and not w.endswith("*")] or \
            [w for w in words if not w.endswith("*") or len(w) > 4] or words
        picked.add(max(rare, key=len))
    return picked


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The candidate (a set of strings) whose words are the least common."""
    scored = [(_score(p), c) for c in candidates if c and (p := _pick(c)) is not None]
    return min(scored, key=lambda pair: pair[0])[1] if scored else None


def _score(picked: set[str]) -> tuple[int, int]:
    return sum(w in _COMMON or (w.endswith("*") and len(w) < 5) for w in picked), len(picked)


_START = 8   # a word start ("harm*") is compared on its first letters, at most this many


def _key(word: str) -> str:
    """A word, or a word start ("harm*") cut to _START letters (a word starting so has that start)."""
    return word[:-1][:_START] + "*" if word.endswith("*") else word


def _anchor(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Up to three sets of keys (_key) of which every match of `pattern` holds one each, or ()."""
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    _, factors = _sequence(sre_parse.parse(pattern.pattern))
    picked = sorted((p for c in factors if c and (p := _pick(c)) is not None), key=_score)
    needs: list[frozenset[str]] = []
    for words in picked:
        keys = frozenset(_key(w) for w in words)
        if keys not in needs and len(needs) < 3:
            needs.append(keys)
    return tuple(needs)


class _Filter:
    """Which of some patterns could match a sentence, from its words alone: the patterns whose
    first set of keys the sentence holds (looked up word by word), then every other set checked."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.needs = [_anchor(p) for p in patterns]
        self.always = [i for i, needs in enumerate(self.needs) if not needs]
        _START_KEYS.update(k for needs in self.needs for need in needs for k in need if k.endswith("*"))
        self.index: dict[str, list[int]] = {}
        for i, needs in enumerate(self.needs):
            for key in needs[0] if needs else ():
                self.index.setdefault(key, []).append(i)

    def candidates(self, keys: set[str]) -> list[int]:
        found = set(self.always)
        for key in keys:
            found.update(self.index.get(key, ()))
        return sorted(i for i in found if all(not need.isdisjoint(keys) for need in self.needs[i][1:]))


def _first_words(pattern: re.Pattern[str]) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """Every word a match of `pattern` can begin with (whole words, and word starts for "harm\\w*"),
    when they can all be read off it, else None. Only positions where one of these begins need
    to be tried."""
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    found = _firsts(list(sre_parse.parse(pattern.pattern)))
    if found is None:
        return None
    return frozenset(w for w in found if not w.endswith("*")), tuple(w[:-1] for w in found if w.endswith("*"))


def _firsts(items: list[tuple[Any, Any]], edge: bool = False) -> set[str] | None:
    from re import _constants as sre  # type: ignore[attr-defined]

    while items and items[0] == (sre.AT, sre.AT_BOUNDARY):
        edge, items = True, items[1:]
    if items and items[0][0] is sre.SUBPATTERN:
        return _firsts(list(items[0][1][-1]) + items[1:], edge)
    if items and items[0][0] is sre.BRANCH:
        found: set[str] = set()
        for branch in items[0][1][1]:
            inner = _firsts(list(branch), edge) if branch else None
            if inner is None:
                return None
            found |= inner
        return found
    if not items or not edge:
        return None
    run: set[str] = {_EDGE}
    for op, value in items:
        exact, _ = _node(op, value, all(r.endswith(_EDGE) for r in run))
        joined = _cross(run, exact)
        if joined is None:
            break
        run = joined
    words = set()
    for string in run:
        parts = string.split(_EDGE)
        inner = [i for i, p in enumerate(parts) if p]
        if not inner or not re.match(r"\w", parts[inner[0]]):
            return None
        first = inner[0]
        # a whole word has an edge after it; one the run stops inside is a word start
        words.add(parts[first] if first < len(parts) - 1 else parts[first] + "*")
    return words


_START_KEYS: set[str] = set()   # every word start any filter looks up (_IDIOM_FILTER adds its own)
_RULE_FILTER = _Filter(rule.pattern for rule in RULES)
_FIRST_WORDS = tuple(_first_words(rule.pattern) for rule in RULES)
_FIRST_STARTS = tuple(frozenset(_key(p + "*") for p in first[1]) if first else frozenset()
                      for first in _FIRST_WORDS)
_START_KEYS.update(k for keys in _FIRST_STARTS for k in keys)


def _positions(sentence: _Sentence) -> dict[str, list[int]]:
    """Where each word of a sentence begins, and (under "harm*") which words begin so."""
    found: dict[str, list[int]] = {}
    for word, offset in zip(sentence.text.split(" "), sentence.offsets, strict=False):
        found.setdefault(word, []).append(offset)
    for word in list(found):
        for key in _starts_of(word):
            found.setdefault(key, []).append(word)  # type: ignore[arg-type]
    return found


def _matches(index: int, sentence: _Sentence, positions: dict[str, list[int]]) -> Iterable[re.Match[str]]:
    """The matches of RULES[index] in a sentence, as finditer finds them, trying only where a word
    a match can begin with begins."""
    pattern, first = RULES[index].pattern, _FIRST_WORDS[index]
    if first is None:
        yield from pattern.finditer(sentence.text)
        return
    words, starts = first
    hits = positions.keys() & words
    if starts:
        for key in _FIRST_STARTS[index].intersection(positions):
            hits.update(w for w in positions[key] if w.startswith(starts))  # type: ignore[union-attr]
    if not hits:
        return
    text, done = sentence.text, 0
    for offset in sorted(o for w in hits for o in positions[w]):
        if offset < done:
            continue
        match = pattern.match(text, offset)
        if match is not None:
            yield match
            done = max(match.end(), offset + 1)
_WORD = re.compile(r"\w+")


_STARTS: dict[str, tuple[str, ...]] = {}


def _keys(text: str) -> set[str]:
    """What the pre-filter looks up: the words between spaces, the \\w+ runs, and the word starts
    ("harm*") that some pattern needs (remembered for each word: words repeat)."""
    tokens = set(text.split(" "))
    for token in [t for t in tokens if not t.isalnum()]:
        tokens.update(_WORD.findall(token))
    keys = set(tokens)
    for token in tokens:
        keys.update(_starts_of(token))
    return keys


def _starts_of(token: str) -> tuple[str, ...]:
    """The word-start keys ("harm*") of a word that some pattern looks up (remembered)."""
    starts = _STARTS.get(token)
    if starts is None:
        starts = tuple(k for n in range(1, min(len(token), _START) + 1)
                       if (k := token[:n] + "*") in _START_KEYS)
        if len(_STARTS) < 50_000:
            _STARTS[token] = starts
    return starts


# --- 3. Context modifiers -----------------------------------------------------------------

_NEGATOR = _compile(r"\b(?:not|never|no|nor|none|nothing|nobody|zero|neither|without|nowhere near|far from|"
                      r"deny|denied|denies|denying|refuse|refused|free of|free from|rule out|ruled out)\b")
# Negations that are not denials: "not sure", "can't stop thinking", "not going to lie".
_PSEUDO = _compile(r"\b(?:not|never|no) (?:sure|know|knowing|idea|even know|stop|stopping|help|"
                     r"helping|going to lie|lie|kidding|joking|even joking|exaggerating|gonna lie|"
                     r"doubt|only|just|that i|because|really know|understand|get why|one|matter|"
                     r"longer|more|point|reason|way|hope|future|other|choice|option|end|escape|"
                     r"purpose|one to|one would|one will|one cares|one notices|one knows|"
                     r"okay|ok|fine|well|good|safe|strong|brave|enough|able to stop|want to keep|"
                     r"think i can|think i could|see|see any|stand|cope|handle|take|bear|face|"
                     r"wait|waiting|shake|shaking|get rid|get out|"
                     r"block|blocking|turn off|switch off|push|pushing|ignore|ignoring|fight|fighting|"
                     r"resist|resisting|afraid|scared|sure why|sure how|sure if|sure whether|"
                     r"thought i would|thought i would ever|thought i could|thought i might|"
                     r"expected|imagine|imagined|believe|usually|often|normally|always|as if|"
                     r"like|again|anymore|any more|telling|told|one knows|body knows|one else)\b"
                     r"|\bnothing (?:but|else|left|helps|works|matters|stops|to live|worth)\b"
                     r"|\b(?:can|could) not (?:stop|help|shake|get|block|turn|switch|push|ignore|fight|"
                     r"resist|take|bear|cope|stand|face|see|think of anything|keep|wait)\b")
_SCOPE_END = {",", "but", "though", "although", "however", "yet", "and", "so", "because", "except",
              "still", "then", "until", "while", "whereas", "instead", "even", "if", "which", "who",
              "that", "just", "only", "rather", "anyway", "honestly"}
_HYPOTHETICAL = _compile(
    r"\b(?:if|when|whenever|in case|should|suppose|supposing|what if|even if)\b (?:i|you|someone|anyone|"
    r"somebody|a friend|a person|people|they|one|a client|a caller|a student|a patient|a child|"
    r"your|my (?:friend|student|client|child|kid|patient))\b " + _short_gap(3) +
    r"(?:ever|ever feel|ever felt|ever start|ever get|ever have|ever had|ever think|ever thought|"
    r"feel|felt|start|started|begin|began|were|are|say|said|tell|told|mention|mentioned|hear|heard|"
    r"notice|noticed|think|thought|get|got|have|had|find|found|disclose|disclosed|express|expressed|"
    r"talk|talked|is|was|seem|seemed|sound|sounded|write|wrote|show|showed)\b"
    r"|\b(?:would you|what would you|what do you|how do you|how would you|how to|how can you|"
    r"how should|have you ever|do you ever|did you ever|are you|were you|signs that|signs of|"
    r"warning signs|ask (?:someone|them|people|a friend|directly|if they|whether they)|"
    r"asking (?:someone|them|people|a friend|directly|if they|whether they)|"
    r"how to (?:help|support|spot|talk|respond|ask))\b"
    r"|\bif (?:a|an|the|any|one of) (?:\w+ )?(?:listener|caller|student|client|patient|friend|person|child|"
    r"kid|teen|teenager|colleague|member|user|customer|pupil|someone)\b"
    r"|\b(?:imagine|picture) if (?:we|you|everyone|people|they)\b|\bhypothetically\b"
    r"|\b(?:if|when) (?:i|you) (?:have|had|got) to (?:hear|listen|watch|sit|see|do|go|read|eat|deal|"
    r"sing|work|wait|attend|explain|answer|reply|look)\b"
    r"|\b(?:ask|asked|asks|asking|wanted to know|want to know|wants to know|check|checked|checks|"
    r"checking|screen|screened|question|questioned)\b (?:me )?(?:if|whether|about) (?:i|any|ever)\b")
_OTHER_PERSON = _compile(
    r"\b(?:he|she|they|him|her|them|his|their|hers|theirs|themself|someone|anyone|somebody|"
    r"a friend|my friend|a person|people|person|man|woman|guy|girl|boy|lad|bloke|teen|teenager|"
    r"student|client|patient|caller|colleague|coworker|co-worker|flatmate|roommate|housemate|"
    r"neighbour|neighbor|child|son|daughter|mother|father|parent|sister|brother|sibling|cousin|"
    r"uncle|aunt|aunty|auntie|nephew|niece|grandma|grandad|grandpa|grandmother|grandfather|nan|"
    r"husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|ex|friend|bestie|mate|pupil|"
    r"kid|baby|dog|cat|character|protagonist|hero|heroine|narrator|singer|actor|actress|author|"
    r"celebrity|rapper|star|soldier|victim|survivor|celebrities|youth|teens|adolescents|men|"
    r"women|veterans|users|members|individuals|residents|workers|doctors|nurses|farmers|"
    r"[a-z]+'s|sam|alex|jo|chris|tom|emma|jess|mia|ben|dan|kate|lucy|mike|sarah|jack|amy|"
    r"liam|olivia|noah|ava|ella|josh|ryan|katie|hannah|jamie|charlie|max|sophie|zoe|leo|"
    r"grace|maya|priya|raj|ali|omar|fatima|aisha|carlos|maria|jose|ana|li|wei|yuki)\b")
_SELF_PERSON = _compile(r"\b(?:i|me|my|myself|mine|we|us|our)\b")
_PAST_MARKER = _compile(
    r"\b(?:\d+|a few|few|several|many|some|two|three|four|five|six|seven|eight|nine|ten|"
    r"twenty|a couple of|couple of|a|one) (?:year|years|decade|decades|month|months) ago\b"
    r"|(?<!like )\bwhen i was (?:\d+|a teenager|a teen|young|younger|little|a kid|a child|in (?:school|"
    r"high school|college|uni|university|year \d+|my teens|my twenties|my 20s|hospital)|at "
    r"(?:school|uni|university|college)|sixteen|fifteen|fourteen|seventeen|eighteen|nineteen|"
    r"thirteen|twelve|twenty)\b|\bused to\b|\bback (?:then|in (?:the day|school|college|uni|"
    r"\d{4}|my teens|high school))\b|\bin (?:19|20)\d\d\b|\bas a (?:teen|teenager|kid|child|"
    r"student|young)\b|\bin (?:my teens|my twenties|my 20s|high school|secondary school|"
    r"sixth form|college|uni|university|year \d+)\b|\bat (?:school|uni|university|college|"
    r"sixteen|1[3-9]|[2-9]\d)\b(?! ?(?:am|pm|o clock|oclock|:|\.))|\bold (?:scar|scars|mark|marks|wounds|"
    r"wound|habit|habits)\b|\b(?:years|"
    r"decade|decades|a long time|ages|long time) (?:since|clean|free|out)\b|\b(?:survived|"
    r"survivor of) (?:an |my |a )?(?:attempt|overdose)\b|\bafter my (?:attempt|overdose|"
    r"last attempt)\b|\bmy (?:attempt|overdose|suicide attempt|first attempt|last attempt)\b"
    r"|\bthat (?:time|year|summer|winter|night) (?:i|when)\b|\b(?:teenage|younger|old) (?:me|self)\b"
    r"|\bonce (?:tried|attempted|overdosed)\b|\bin the past\b|\bhistory of\b|\bbefore i got "
    r"(?:help|better|sober|clean|treatment|diagnosed)\b|\bthe (?:worst|dark|darkest|bad) "
    r"(?:years|days|time|period|patch|phase|winter)\b|\blast (?:year|decade|time i was in hospital)\b")
# More signs of the past: a history, an old scar, an anniversary, years clean.
_PAST_ONLY = _compile(
    r"\b(?:history of|my (?:old |first |last |suicide |only )?(?:attempt|overdose)|the (?:old )?overdose|"
    r"anniversary of|long time ago|long behind me|(?:\d+|two|three|four|five|ten|many) (?:year|month)s? "
    r"(?:clean|free|since|on)|clean from|at my lowest|back then|back in (?:\d{4}|the day|school|uni|college|"
    r"my|high school|year)|that was|sixth form|"
    r"for most of my|old (?:scar|scars|mark|marks|habit|me|self|razor|blade)|scars (?:are|were|have) "
    r"(?:long |all )?(?:healed|silver|silvery|faded|white|old)|first year of (?:uni|university|college)|"
    r"in (?:year|class|grade) \d+|year \d+ (?:was|when)|there was a time|the year i)\b")
# What says it is here now, after a past: the words as read, and the tenses as written.
_PRESENT_RISK = _compile(
    r"\b(?:again|lately|recently|right now|currently|this week|tonight|at the moment|urge|urges|"
    r"craving|tempt|tempted|relapse|slip|reset|creep back|come back|start again|plan to|"
    r"close to|scared i|afraid i)\b")
_PRESENT_RAW = re.compile(
    r"\b(?:(?:i )?(?:want|wants|wanna|need) to (?:die|end|kill|hurt|cut|disappear)|wish i (?:was|were|could|"
    r"had never|wasn't|wasnt)|i'?m (?:going|planning|thinking|tempted)|im (?:going|planning|thinking|"
    r"tempted)|i am (?:going|planning|thinking|tempted)|i keep|keep thinking|can'?t stop|i still (?:want|"
    r"wish|think about (?:doing|dying|ending|killing)|have (?:the )?(?:urge|thoughts)))")
_PRESENT_MARKER = _compile(
    r"\b(?:again|now|today|tonight|lately|recently|these days|this week|this morning|this evening|"
    r"right now|currently|still|any more|back|returning|returned|creeping back|coming back|"
    r"this year|at the moment|atm|keep|keeps|nowadays|yesterday|last night|the other day|"
    r"this month|since then|want|wish|am|is|are|feel|feeling|think|thinking|need|urge|craving|"
    r"tempt|tempted|close to|scared|afraid|worry|worried|relapse|relapsed|slipped|reset)\b")
# News, fiction, study and prevention work: a statement with no "I" in it, in a sentence about one
# of these, is about them. Only words that name such a source or setting: everyday verbs of
# reading, watching or asking ("read about", "who", "mentioned", "googled") are no sign, and a
# person researching ways to die writes them too.
_REPORTED = _compile(
    r"\b(?:news|article|articles|headline|headlines|reporter|journalist|journalism|newspaper|"
    r"documentary|documentaries|docu|film|films|movie|movies|cinema|series|episode|episodes|"
    r"tv|netflix|bbc|novel|novels|book|books|storyline|chapter|character|"
    r"characters|protagonist|author|poem|poems|poet|poetry|lyric|lyrics|album|"
    r"rapper|podcast|podcasts|video game|playwright|musical|opera|actor|"
    r"actress|celebrity|historian|historical|century|"
    r"fiction|memoir|biography|museum|exhibition|obituary|coroner|inquest|memorial|"
    r"tribute|vigil|shakespeare|hamlet|ophelia|juliet|romeo|tragedy|plot|spoiler|"
    r"spoilers|anime|manga|comic|comics|sitcom|(?<!no )drama|thriller|horror|true crime|"
    r"murder mystery|detective|statistic|statistics|stats|suicide rate|suicide rates|"
    r"survey|reported|study|studies|research paper|researcher|researchers|"
    r"journal article|thesis|dissertation|essay|lecture|lecturer|module|seminar|webinar|"
    r"training|trainer|workshop|conference|assembly|leaflet|leaflets|poster|posters|"
    r"campaign|charity(?! shop)|charities|fundraiser|fundraising|fundraise|sponsored|awareness|prevention|"
    r"preventing|prevent|volunteer|volunteers|volunteering|volunteered|helpline|hotline|"
    r"crisis line|lifeline|samaritans|callers|caller|"
    r"patients|clients|psychiatry|psychology|"
    r"counselling course|counseling course|policy|policies|guideline|guidelines|"
    r"safetalk|asist|qpr|first aid|risk assessment|screening|questionnaire|phq|suicidology|"
    r"exam|textbook|lesson|teach|teaching|teacher|teachers|students|pupils|assignment|"
    r"presentation|quiz|debate|panel|wiki|wikipedia|awareness week|awareness month|"
    r"government|minister|law|laws|legal|assisted dying|euthanasia|dignitas|"
    r"firefighter|paramedic|paramedics|suicide squad|meme|memes|pharmacology|toxicology|"
    r"nursing|medical school|med school|placement|coursework|question|class|game|npc|ted talk|"
    r"talk by|long read|prison|prisons|client|clinical|supervision|ward round|register|paper on|"
    r"peer review|linked to|link between|associated with|scenario|student|side quest|"
    r"radio|song|songs|zine|story about|stories about|report on|support group|bereaved|safe storage|"
    r"template|reducing suicide|suicide risk|role play|role plays|cpd|ethics|rotary)\b")
_IDIOMS = _compile(
    r"\b(?:can not|cannot) go on (?:holiday|holidays|vacation|a trip|the trip|a date|tour|leave|strike|"
    r"the ride|that ride|the course|a course|camp|the school trip)\b|\bshoot me now\b|\b(?:kill|killing|"
    r"killed) (?:themselves|ourselves|myself|himself|herself) "
    r"(?:laughing|laugh)\b|\b(?:ready|going|about|enough|gonna|could|want) to pull (?:my|me) hair out\b"
    r"(?! (?:in chunks|again|till|until))"
    r"|\b(?:career|fashion|social|political|professional|commercial|electoral|financial|brand|business"
    r"|reputational|academic|dating) suicide\b|\bsuicide (?:sprint|door|squad|run|drill|lane|knot|"
    r"pass|king|bid|mission|blonde|note(?= by)|forest|hill|grip|seat|squeeze|burn|doors)\w*\b"
    r"|\b(?:die|dying|died) (?:of|from) (?:embarrassment|shame|laughter|laugh|laughing|boredom|"
    r"cringe|happiness|curiosity|envy|jealousy|excitement|cuteness|thirst|hunger|heat|old age|"
    r"natural causes|the heat|the cold|suspense|anticipation|fomo)\b|\bdie laughing\b"
    r"|\b(?:nearly|almost|practically|literally) (?:die|dead|kill|killed)\b(?! (?:myself|on purpose))"
    r"|\b(?:kill|killed|killing) (?:myself|me) (?:laughing|with laughter)\b|\bdying (?:to|for)\b"
    r"|\bdie to\b(?! (?:myself|the world|this world|everything))|\bto die for\b|\bdie hard\b"
    r"|\bdo or die\b|\bnever say die\b|\bthe die is cast\b|\bdead (?:tired|on my feet|end|battery|line|"
    r"serious|set|right|easy|good|quiet|heat|centre|center|ringer|cert|last|boring|cute|funny|"
    r"lucky|sure|inside (?:lol|haha))\b|\b(?:phone|battery|laptop|plant|plants|tv|charger|"
    r"headphones|computer|car|torch|remote|fridge|printer|wifi|router|engine|conversation|"
    r"party|bulb|lightbulb|fish|goldfish|basil|cactus|hamster|character|avatar|sims|sim)\b" +
    _gap(3) + r"(?:die|dead)\b|\b(?:kill|killing|killed) (?:time|it|the lights|the light|the engine|"
    r"the vibe|the mood|the music|two birds|a pizza|the process|the app|the game|the boss|the "
    r"dragon|the bug|bugs|weeds|the weeds|the spider|a spider|the plant|the conversation|my "
    r"battery|my phone|my buzz|the joke|zombies|enemies|the competition)\b|\b(?:is|are|was|were|"
    r"be|it|this|that|these|those|commute|heat|traffic|job|boss|back|feet|knees|kids|hangover|"
    r"wait|suspense|shoes|neck|head|cold|humidity|hay fever|noise) (?:is |are |was |were )?"
    r"(?:kill|killing) me\b(?! (?:slowly and|inside and))|\bkiller\b|\bdrown\w* in (?:work|emails|"
    r"paperwork|laundry|homework|deadlines|admin|marking|assignments|tasks|meetings|notifications|"
    r"bills|debt|washing|dishes|love|compliments|gifts|snow|rain|sweat|choices|options)\b"
    r"|\bdrown\w* (?:my|our) sorrows\b|\bshoot (?:me|you|him|her|them|us) (?:a|an) (?:text|message|"
    r"email|dm|line|note|call)\b|\bshoot (?:hoops|a video|photos|pictures|the breeze|some hoops|"
    r"for the stars|for the moon|my shot)\b|\bphoto ?shoot\b|\bhang (?:out|on|in there|up|tight|"
    r"loose|around|about|the washing|the laundry|the pictures|a picture|a painting|the lights|"
    r"the decorations|the curtains|the coats|my coat)\b|\bhung (?:up|out|over)\b|\bhangover\b"
    r"|\bget the hang of\b|\bcut (?:myself |me )?(?:a|some|another) (?:slice|piece|bit|slack|break|"
    r"deal|wedge|chunk|portion|sliver|hunk|square|lock)\b|\bcut (?:myself|me) (?:off|out|some slack|"
    r"free|short|loose|in)\b|\bcut (?:back|down|corners|ties|my losses|our losses|it out|the cake|"
    r"class|classes|school|the grass|the lawn|my hair|my fringe|my nails|in line|to the chase|"
    r"costs|sugar|carbs|caffeine|calories|the crap|the cord|the music|the engine|the power)\b"
    r"|\bburn (?:out|the toast|dinner|calories|bridges|the candle|the midnight oil|some calories|"
    r"rubber|a cd|a disc)\b|\bburnt out\b|\bburned out\b|\bburnout\b|\bsunburn\w*\b|\bheartburn\b"
    r"|\bbeat (?:myself|me) up\b|\bkick (?:myself|me)\b|\bpinch (?:myself|me)\b|\bpush (?:myself|me)\b"
    r"|\bjump (?:at|for) (?:the chance|joy|the opportunity)\b|\bjump (?:in|into) (?:the )?(?:pool|"
    r"shower|car|taxi|queue|conversation|deep end|fray|bath)\b|\bjump on (?:a|the) (?:call|train|"
    r"bus|trampoline|bandwagon)\b|\boverdose\w* on (?:chocolate|sugar|netflix|caffeine|coffee|tv|cake|"
    r"candy|sweets|easter eggs|cheese|memes|tiktok|youtube|christmas|carbs|pizza|crisps|cookies|"
    r"biscuits|sun|sunshine|vitamin|vitamins|cuteness|nostalgia|love|drama)\b"
    r"|\bend (?:it|things) with (?:him|her|them|my \w+|[a-z]+)\b|\b(?:end|ending) (?:the|my|our|this) "
    r"(?:call|meeting|relationship|lease|contract|subscription|chapter|shift|day|week|year|"
    r"session|conversation|streak|friendship|marriage|engagement|tenancy|trial|project|argument|"
    r"fight|season|term|semester|course|game|match|tour|run)\b|\bend (?:up|of)\b(?! the (?:road|line)\b)"
    r"|\b(?:could|would|will|gonna|going to) (?:murder|kill) (?:a|for a|for some|some|an)\b"
    r"|\bkill for\b|\bi am dead (?:lol|lmao|haha|💀|😂)|\b(?:lol|lmao|lmfao|haha|hahaha)\b (?:i am )?dead\b"
    r"|\bdeath (?:metal|stare|trap|wish list|star|valley|by chocolate|row|toll|certificate|"
    r"grip|march|knell|rattle|scene|spiral|scroll|scrolling)\b|\bdeadline\w*\b"
    r"|\bsleep forever (?:on|at|in|until|till|til)\b|\bcould (?:just )?sleep forever\b"
    r"|\bwant(?:ed)? (?:the |this |that )?(?:ground|floor|earth) to (?:swallow|open up)\b"
    r"|\bover my dead body\b|\bdead to (?:me|the world)\b"
    r"|\b(?:will|going to|gonna|would|is going to|is gonna) (?:actually |literally )?kill me (?:if|when|for|"
    r"because)\b|\b(?:love|adore|bore|scare|worry|tickle)\w* (?:\w+ ){0,2}to death\b"
    r"|\bwish (?:\w+ ){1,3}(?:had not|did not|never|would not|could have not) (?:die|gone|pass|left)\b"
    r"|\bwish (?:he|she|they|my \w+|mother|father) (?:was|were|is) still (?:alive|here|around)\b|"
    r"\bdrop dead gorgeous\b|\bscared to death\b|\bbored to death\b"
    r"|\b(?:worried|bored|scared|frightened|freezing|starving|tickled|loved|stressed) to death\b"
    r"|\b(?:starving|starved) (?:lol|haha|hungry)\b|\bi am starving\b|\bstarving (?:after|since|by)\b"
    r"|\bpull\w* the trigger on\b|\bfinish\w* me off\b|\boverdose (?:risk|warning|alarm)\b"
    r"|\b(?:carbon monoxide|co) (?:alarm|detector|monitor|poisoning from)\b|"
    r"\b(?:that|this|the|work|exam|test|shift|day|week|run|workout|class|meeting|commute|heat|hike|boss|"
    r"job|homework|essay|gym|hangover|walk|drive|flight|trip|game|match|session|lesson|lecture|"
    r"interview|party|wedding|spin class|leg day|deadline) (?:(?!pill |rope |gun |bullet |blade |"
    r"overdose |dose |fall |drop |train |jump |you |i |they |someone )\w+ ){0,4}kill me\b(?! off| now)|"
    r"\blethal dose of (?:caffeine|coffee|water|"
    r"chocolate|sugar|cuteness|nutmeg|carrots|bananas)\b|\bhurt (?:myself|me) (?:laughing|at the gym|"
    r"lifting|running|playing|skiing|dancing)\b")
_ACCIDENT = _compile(
    r"\b(?:shave|shaving|shaved|accident|accidentally|accidental|by accident|by mistake|cooking|cook|"
    r"cooked|stove|oven|hob|pan|kettle|iron|ironing|chopping|chop|slicing|peeling|grating|grater|"
    r"mandoline|garden|gardening|pruning|gym|football|rugby|netball|hockey|basketball|training|"
    r"playing|fell|fall|tripped|trip|slipped on|stumbled|paper cut|papercut|can opener|tin|broken glass|"
    r"glass broke|dropped|diy|drill|hammer|nail gun|workshop|baking|bake|tray|toast|toaster|"
    r"curling|straighteners|hair straighteners|hot glue|glue gun|soldering|bbq|barbecue|barbeque|"
    r"campfire|bonfire|fireworks|sparkler|stung|sting|bee|wasp|nettle|nettles|bramble|brambles|"
    r"thorn|thorns|rose bush|cat scratched|dog bit|kitten|puppy|surgery|operation|stitches|"
    r"biopsy|blood test|dentist|doctor|nurse|vaccine|injection|jab|tattoo|piercing|"
    r"scissors slipped|knife slipped|blade slipped|clumsy|again lol|opening|unboxing|"
    r"sharpening|whittling|carving pumpkin|pumpkin|wrapping|envelope|cardboard|sunburnt|sunburned|"
    r"reversing|reverse|parking|nearly|almost|lifting|lift|moving|carrying|sofa|furniture|hiking|"
    r"climbing|cycling|yoga|running|minecraft|game|gaming|sims|level|boss|brownies|cake|cookies|dinner|"
    r"lunch|breakfast)\b")
# Said to be on purpose, whatever else in the sentence sounds like an accident.
_DELIBERATE = _compile(r"\b(?:on purpose|deliberately|intentionally|again|urge|feel something|punish|deserve|"
                       r"longer than i (?:need|needed|should)|as long as i could|could bear|see if i|"
                       r"to feel|till it bleed|until it bleed|till it bled|until it bled|raw|"
                       r"(?:press|hold|held|stick|stuck|jab)\w* (?:\w+ ){0,4}(?:to|against|into|on) my)\b")
# A near miss, not a method: "nearly fell off the ladder", "slipped on the stairs".
_MISHAP = _compile(r"\b(?:accident|accidentally|accidental|by accident|by mistake|nearly|almost|tripped|"
                   r"trip|slipped on|slip on|stumbled|clumsy|game|gaming|minecraft|sims|boss|level)\b")
# A question or a test item about crisis words, not a statement of them.
_QUESTIONNAIRE = _compile(r"^(?:do you|have you|are you|did you|were you|in the past|over the last|"
                            r"thoughts that you would be better off dead)\b")


def _experiencer(sentence: _Sentence, start: int, end: int) -> str:
    """Whose words these are: the person writing, or someone they write about."""
    inside = sentence.text[start:end].split()
    if any(w in ("i", "me", "myself") or (w == "my" and not _names_someone(inside, k))
           for k, w in enumerate(inside)):
        return SELF
    if "themself" in inside:
        return OTHER
    before = [w for w in sentence.before(start) if w != ","]
    for distance, word in enumerate(reversed(before)):
        k = len(before) - 1 - distance
        if word in ("me", "us"):
            continue   # an object ("she told me ..."): the subject is further back
        if word == "my":
            return OTHER if _names_someone(before, k) else SELF
        if _SELF_PERSON.fullmatch(word):
            return SELF
        if word in _OTHER_PRONOUNS or (distance < 4 and _OTHER_PERSON.fullmatch(word)):
            # A person named further back ("as a kid", "to my neighbour") is no subject of these
            # words; he, she, they and someone are.
            return OTHER
    return SELF


def _names_someone(words: list[str], k: int) -> bool:
    """ "my" at words[k] begins the name of someone else: "my friend", "my best friend"."""
    return any(_OTHER_PERSON.fullmatch(w) for w in words[k + 1:k + 3])


def _denied(sentence: _Sentence, start: int) -> bool:
    """A denial in the same stretch of words just before the match ("I'm not suicidal")."""
    words = sentence.before(start)
    window: list[str] = []
    for word in reversed(words[-6:]):
        if word in _SCOPE_END:
            break
        window.insert(0, word)
    text = " ".join(window)
    if not _NEGATOR.search(text):
        return False
    cleaned = _PSEUDO.sub(" ", text)
    return bool(_NEGATOR.search(cleaned))


_NEVER_CROSSED = _compile(r" (?:has |have |had |is |was |were )?(?:never|not|n't) (?:once |ever |really )?"
                          r"(?:cross|crossed|occur|occurred|enter|entered|been|come|came)\b")


def _denied_after(sentence: _Sentence, end: int) -> bool:
    """ "Suicidal thoughts: none", "thoughts of self harm? no." """
    after = sentence.after(end)[:4]
    if _NEVER_CROSSED.match(sentence.text, end, end + _WINDOW):
        return True
    if after[:1] == [","]:
        after = after[1:]
    if after[:2] in (["absolutely", "not"], ["definitely", "not"], ["of", "course"], ["no", "way"]):
        return True
    answer = {"none", "nope", "no", "nil", "zero", "never", "nah"}
    # The answer itself, then nothing but more of it: "none", "no, never", "not really", "not once".
    return bool(after) and (after[0] in answer or after[:2] in (["not", "really"], ["not", "once"],
                                                                 ["not", "currently"], ["not", "now"])) and \
        all(w in answer | {",", "not", "really", "once", "currently", "now", "ever", "thankfully",
                           "at", "all", "today"} for w in after[1:4])


def _hypothetical(sentence: _Sentence, start: int) -> bool:
    before = " ".join(sentence.before(start)[-12:])
    return bool(_HYPOTHETICAL.search(before)) or bool(_QUESTIONNAIRE.match(sentence.text))


_CLAUSE_END = re.compile(r" (?:,|but|and|which|because|though|although|so|yet|while|whereas|now) ")


def _past(sentence: _Sentence, start: int, end: int) -> bool:
    """The writer's own past, said in the same clause as the words, with nothing in the sentence
    that says it is back now ("again", "lately", an urge, a wish in the present tense)."""
    text = sentence.text
    first = max(0, start - _WINDOW)
    before = [m.end() for m in _CLAUSE_END.finditer(text, first, start)]
    after = _CLAUSE_END.search(text, end, end + _WINDOW)
    clause = text[before[-1] if before else first:after.start() if after else min(len(text), end + _WINDOW)]
    if not (_PAST_MARKER.search(clause) or _PAST_ONLY.search(clause)):
        return False
    return not sentence.back_now


def _explicit_self(sentence: _Sentence, start: int, end: int) -> bool:
    """The match itself, or the words right before it, say that this is the writer's own."""
    inside = sentence.text[start:end]
    if re.search(r"\b(?:myself|my|me|i)\b", inside):
        return True
    near = sentence.before(start)[-3:]
    return any(w in {"i", "me", "my", "myself", "im"} for w in near)


@dataclass(frozen=True)
class _Found:
    rule: Rule
    span: tuple[int, int]
    context: str


_IF_EVER = _compile(r"\b(?:if|in case|should|when|whenever) (?:i |ever i )?(?:ever|were ever|was ever|"
                   r"am ever|ever do|ever start|ever begin|ever again)\b|\b(?:ask|asked|asks|asking|wanted "
                   r"to know|want to know|check|checked|checking|question|questioned)\w* (?:me )?"
                   r"(?:if|whether|about) (?:i|any|ever)\b|\b(?:ask|asked|asks|asking|wanted to know|"
                   r"want to know|wants to know) (?:me )?(?:if|whether)\b")
_SAID_YES = _compile(r"\b(?:said|say|told|answered|admitted|admit|confessed) (?:\w+ )?(?:yes|yeah|the truth|"
                     r"that i (?:have|had|do|did|am|was))\b|\bi (?:lied|lie)\b")
_OTHER_PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "their", "someone", "somebody",
                   "themself"}


def _judge(rule: Rule, sentence: _Sentence, start: int, end: int, denied_next: bool) -> str | None:
    """The context of one match (SELF, OTHER, PAST), or None when it should not be shown."""
    own_negation = bool(_NEGATOR.search(sentence.text[start:end]))
    if rule.negatable and not own_negation and (
            _denied(sentence, start) or _denied_after(sentence, end) or denied_next):
        return None
    who = _experiencer(sentence, start, end)
    explicit = who == SELF and _explicit_self(sentence, start, end)
    reported = sentence.reported
    hypothetical = _hypothetical(sentence, start)
    before = " ".join(sentence.before(start)[-12:])
    if _IF_EVER.search(before) and not own_negation and not sentence.said_yes:
        return None
    if not explicit and (reported or hypothetical):
        return None
    if who == OTHER:
        return OTHER
    if (rule.kind == SELF_HARM and sentence.accident) or (rule.level == METHOD and sentence.mishap):
        return None
    return PAST if _past(sentence, start, end) else SELF


# --- 4. A learned second reader --------------------------------------------------------------
# Rules name categories; paraphrase still escapes them. A small logistic regression over the
# same canonical words, and over word classes (a means, a height, a time, a wish verb), reads
# each sentence no rule has read (and each run of up to three such neighbouring sentences) as
# well. It was trained by scripts/train_crisis_model.py on the corpus's dev split, the three
# training sets train-w8/9/10.tsv, the hand-written sentences of tests/core/test_safety_corpus.py
# and test_crisis_families.py and everyday Reddit comments from GoEmotions (Apache-2.0, as
# negatives; see NOTICE), its settings chosen by leaving one writer out; never on the frozen test
# split or holdout2.tsv. Its weights are plain numbers in
# thawing/content/crisis_model.json (no runtime dependency). It can only add a Signal; the
# same context modifiers then judge it.

_CLASSES = {
    "DEAD": "die dead death gone unalive suicide suicidal overdose",
    "SELF": "i me my myself mine",
    "OTHER": "he she they him her them his their themself",
    "WANT": "want wish hope pray long crave yearn need rather ready deserve",
    "THINK": "think consider contemplate imagine picture fantasise fantasize dream plan google research",
    "MEANS": "pill rope noose gun bullet blade charcoal helium poison exhaust hose bottle trigger",
    "HEIGHT": "bridge building roof rooftop balcony cliff ledge overpass tower window edge drop height "
              "floor railing quarry",
    "VEHICLE": "train bus truck traffic tram car track platform road wheel",
    "WATER": "river sea ocean lake canal water bath",
    "TIME": "tonight today tomorrow weekend friday saturday sunday monday tuesday wednesday thursday "
            "soon week night",
    "FINAL": "forever permanently last final end over done goodbye finish",
    "NEG": "not never no nothing none",
    "BODY": "arm wrist thigh leg skin stomach hip neck throat vein",
    "HARM": "cut burn scratch hit punch bite carve bleed blood scar mark bruise hurt harm",
    "KIN": "family child parent mother father wife husband partner friend everyone people",
}
_CLASS_OF = {word: name for name, words in _CLASSES.items() for word in words.split()}


def features(words: list[str]) -> set[str]:
    """What the learned reader sees of a stretch of canonical words."""
    marked = [w for w in words if w != ","]
    classes = [_CLASS_OF.get(w) or ("NUM" if w.isdigit() else w) for w in marked]
    found = {"w:" + w for w in marked}
    found.update("c:" + c for c in classes if c in _CLASSES or c == "NUM")
    found.update("b:" + a + " " + b for a, b in zip(marked, marked[1:], strict=False))
    found.update("cb:" + a + " " + b for a, b in zip(classes, classes[1:], strict=False))
    upper = [c in _CLASSES or c == "NUM" for c in classes]
    count = len(classes)
    for i in range(count):
        for j in range(i + 2, min(i + 4, count)):
            if upper[i] or upper[j]:
                found.add("s:" + classes[i] + " " + classes[j])
    return found


_MODEL: dict[str, object] | None = None


def _model() -> dict[str, object]:
    global _MODEL
    if _MODEL is None:
        import json
        from pathlib import Path

        path = Path(__file__).resolve().parent.parent / "content" / "crisis_model.json"
        _MODEL = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return _MODEL


def learned_score(words: list[str]) -> float:
    """The learned reader's log-odds that these words say the writer may be in danger."""
    model = _model()
    if not model:
        return float("-inf")
    weights: dict[str, float] = model["weights"]  # type: ignore[assignment]
    return float(model["bias"]) + sum(weights.get(f, 0.0) for f in features(words))  # type: ignore[arg-type]


def _learned(sentences: list[_Sentence], vetoed: set[int]) -> list[_Found]:
    """Each sentence no rule has read, and each run of up to `window` such neighbouring sentences
    (a farewell or a plan is often said across two: the act, then what it means), scored by the
    learned reader; a stretch at or above the threshold is judged by the same context modifiers,
    one sentence at a time, the highest-scoring first."""
    model = _model()
    if not model:
        return []
    threshold = float(model["threshold"])  # type: ignore[arg-type]
    window = int(model.get("window", 1))  # type: ignore[call-overload]
    words = [s.text.split() for s in sentences]
    alone = [learned_score(w) if i not in vetoed else float("-inf") for i, w in enumerate(words)]
    found = []
    judged: set[int] = set()
    for i in range(len(sentences)):
        for size in range(1, window + 1):
            stretch = range(i, i + size)
            if i + size > len(sentences) or any(j in vetoed for j in stretch):
                break
            if size == 1:
                score = alone[i]
            else:
                score = learned_score([w for j in stretch for w in words[j]])
            if score < threshold:
                continue
            for j in sorted(stretch, key=lambda j: -alone[j]):
                if j in judged:
                    break
                judged.add(j)
                context = _learned_context(sentences, j, words[j])
                if context is not None:
                    found.append(_Found(_LEARNED_RULE, sentences[j].span(0, len(sentences[j].text)), context))
                    break
    return found


def _learned_context(sentences: list[_Sentence], i: int, words: list[str]) -> str | None:
    sentence = sentences[i]
    context = _judge(_LEARNED_RULE, sentence, 0, len(sentence.text), _denied_next(sentences, i))
    if context == SELF and not re.search(r"\b(?:i|me|myself|ill)\b", sentence.text) and any(
            _OTHER_PERSON.fullmatch(w) for w in words):
        context = OTHER
    return context


_LEARNED_RULE = Rule(SUICIDE, "", re.compile(r"$^"), negatable=True, mention=True)


_ANSWER_NO = _compile(r"^(?:honestly |genuinely |truthfully |and |but |, |i |said |say |told (?:her|him|"
                      r"them) |"
                      r"answered )*(?:(?:no|nope|nah|never)(?=$| ,| never| not| thankfully| i (?:do|have|am|"
                      r"did) not)|not really|not at all|none|not once|absolutely not|definitely not|"
                      r"of course not|not even close)")


def _denied_next(sentences: list[_Sentence], index: int) -> bool:
    """A short question answered "no" in the next sentence: "Thoughts of suicide? No." """
    return index + 1 < len(sentences) and len(sentences[index].text.split()) <= 10 and bool(
        _ANSWER_NO.match(sentences[index + 1].text))


def _alternatives(pattern: str) -> list[str]:
    """A pattern cut at its top-level "|" (outside groups and character sets)."""
    parts, depth, start, i, in_set = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_set:
            in_set = c != "]"
        elif c == "[":
            in_set = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


# Each idiom on its own, so that a sentence runs only the idioms whose words it holds.
_IDIOM_PARTS = [re.compile(part) for part in _alternatives(_IDIOMS.pattern)]
_IDIOM_FILTER = _Filter(_IDIOM_PARTS)

# Intent with a date and no keyword, across sentences: a sentence that is only a time ("Tonight.",
# "Sunday night, when everyone is asleep.") next to one of resolve ("Decided.", "It is settled.",
# "No more second guessing.").
_TIME_ONLY = _compile(r"^(?:(?:and|so|then|okay|it is|that is|it will be|maybe|definitely|probably) )?"
                      rf"(?:on |at |by |this |next )?{WHEN}(?: (?:night|morning|evening|afternoon|then|"
                      r"it is|that is when|is when))?(?: , (?:when|after|once|before|while) [^,]*)?$"
                      r"|^(?:\d+|one|two|three|four|five|a few) more (?:sleeps|days|nights)$")
_RESOLVE = _compile(r"\b(?:decided|decision is made|made my decision|it is decided|settled|it is settled|"
                    r"made up my mind|mind is made up|ready now|i am ready|thought it through|"
                    r"made my choice|made the choice|"
                    r"no more second guessing|no more waiting|no going back|not going back|it is time|"
                    r"that is when|is when|my last|the last|goodbye|i will do it|i am doing it|do it then|"
                    r"doing it|go through with it|nothing left|can not do this any more|"
                    r"can not do this|so tired|tired of)\b")
_TIME_RULE = Rule(SUICIDE, INTENT, _TIME_ONLY)
# The same for finality: "I need it to be over. All of it. Forever."
_FOREVER_ONLY = _compile(r"^(?:and |just )?(?:forever|for good|permanently|for ever|all of it|"
                         r"every bit of it|"
                         r"for real this time|for good this time|no coming back|everything)"
                         r"(?: , (?:forever|for good|permanently|for real))?$")
_WANT_OVER = _compile(r"\b(?:want|need|wish|just want)\b (?:\w+ ){0,3}(?:over|stop|end|gone|done|out|"
                      r"quiet)\b")
_FOREVER_RULE = Rule(WARNING, FINALITY, _FOREVER_ONLY)


def _fragments(sentences: list[_Sentence]) -> list[tuple[Rule, int]]:
    """Sentences that are only a time, with resolve nearby, and only "forever" after a wish for
    it to be over: intent and finality said in pieces."""
    found = []
    for i, sentence in enumerate(sentences):
        if len(sentence.text) > 80:
            continue
        near = sentences[max(0, i - 2):i + 3]
        if _TIME_ONLY.match(sentence.text) and any(_RESOLVE.search(other.text) for other in near):
            found.append((_TIME_RULE, i))
        elif _FOREVER_ONLY.match(sentence.text) and any(
                _WANT_OVER.search(other.text) for other in sentences[max(0, i - 2):i]):
            found.append((_FOREVER_RULE, i))
    return found


def _mask(match: re.Match[str]) -> str:
    """An idiom's words as "~~~~", so that no rule reads them and every span stays put."""
    return " ".join("~" * len(w) for w in match.group().split())


def crisis_signals(text: str) -> list[Signal]:
    """Signs of crisis in a person's own words (G5); an empty list means none were seen.

    Each Signal has its `kind` and `level` (the taxonomy above), the `span` of the words in
    `text`, and its `context`: "self", "other" (someone the writer worries about) or "past"
    (the writer's own past). Non-empty exactly when support should be shown.
    """
    if not text or not text.strip():
        return []
    found: list[_Found] = []
    sentences, keys_of = [], []
    for sentence in _sentences(text[:200_000]):
        keys = _keys(sentence.text)   # before idioms are masked: a superset, as the filter needs
        masked = sentence.text
        for i in _IDIOM_FILTER.candidates(keys):
            masked = _IDIOM_PARTS[i].sub(_mask, masked)
        if masked != sentence.text:
            sentence = _Sentence(masked, sentence.spans, sentence.offsets, sentence.raw)
        sentences.append(sentence)
        keys_of.append(keys)
    vetoed: set[int] = set()   # a rule has read this sentence (its context stands): not the learned reader
    for i, sentence in enumerate(sentences):
        denied_next = _denied_next(sentences, i)
        positions = _positions(sentence)
        for r in _RULE_FILTER.candidates(keys_of[i]):
            rule = RULES[r]
            for match in _matches(r, sentence, positions):
                if "~" in match.group() or match.end() == match.start():
                    continue
                context = _judge(rule, sentence, match.start(), match.end(), denied_next)
                vetoed.add(i)
                if context is not None:
                    found.append(_Found(rule, sentence.span(match.start(), match.end()), context))
    for rule, i in _fragments(sentences):
        sentence = sentences[i]
        context = _judge(rule, sentence, 0, len(sentence.text), False)
        if context is not None:
            found.append(_Found(rule, sentence.span(0, len(sentence.text)), context))
    if not any(f.context == SELF for f in found):
        found.extend(_learned(sentences, vetoed))
    return _merge(found)


_ORDER = {SELF: 0, PAST: 1, OTHER: 2}


def _merge(found: list[_Found]) -> list[Signal]:
    """One Signal per stretch of text: the most urgent reading of overlapping matches."""
    found.sort(key=lambda f: (_ORDER[f.context], -_severity(f.rule), f.span[0]))
    taken: list[tuple[int, int]] = []
    signals: list[Signal] = []
    for item in found:
        start, end = item.span
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append(item.span)
        signals.append(Signal(item.rule.kind, item.span, level=item.rule.level, context=item.context))
    return sorted(signals, key=lambda s: s.span or (0, 0))


def _severity(rule: Rule) -> int:
    ladder = (WISH, THOUGHTS, METHOD, INTENT, PLAN)
    return ladder.index(rule.level) + 1 if rule.level in ladder else 0
