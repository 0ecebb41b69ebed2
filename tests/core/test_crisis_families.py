"""Crisis words on sentences written for these tests, one family at a time (issue 12, section 1).

Each family is phrased the many ways different people might put it: fragments without "I",
comparisons, relief, slang and missing apostrophes, other methods and verbs, a time with no
keyword. None of these sentences comes from the evaluation corpus (tests/fixtures/crisis/), and
none from its frozen split. The figures on that corpus are measured, not asserted:
`python -m bench.crisis` and docs/safety.md.
"""

from __future__ import annotations

import pytest

from thawing.core import crisis
from thawing.core.safety import crisis_signals

pytestmark = pytest.mark.practice("G5")

FAMILIES = {
    'wish': [
        "honestly wouldn't mind not waking up tomorrow",
        'Better off dead than living like this for another year.',
        'if i died in my sleep it would be such a relief tbh',
        'pictured my own funeral on the bus today and felt calm, almost happy',
        'some days I just want to stop existing',
        "wish I'd never been born, seriously",
        'Part of me hopes the plane goes down on Friday.',
        'no wish to be alive anymore, none',
        "It'd be easier if I just wasn't here.",
        'kinda hoping this illness takes me ngl',
        'wouldnt even be mad if i got hit by a car tbh',
        'Would rather be dead than go back to that house.',
        'death sounds peaceful right now',
        "i keep hoping i just won't wake up",
        'sometimes i pray god takes me in my sleep',
        'Not being alive would be such a relief.',
        'i dont want to be here anymore',
        "Honestly I'd welcome it if my heart just stopped.",
    ],
    'thoughts': [
        'been having thoughts of ending my own life again',
        'the urge to kill myself was really strong this afternoon',
        "keep thinking about suicide when I'm on my own",
        'cant stop thinking about how to end it all',
        'i think about dying every single day now',
        'Suicidal again. Third night in a row.',
        'ive been thinking about killing myself a lot lately',
        "having suicidal thoughts again and I'm scared",
        'my brain keeps telling me to end it',
        'thinking abt unaliving myself again',
        "The idea of ending my life won't leave me alone.",
        'idk why but kms thoughts are so loud today',
    ],
    'method': [
        'thought about driving my car into the barrier on the motorway',
        'stood on the bridge and thought about how easy it would be to let go',
        'keep imagining swallowing every pill in the cupboard',
        'the train goes past so fast, one step and it would all be over',
        'been thinking the bath and a razor would be the way',
        'counted my tablets tonight. more than enough to not wake up',
        'kept looking at the knife block and thinking about my wrists',
        'thought about jumping off the car park roof on the way home',
        'The pills are right there in the cabinet and I keep thinking about taking them all.',
        'imagined stepping in front of the bus this morning',
        'I keep looking at the beam in the garage',
        'wondering if the bridge by the station is high enough',
    ],
    'intent': [
        "I'm going to do it this weekend while my flatmate is away",
        "this is the last entry, I'm done after tonight",
        "decided. Sunday night, when everyone's asleep.",
        "Tonight's the night I end it.",
        "i won't be here by monday, i've made my mind up",
        'Im finally ready to go through with it',
        'im going to kill myself tonight',
        "Tomorrow I'm ending it. No more.",
        "by friday it will all be over, i've decided",
        "I've set a date. The 3rd.",
        "after the kids go to school on monday, that's it for me",
        'im not going to be here next week',
    ],
    'plan': [
        "bought a rope from the hardware store, it's in the boot of my car",
        'been saving up my sleeping pills for weeks now',
        'I looked up how many paracetamol it takes to kill you',
        "I've written the note and picked the bridge",
        'practised tying the knot again last night',
        'found a spot in the woods where no one would find me',
        'got enough pills saved now. been collecting them for months',
        'looked up the tallest buildings near me',
        'Ordered a noose online last night.',
        'have been researching painless ways to die',
        'I tested whether the belt would hold my weight',
        'bought 3 packs of paracetamol from different shops so they wouldnt ask',
    ],
    'self-harm': [
        'burned my arm with a lighter again last night',
        'relapsed and cut after 3 months clean',
        'I scratch my skin until it bleeds just to feel something',
        'hit myself in the face till it bruised',
        'carved a word into my thigh with a compass',
        'Burnt myself with the straighteners on purpose.',
        'cut again tonight, deeper than usual',
        'Hurt myself again. Used a razor this time.',
        'i punch walls till my knuckles bleed',
        "I've been burning myself with cigarettes",
        'Scratched my arms raw with my nails again last night.',
    ],
    'burden': [
        'everyone would be so much happier without me around',
        "my family would be better off if I wasn't here",
        "I'm just a burden to everyone who knows me",
        'it would be easier for everyone if I died',
        "they'd save so much money and stress if I was gone",
        "they'd all be better off without me dragging them down",
        'i only ever cause my mum pain',
        'I feel like such a burden on my partner',
        "My kids deserve a mum who isn't a weight around their necks. They'd be fine without me.",
        'the world would be a better place without me in it',
    ],
    'farewell': [
        "gave away my guitar and my books today, I won't need them where I'm going",
        "I won't be around much longer so I'm giving my stuff to my sister",
        'wrote goodbye letters to my parents and put them in the drawer',
        "rehomed my cat so she's looked after when I'm gone",
        "said goodbye to my best friend today, she doesn't know it was the last time",
        "Gave my brother my PS5 and all my games. Told him I won't be needing them.",
        'texted everyone I love tonight to tell them I love them, just in case',
        "I've left letters for everyone in my desk drawer.",
        'sorted my funeral songs and told my friend where my will is',
        "Sold my bike and gave the money to mum. I won't be using it anymore.",
    ],
    'finality': [
        'I want it all to stop permanently',
        'I want out for good',
        'just want to disappear and never come back',
        "there's no way out of this except one",
        "can't do this anymore, I'm done with life",
        "I'm so tired of being alive",
        'i just want everything to end for good',
        "there's no point in living anymore",
        'Nothing left to live for.',
        'i cant keep going like this, i want it over permanently',
        'I want to go to sleep and never wake up.',
        "life isn't worth living anymore",
    ],
}

# Everyday speech, idioms, news, prevention work, denials, hypotheticals, medical talk.
QUIET = [
    'This recipe says to cut myself a thick slice of bread first.',
    'we watched a documentary about suicide prevention in schools',
    "I'm not suicidal, just really tired and sad today.",
    'I would never hurt myself, I just needed to vent.',
    'the new phone is killing it, battery lasts forever',
    'Last night I stayed up too late watching films.',
    'Friday is my last day at the bakery, going to miss everyone',
    'my feet are killing me after that hike',
    'I nearly died laughing at the wedding speech',
    'If anyone ever feels suicidal, please call a helpline.',
    'The character in the novel overdoses in chapter nine.',
    'We tied up loose ends at work before the holiday.',
    'I cut my finger chopping onions for dinner.',
    'Bought rope for the tent pegs before the camping trip.',
    'Wrote my will after the baby was born, felt very grown up.',
    'Burnt my hand on the oven tray, ouch.',
    "tonight's the night we finally watch the finale",
    "I'm dying to see that new film",
    'gave my old coat to the charity shop',
    "I'll be glad when this week is over",
    'The exam stressed me out so much, I could scream.',
    "my gran passed away peacefully in her sleep, we're all sad",
    'we walked to the edge of the cliff to look at the view',
    'killed it at the gym today',
    'no plans this weekend, might just sleep',
    'I picked a date for the party: the 14th.',
    'The rope swing by the river is strong enough for adults too.',
    "I'm done with this job for good, handing in my notice tomorrow.",
    'Saying goodbye to my colleagues was harder than I thought.',
    "I'd rather die than sing karaoke in front of my boss lol",
    'that exam killed me, so tired',
    "I'm dead tired after work",
    'my phone died halfway through the call',
    'My therapist asked if I ever have thoughts of suicide. I said no, never have.',
    'Read a really moving article about a suicide prevention charity.',
    'Volunteering at the crisis line this weekend, feeling good about it.',
    'Bought paracetamol for my headache.',
    'I would never kill myself, I love my kids too much.',
    "if I ever felt like hurting myself I'd talk to my sister",
    'in the film the hero jumps off a bridge to escape',
    'i had surgery on my wrist last week and the stitches are itchy',
    'Got a tattoo on my forearm today!',
    'my cat scratched my arm pretty badly',
    'Looking forward to the weekend, going hiking',
    'The bridge near my house is being repaired, traffic is awful.',
    "Tonight I'm going to cook a nice dinner.",
    "I'm done with my exams for good!",
    'she said she wants to die of embarrassment lol',
    'The doctor said my dose of sertraline is going up to 100mg.',
    'Cut back on sugar this week, feel better.',
    'i gave my old bike to my cousin because i never use it',
    'Wrote a letter to my pen pal in Japan.',
    "We're moving out for good next month!",
    "I'm at the end of my rope with this printer.",
    'jumped into the pool on holiday and it was freezing',
    'death metal concert was amazing',
    'ready to stop fighting with my sister about the wedding',
    "Looking at flights for the weekend, can't wait.",
]


# A second round, written after the first was passing, to see the families hold.
MORE_FAMILIES = {
    'farewell': [
        "Told my sister she can have my car. She laughed, she doesn't get it.",
        'cancelled my gym membership, my phone contract and my dentist appointment. tying everything up.',
        "I recorded a video for my kids to watch when they're older.",
        'deleted all my social media and sent one last message to the group chat',
        'Sorted out who gets my records and my plants.',
        "apologised to everyone I've hurt this week. wanted to do it while I still could",
        "I've written everyone a goodbye message, scheduled to send tomorrow morning",
        "put my savings in my sister's account so she's sorted after I'm gone",
        "gave away my dog today. he'll be happier with them than with me after this week.",
    ],
    'intent': [
        "Sunday. That's the day.",
        "i've decided. it happens this weekend.",
        "Once my exams are over I'm going to end things.",
        "by this time next week I won't exist",
        "I'm doing it on my birthday. seems fitting.",
        "not going to see christmas this year, i've made peace with that",
        "This time next week it'll all be over.",
        "Tonight's the last night I'll spend in this world.",
        'not going to be around for my birthday',
        'I mean it this time. Tonight.',
        "I've made my choice. It ends on Friday.",
    ],
    'plan': [
        'Worked out which bridge has no cameras.',
        "been collecting my mum's sleeping pills from the bathroom",
        "i've got it all planned, the when and the how",
        'Bought a hose that fits the exhaust.',
        'checked how high the multistorey is on google maps',
        "I've been stockpiling my antidepressants instead of taking them.",
        'researched how long it takes to bleed out',
        'i put the rope in my backpack this morning',
        "Went to the cliffs to see where I'd do it.",
        "wrote out step by step how I'd do it so I don't mess it up",
    ],
    'self-harm': [
        'bit my arm so hard it left marks, again',
        'I keep cutting where nobody can see',
        'started hurting myself again after two good months',
        'headbutted the wall until I saw stars',
        'used ice and salt on my skin to make it burn',
        'pulled my hair out in chunks again, my scalp is bleeding',
        "slashed my legs last night and now I can't wear shorts",
        'the only thing that calms me down is cutting',
        'been hurting myself in secret for months',
        'I keep burning my hand on the stove on purpose',
        'smashed a glass and used a shard on my arm',
    ],
    'finality': [
        "I can't see any way out except dying.",
        'It has to end, and it will end with me.',
        'want to go to sleep forever',
        "i'm tired of fighting to stay alive",
        'I need it to be over. All of it. Forever.',
        'no future for me, I can see that now',
        'I just want to switch off for good',
        "there's nothing left for me here",
    ],
    'burden': [
        'all I do is make things harder for the people I love',
        "i cost my parents so much, they'd be better off without paying for me",
        "Everyone has to tiptoe around me. They'd breathe easier if I was gone.",
        "nobody would miss me, they'd just be relieved",
        "i'm nothing but a drain on my family's money and time",
        'My husband would finally be free to find someone better if I was out of the picture.',
    ],
    'wish': [
        "honestly if I didn't wake up tomorrow that'd be fine",
        'I hope I get hit by a bus on my way to work',
        'would love to just cease to exist',
        'Dead would be better than this.',
        'Part of me wishes the cancer scare had been real.',
        'id be happy to never wake up again',
        "so jealous of my grandad, he's at peace now and I'm stuck here",
        'Every night I ask God not to let me see morning.',
        'not afraid of dying anymore, more afraid of living',
    ],
    'thoughts': [
        'suicide has been on my mind all week',
        "Can't get the thought of ending it out of my head.",
        'i keep wondering what it would be like to just not exist anymore',
        'my thoughts keep going back to taking my own life',
        'thinking of offing myself tbh',
    ],
    'method': [
        "there's a bottle of vodka and my whole prescription on the table in front of me",
        'I stood on the platform and thought about how quick it would be',
        'keep picturing myself hanging from the loft hatch',
        'It would only take one turn of the wheel on the motorway.',
        'i know exactly which tablets would do it',
    ],
}
MORE_QUIET = [
    'Sunday is the day we pick up the puppy!',
    "I've decided: we're going to Portugal this summer.",
    'Cancelled my gym membership because it was too expensive.',
    'Sorted out who gets which room when we move.',
    "i'm so done with this week, can't wait for the weekend",
    'Wrote thank you cards for my wedding presents.',
    'Bought a new hose for the garden.',
    'I bit my tongue at dinner, ouch.',
    'pulled a muscle at the gym, need to rest',
    'The train timetable changed again, so annoying.',
    "My grandad's funeral is on Friday. I'll miss him.",
    'I used to feel like a burden but therapy helped me see otherwise.',
    "she told me she'd rather die than wear that dress, lol",
    'our team is dead last in the league',
    'the battery in my car died on the motorway',
    'This heat is going to kill me.',
    'i could kill for a pizza right now',
    'Reading about the history of the Golden Gate Bridge.',
    "He said the film's ending, where the hero sacrifices himself, made him cry.",
    'I gave my old phone to my little brother.',
    'the cancer scare turned out to be nothing, thank god',
    "i'd be happy to never go to that restaurant again",
    'My grandad is at peace now, the funeral was lovely.',
    'we drove the motorway to Leeds, the traffic was horrid',
    'i know exactly which tablets to take for my migraine',
    "I mean it this time, I'm going to the gym every day.",
    "made my choice: I'm taking the job in Bristol",
    'been stockpiling tins in case of another lockdown',
    'took my backpack and a rope for the climbing wall this morning',
    'went to the cliffs to see the puffins',
    'cut my legs shaving, so annoying',
    'the only thing that calms me down is running',
    'nobody would miss the old printer, it was terrible',
    'put my savings in an ISA this morning',
    'I need this week to be over.',
    "There's nothing left in the fridge, need to shop.",
    'Switching off for good from work emails at weekends.',
]
for _family, _texts in MORE_FAMILIES.items():
    FAMILIES.setdefault(_family, []).extend(_texts)
QUIET += MORE_QUIET


# Near misses written to catch false alarms: trips, chores, quizzes, old dogs, goodbye cards.
NEAR_MISSES = [
    'Gave my old bike to my nephew, he loves it.',
    'Finished all my letters of recommendation for the students tonight.',
    'sorted out my passwords in a password manager finally',
    "the kids are at their dad's this weekend so I'm doing a big clean",
    "I'll be done for good with night shifts after Friday!",
    "My nan always says she's ready to meet her maker, she's 94.",
    'Bought a new knife set for the kitchen, the old knives were blunt.',
    'watched a documentary about the Golden Gate Bridge suicide barrier being built',
    'the bridge near work is so high, I get vertigo crossing it',
    "She said she'd kill me if I was late again lol",
    'my mum would kill me if she saw my room',
    'I was dying of boredom in that meeting.',
    'Our old dog had to be put down today, heartbroken.',
    "I'm not going to make it to the party on Saturday, too tired.",
    "I won't be around this weekend, going camping with friends.",
    "Can't wait to leave this job for good.",
    "I want this headache to stop, it's been three days.",
    'Nothing left in my bank account until payday, ugh.',
    'Took my meds this morning like always.',
    "I've been counting the days until the holiday.",
    'The film ended with the main character walking into the sea. Beautiful shot.',
    'I have a plan for my essay: intro, three points, conclusion.',
    'We picked the spot for the picnic by the lake.',
    'I looked up how tall the Shard is for a pub quiz.',
    "I'm done. Exams are over, time to celebrate.",
    'Tonight is the night! First date in ages.',
    'Gave away loads of clothes to charity, feels good to declutter.',
    'I wish I could disappear into a good book for a week.',
    'The rope at the climbing gym snapped, scary but everyone was fine.',
    'I keep looking at the clock waiting for the weekend.',
    "My therapist asked if I had any plans to hurt myself. I don't, and I told her so.",
    'hurt my back lifting boxes at work',
    "I'm so tired of this rain.",
    "Wrote a goodbye card for my colleague who's retiring.",
    "There's no point in going to the shops now, they're closed.",
    'I almost stepped in front of a bike, it came out of nowhere!',
    'At the end of the day, I just want everyone to be happy.',
]
QUIET += NEAR_MISSES


@pytest.mark.parametrize(("family", "text"), [(f, t) for f, texts in FAMILIES.items() for t in texts])
def test_each_family_shows_the_crisis_lines_for_the_writer(family, text):
    found = crisis_signals(text)

    assert any(signal.context == "self" for signal in found), (family, found)
    assert all(signal.kind in crisis.LEVELS for signal in found)


@pytest.mark.parametrize("text", QUIET)
def test_words_that_are_not_a_crisis_stay_quiet(text):
    assert crisis_signals(text) == []


@pytest.mark.parametrize(("text", "context"), [
    ("My flatmate told me he has been thinking about killing himself.", "other"),
    ("my best friend keeps saying she wants to die", "other"),
    ("I tried to end my life when I was 19.", "past"),
    ("Ten years ago I self harmed, I'm so proud of how far I've come.", "past"),
    ("i have a history of overdoses but i'm in a good place", "past"),
    ("Years ago I cut my arms every night, and lately the urge is back.", "self"),
    ("I tried to kill myself when I was 16 and I want to die again now.", "self"),
])
def test_someone_else_and_the_past_change_the_card_not_the_lines(text, context):
    assert {signal.context for signal in crisis_signals(text)} == {context}


def test_a_statement_of_ones_own_is_never_silenced_by_a_documentary_or_a_question():
    assert crisis_signals("Watched a film about suicide tonight and now I want to kill myself.")
    assert crisis_signals("My therapist asked if I was safe. I'm not, I'm going to end it tonight.")


def test_a_time_alone_is_intent_only_next_to_resolve():
    assert crisis_signals("It's decided. Saturday night.")
    assert crisis_signals("No more second guessing. Tonight.")
    assert crisis_signals("Saturday night.") == []
    assert crisis_signals("Exams are over. Saturday night. Pizza with the girls.") == []


def test_the_pre_filter_lets_through_every_rule_that_matches():
    """Every rule's needed words, and the words a match can begin with, are read off its own
    pattern; a sentence without them could not match it. Checked here on every sentence of these
    tests and of the dev corpus."""
    from bench.crisis import load

    texts = [t for texts in FAMILIES.values() for t in texts] + QUIET + [r["text"] for r in load("dev")]
    checked = 0
    for text in texts:
        for sentence in crisis._sentences(text):
            allowed = set(crisis._RULE_FILTER.candidates(crisis._keys(sentence.text)))
            positions = crisis._positions(sentence)
            for index, rule in enumerate(crisis.RULES):
                spans = [m.span() for m in rule.pattern.finditer(sentence.text)]
                if spans:
                    assert index in allowed, (index, sentence.text)
                    checked += 1
                # Only the words a match can begin with are tried: the same matches all the same.
                assert [m.span() for m in crisis._matches(index, sentence, positions)] == spans
    assert checked > 500
