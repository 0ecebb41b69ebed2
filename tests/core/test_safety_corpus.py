"""Crisis signals (G5): a hand-written corpus of what must be flagged, what must not, and the grey zone.

The detector is tuned for recall: a missed crisis is worse than a false alarm, so every text in
CRISIS must be flagged. Everyday death-words, idioms, grief, plain numbness and clear negations of
one's own intent must not be. Threats toward other people are out of scope and not flagged.
AMBIGUOUS texts are only run, never judged either way.

Every text here was written for this file. Some use the curly apostrophe (’) that phone keyboards
type, some are lower case with no punctuation, some have the typos of a small screen.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid

import pytest

from thawing.core.safety import Signal, crisis_signals

KINDS = {"suicide", "self-harm", "warning"}
MAX_FALSE_ALARM_SHARE = 0.03

CRISIS = [
    # Direct, first person, present.
    "I want to kill myself",
    "i wanna die",
    "I want to die.",
    "I just want to die",
    "I keep thinking about ending it all",
    "thinking about ending it all",
    "I don't see the point in living anymore",
    "Everyone would be better off without me.",
    "I’m going to kill myself",
    "I'm suicidal",
    "Feeling really suicidal tonight.",
    "I've been having suicidal thoughts for weeks",
    "The suicidal thoughts came back",
    "suicidal thoughts came back",
    "Im thinking of killing myself",
    "I thought about killing myself on the way home from work",
    "I want to end my life",
    "I want to end it",
    "I'm going to end it tonight",
    "I'm ready to die",
    "I want to stop being alive",
    "I want my life to be over",
    "I wish my life would just end",
    "I want to off myself",
    "i want to end myself",
    "sometimes I just want to delete myself from existence",
    # Wanting not to exist, passive wishes.
    "I don't want to be alive anymore",
    "I don't want to live anymore",
    "I don't want to be here anymore",
    "I don't want to exist",
    "I wish I was dead",
    "I wish I were dead",
    "I wish I had never been born",
    "I wish I could just stop existing",
    "I wish I could go to sleep and never wake up",
    "I want to fall asleep and not wake up",
    "I want to go to sleep forever",
    "I hope I don't wake up tomorrow",
    "Every night I pray I won't wake up in the morning",
    "I want to die in my sleep",
    "I don't want to wake up tomorrow",
    "Sometimes I hope a car hits me",
    "I keep hoping I'll get hit by a bus",
    "I want to disappear forever",
    "I just want to not be here",
    "I don't care if I live or die",
    "I'd rather be dead",
    "I'd be better off dead",
    "better off dead tbh",
    "Death would be a relief",
    "Dying would be easier than this",
    "I keep imagining my own death and I want it",
    "I think about death all the time and it feels like the answer",
    # Burden, being missed.
    "Nobody would miss me if I was gone",
    "Everyone would be happier if I died",
    "My family would be better off without me",
    "I'm such a burden, they'd be better off if I was gone",
    "No one would even notice if I died",
    "Nobody would care if I killed myself",
    "They’d all be better off without me",
    # Hopelessness about living.
    "What's the point of being alive",
    "I can't go on like this",
    "I'm done with life",
    "Life isn't worth living",
    "Life is not worth living any more",
    "I have nothing left to live for",
    "I have no reason to live",
    "There's no point in living",
    "there is no reason for me to keep living",
    "I can't keep living like this",
    "I can't do life anymore",
    "I'm tired of being alive",
    "I'm so tired of living",
    "I'm sick of being alive",
    "Nothing will ever get better and I don't want to be around to see it",
    "There is no way out except dying",
    "The only way out is to die",
    "I want it all to stop forever",
    "I don't want to die exactly, I just want to stop existing",
    # Plans, means, preparations.
    "I've been planning how to end my life",
    "I have a plan to end it",
    "I have everything I need to end it",
    "Tonight I'm going to end my life",
    "Tonight is the night I end it",
    "I'm counting down the days until I end it",
    "I looked up how many pills it would take",
    "how many paracetamol would it take to die",
    "what's the most painless way to die",
    "I've been researching ways to kill myself",
    "I've been saving up my pills for when I'm ready",
    "I've been stockpiling my meds so I can take them all at once",
    "I bought a rope today and I know what it's for",
    "I have the pills ready",
    "I know exactly how I would kill myself",
    "I've picked a date to die",
    "I've decided how and when I'm going to die",
    "I've been giving my things away so nobody has to sort them after I'm gone",
    "I wrote letters to everyone for after I'm gone",
    "I wrote a goodbye note",
    "I wrote a suicide note",
    "This is my last entry. I won't be alive tomorrow. Goodbye.",
    "I won’t be alive next week, I’ve decided",
    "I keep thinking about jumping off the bridge",
    "I want to jump off the roof",
    "I want to throw myself off the multi-storey car park",
    "Thinking about throwing myself in front of a train",
    "I thought about stepping in front of the train this morning",
    "I stood on the platform edge and thought about jumping",
    "I stood on the ledge for an hour and thought about letting go",
    "I keep thinking about driving into a tree on purpose",
    "I almost drove off the road on purpose",
    "I want to drown myself",
    "I thought about hanging myself",
    "I looked at the knife and thought about using it on myself",
    "I want to overdose",
    "thinking about ODing again",
    "I want to blow my brains out",
    "I keep thinking about putting a gun to my head",
    "I've been thinking about slitting my wrists",
    # Past attempts and acts.
    "I took too many pills on purpose",
    "I tried to kill myself last year",
    "I attempted suicide when I was 19",
    "I tried to hang myself",
    "I overdosed on purpose last month",
    "I took an overdose last night",
    "I tried to end my life in March",
    "I survived a suicide attempt",
    "I tried to kill myself twice",
    "I was in hospital after my overdose and now I'm home and nothing's changed",
    "I took a load of paracetamol on purpose",
    "I took a bunch of Tylenol on purpose",
    "I slit my wrists when I was sixteen",
    # Self-harm.
    "I've been cutting again",
    "I’ve been cutting again",
    "I hurt myself last night",
    "I cut myself last night",
    "I cut myself again",
    "I cut my arms again",
    "I've been cutting my thighs so no one sees",
    "I burned myself with a lighter on purpose",
    "I keep hurting myself",
    "I've been hurting myself again",
    "I punched the wall until my knuckles bled because I wanted it to hurt",
    "I hit myself when I get like this",
    "I scratch my skin until it bleeds on purpose",
    "I want to cut",
    "the urge to cut is so strong today",
    "I relapsed and cut again",
    "I've been self-harming",
    "I self harmed today",
    "I self-harm when I feel nothing, just to feel something",
    "I started self harming again",
    "I want to hurt myself",
    "I feel like hurting myself",
    "I deserve to die",
    "I hide the cuts under my sleeves",
    "I used to self-harm and the urges are back",
    "I'm 3 months clean from self harm but I want to relapse",
    "i carved into my arm",
    "I made myself bleed",
    "self harm urges are bad tonight",
    "relapsed on selfharm",
    "SH again. 43 days gone",
    "fighting sh urges all evening",
    "self harmed again",
    "I've been self-harming again, mum doesn't know",
    "my mom doesn't know I've been cutting",
    # Slang, shorthand, censored spellings.
    "kms",
    "KMS",
    "honestly might just kms",
    "i want to kms",
    "gonna kms fr",
    "i want to unalive myself",
    "been thinking about unaliving",
    "wanna unalive",
    "unalive thoughts again",
    "thinking about sewerslide again",
    "thinking about sewer slide",
    "feeling s*icidal again",
    "I'm going to top myself",
    "I feel like topping myself",
    # Lower case, no punctuation, phone typos.
    "i want to die",
    "I WANT TO DIE",
    "i dont want to be alive",
    "i dont wanna live anymore",
    "i wanna kill myself",
    "I want to kill my self",
    "i want to kil myself",
    "idk why im still alive",
    "why am i even alive",
    "whats the point of living",
    "i hate my life i want to die",
    "i wnat to die",
    "i jsut want to die",
    "im so suicidal",
    "feeling suicidial again",
    "i feel sucidal",
    "i want to end it all",
    "cant do this anymore i want to die",
    "i want to dissapear forever",
    "nobody would miss me",
    "no one would miss me if i was gone",
    "im thinking bout ending it",
    "i wanna die lol",
    "lol i want to die",
    "i would rather be dead",
    "id rather be dead",
    "just want it all to end",
    "i want everything to end forever",
    # Curly apostrophes, as phone keyboards type them.
    "I don’t want to live anymore",
    "I can’t go on",
    "I’d be better off dead",
    "There’s no point in living",
    "I don’t see a reason to stay alive",
    "I’m suicidal and I don’t know who to tell",
    "I wish I wasn’t alive",
    "I’ve been thinking about ending my life",
    "I realise now that I want to die",
    "I realize I don’t want to be alive",
    # A negation of intent alongside a real signal.
    "I'm not going to do anything tonight but I keep thinking about killing myself",
    "I'm not suicidal or anything, I just wish I could fall asleep and never wake up",
    "I would never actually do it, but I think about killing myself every day",
    "I'm fine. I'm not going to hurt myself. I have the pills saved up though.",
    "I don't want to kill myself, but I've been cutting again",
    "Not suicidal. I just want to disappear forever.",
    "I wouldn't do it today, but I've got a plan to end my life",
    "I'm not going to jump, I just keep standing on the bridge thinking about it",
    "I don't want to die, but I don't want to live either",
    "I’m not in danger, I just don’t want to be alive anymore",
    # Other people, and the past: talking about suicide warrants showing help gently.
    "My friend attempted suicide last year",
    "my brother killed himself in 2019",
    "My cousin died by suicide and I think about it all the time",
    "my best friend tried to kill herself",
    "My sister has been cutting herself",
    "my son told me he wants to die",
    "my girlfriend said she's suicidal",
    "My dad took his own life when I was 12",
    "A boy at my school committed suicide",
    # A crisis sentence buried in an ordinary entry.
    (
        "Went to the shops this morning and got bread, eggs and the good coffee. The bus was late "
        "again so I walked part of the way, which was nice in the sun. Work was fine, Priya brought "
        "cake. Honestly though I keep thinking about killing myself and I don't know what to do with "
        "that. Anyway, pasta for dinner."
    ),
    (
        "Therapy was moved to Thursday. The cat knocked a plant off the windowsill and I spent ages "
        "sweeping up soil. Mum called about Christmas plans. i cut myself again after the call. "
        "Watched two episodes of the baking show and went to bed."
    ),
    (
        "Flicker: the light on the kitchen tiles looked warm for a second. Also nobody would miss me if "
        "I was gone, I think. The tea was good."
    ),
    (
        "Long day. Meetings from nine till three, then a dentist appointment, then the gym for twenty "
        "minutes. I don’t see the point in living anymore, if I’m honest. Tomorrow I have to remember "
        "to pay the electricity bill and call the landlord about the boiler."
    ),
    (
        "My phone died halfway through the walk and the heat was killing me, so I sat in the park and "
        "watched the ducks. I’ve been planning how to end my life and the park felt like a strange "
        "place to think about it. Bought an ice cream on the way back."
    ),
    (
        "Notes for Tuesday: buy stamps, return library book, email Sam about the rota. Suicidal "
        "thoughts came back last night. Book the car in for its MOT."
    ),
    (
        "I cried at the film tonight, the first time in months I've felt anything. Then on the way "
        "home I thought about jumping off the bridge again. I don't know how both can be true at once."
    ),
    (
        "The deadline got moved, the meeting bored me to death and I'm dead tired. Also I've been "
        "hurting myself again and I haven't told anyone."
    ),
    (
        "Garden update: killed the weeds by the fence, the tomatoes are finally ripening. I want to "
        "die most days. The courgettes are out of control."
    ),
    (
        "Mood 3/10. Slept badly, skipped lunch, answered emails. i wish i could go to sleep and never "
        "wake up. Remember to water the plants."
    ),
]

NOT_CRISIS = [
    # "Die" and "dying" used figuratively.
    "I'm dying to see it",
    "I'm dying to see the new exhibition",
    "I died laughing at the wedding speech",
    "That cheesecake was to die for",
    "I'm dying for a cup of tea",
    "Dying of laughter at the cat video",
    "I nearly died of embarrassment when I tripped on stage",
    "I wanted to die of embarrassment when my mic was still on",
    "I’m dying to know what happens next",
    "I was dying to tell someone the news",
    "I'd rather die than wear that jumper",
    "Old habits die hard",
    "The wind died down in the afternoon",
    "The conversation died down after dinner",
    "The trend died out years ago",
    "The die is cast",
    "We rolled the dice and got a six on the last die",
    "The dye ran in the wash and now everything is pink",
    # Machines and batteries.
    "my phone died",
    "My phone died on the train",
    "The battery died in the car",
    "The laptop finally died after eight years",
    "The engine died at the lights",
    "my battery is dead",
    "The car battery was dead this morning",
    "The phone line went dead",
    # "Dead" used figuratively.
    "I'm dead tired",
    "dead tired after the night shift",
    "dead end job",
    "I'm stuck in a dead-end job",
    "The town is dead on a Sunday",
    "The party was dead by ten",
    "I'm dead serious about learning the cello",
    "The bus was dead on time",
    "lmao I'm dead, that video",
    "It was a dead heat at the finish line",
    "Dead leaves all over the path",
    "My legs are dead after the run",
    "My feet are dead from standing all day",
    "Dead silence in the office when the boss walked in",
    "I was dead to the world by nine",
    "Dead easy recipe, just three ingredients",
    "He's dead right about the budget",
    "Took the dead flowers out of the hanging basket",
    "The Grateful Dead were on the radio",
    "We watched a zombie film with the walking dead everywhere",
    "The deadline is Friday",
    "I missed the deadline",
    "the deadline",
    # "Kill" used figuratively, or toward things and pests.
    "this heat is killing me",
    "This commute is killing me",
    "I could kill for a coffee",
    "killing time before the train",
    "killed it at the presentation",
    "You absolutely killed it at karaoke",
    "My feet are killing me",
    "These shoes are killing me",
    "The suspense is killing me",
    "My back is killing me today",
    "The steps up to the flat killed my calves",
    "killed the weeds",
    "I killed the weeds along the fence",
    "Killed a spider in the bath",
    "I killed the mosquito that kept me awake",
    "Kill the lights when you leave",
    "Can you kill the music for a sec",
    "Kill two birds with one stone",
    "That kills the mood",
    "The boss killed the project",
    "Talk about overkill",
    "Dressed to kill for the wedding",
    "That's a killer view from the hill",
    "Weedkiller is on the shopping list",
    "Took two painkillers for my headache",
    "Don't kill the yeast with water that's too hot",
    "Pruned the roses and killed the aphids",
    "The frost killed the dahlias",
    # Threats toward other people: out of scope.
    "I'd kill him if he eats my cake",
    "I'm going to kill my brother for spoiling the finale",
    "I could kill my flatmate, he used all the hot water",
    "My mum will kill me if I'm late again",
    "She’s going to kill me when she sees the car",
    # Games, books, films, history.
    "my character died in the game",
    "My character died in the game again",
    "I died on the last level three times",
    "We died to the final boss again",
    "Respawned after dying in the lava",
    "I got twelve kills in the last round",
    "My character got killed by a dragon",
    "I starved in Minecraft because I forgot to bring food",
    "The killer in the novel turned out to be the gardener",
    "I watched a true crime show about a serial killer",
    "In the book, the detective dies in the last chapter",
    "The dog dies in the film and I cried",
    "Everybody dies in Hamlet",
    "Her character dies in season two",
    "The novel opens with a death in the village",
    "The king died in 1547",
    "Shakespeare died in 1616",
    "Cleopatra died in 30 BC",
    "The poet died young of tuberculosis",
    "Dinosaurs died out 66 million years ago",
    "Millions died in the war",
    "We read about the Black Death in history",
    "Read a chapter about the death of Socrates",
    "The Death card came up in the tarot reading, which apparently means change",
    "Death Valley was incredibly hot",
    # "Death" in idioms.
    "bored to death",
    "I was bored to death in the meeting",
    "Scared to death of spiders",
    "She worries me to death",
    "We talked it to death",
    "The dog loves me to death",
    "I love my nephew to death",
    "Sick to death of the rain",
    "I'm sick to death of this printer",
    "Death by PowerPoint this afternoon",
    "Ordered the Death by Chocolate for pudding",
    "He was at death's door with flu but he's fine now",
    "I froze to death waiting for the bus",
    # Suicide-words used figuratively.
    "Quitting without notice would be career suicide",
    "Wearing white to a muddy festival is fashion suicide",
    "We ran suicide sprints at basketball practice",
    "My uncle's old car had suicide doors",
    "Posting that would be social suicide",
    # A clear negation of one's own intent, with no real signal.
    "I'm not suicidal, just tired",
    "I would never hurt myself",
    "I don't want to die, I want to feel something",
    "I'm not suicidal. I'm just numb.",
    "I've never wanted to kill myself, I just feel flat",
    "I don't want to hurt myself, I just want to feel less grey",
    "No thoughts of self-harm, just a heavy day",
    "I’m not going to hurt myself, I promise, I’m just sad",
    "My therapist asked if I was suicidal and honestly I'm not",
    "I have never self-harmed",
    "Not suicidal, not in danger, just very flat today",
    "I don't want to die. I want to live properly.",
    "I’m not suicidal at all, I just feel far away from everything",
    "i would never kill myself, my dog needs me",
    "I don't feel like hurting myself, just like staying in bed",
    "i'm not suicidal just really tired of work",
    # Everyday numbness and sadness, without crisis.
    "I feel empty today",
    "I cried at the film",
    "I feel nothing",
    "I'm so tired of work",
    "I'm exhausted",
    "I can't go to the party tonight",
    "I feel numb, like there's glass between me and everything",
    "Everything feels grey and far away",
    "I didn't feel anything at my birthday",
    "I'm flat. Not sad, not happy, just flat.",
    "Couldn't get out of bed until noon",
    "I feel disconnected from my own hands sometimes",
    "I miss feeling excited about things",
    "I'm lonely since I moved cities",
    "Had a rubbish day and ate crisps for dinner",
    "I'm sad and I don't know why",
    "I felt a tiny bit of joy when the kettle clicked",
    "The music didn't move me like it used to",
    "I felt a flicker of warmth when my friend texted",
    "I don't care about anything much these days",
    "Nothing tastes of anything lately",
    "I wanted to feel something at the concert but didn't",
    "I want to hide under the duvet and watch films all day",
    "I want to run away to the seaside for a week",
    "I need a break from everyone",
    "Work drains me",
    "Felt like crying on the bus but nothing came",
    "I'm worn out",
    "My heart sank when I saw the bill",
    "I’m fed up with the rain",
    "i feel kind of hollow but the soup helped",
    "I'm so done with this week",
    "I'm done with dating apps",
    "I'm done with this job, I'm handing in my notice",
    "I give up on this recipe",
    "What's the point of ironing sheets",
    "I don't see the point in this meeting",
    "I'm hopeless at maths",
    "I'm hopeless at parking",
    "Tired of the rain",
    "I'm sick of cooking every night",
    "I'm so bored",
    "I snapped at my partner and felt bad about it",
    # Cuts, burns and hurts that are accidental or not about the body at all.
    "I cut the onions",
    "I cut my hair",
    "I cut my finger chopping carrots by accident",
    "I accidentally cut myself shaving",
    "I burned my hand on the oven tray by accident",
    "I hurt my knee playing football",
    "I hurt my back lifting the sofa",
    "I cut back on sugar this month",
    "They cut my hours at work",
    "I cut the grass",
    "Cut the cake into eight slices",
    "I hurt her feelings and I feel awful",
    "I bruised my arm on the door frame",
    "The paper cut stings",
    "I fell off my bike and scraped my arm",
    # Words near crisis vocabulary, used for ordinary things.
    "Hang the washing out before it rains",
    "We hung out at the park",
    "Hang in there, said the poster at the dentist",
    "Jumped off the diving board for the first time",
    "We went bungee jumping on holiday",
    "Walked over the bridge to the market",
    "Took my vitamins and my pill this morning",
    "Forgot to take my antidepressants today",
    "Wrote a goodbye card for Anna's leaving do",
    "Gave my old clothes to the charity shop",
    "The magician made the coin disappear",
    "The cat could sleep forever",
    "I could sleep for a week",
    "I finally ended things with Jamie, it was the right call",
    "We ended the meeting early",
    "The season ended on a cliffhanger",
    "My plans fell through",
    # Grief for someone else: sad, not a crisis.
    "my grandmother died last spring",
    "I miss my dad since he died",
    "It's a year since Mum passed away",
    "Our dog died and the house is so quiet",
    "The funeral was on Tuesday and I didn't cry",
    "I visited Grandad's grave with flowers",
    "My friend's mother died of cancer",
    "I keep expecting him to call, even though he's dead",
    "Nana's death hit me harder than I expected",
    "I wish my brother hadn't died",
    "Grief comes in waves since my aunt died",
    "It’s been six months since my grandad died and I still set out two cups",
    # Long ordinary entries full of death-words.
    (
        "Busy one. My phone died before lunch so I missed the bus, then the heat was killing me on the "
        "walk. The deadline for the report got moved, thank goodness. Killed the weeds in the front "
        "bed and made soup. Dead tired now, early night."
    ),
    (
        "Flicker: laughed properly at the quiz, I nearly died when Tom guessed the capital of Australia "
        "was Sydney. Felt warm for a minute. Then flat again on the way home, but it counts."
    ),
]

AMBIGUOUS = [
    "Over my dead body will I wear matching outfits",
    "I cut myself shaving",
    "I watched a documentary about suicide prevention",
    "Reading a book about suicide in Victorian England",
    "Our school had a talk on self-harm awareness",
    "I'm volunteering for a suicide prevention helpline",
    "We studied euthanasia laws in ethics class",
    "The song is about a girl who wants to die",
    "My therapist asked about suicidal thoughts",
    "Is it normal to think about death a lot?",
    "This exam made me want to die lol",
    "ugh kill me now, another meeting",
    "If I have to hear that song again I'll die",
    "I'd kill myself if I failed the exam, haha",
    "I nearly killed myself laughing",
    "I'm killing myself at the gym",
    "I'm working myself to death at this job",
    "I can't do this anymore, the spreadsheet keeps crashing",
    "What's even the point",
    "I don't know how much longer I can keep going",
    "I feel hopeless",
    "I feel trapped",
    "I'm a burden to everyone",
    "I want to disappear under a blanket for the weekend",
    "I wish I could sleep for a hundred years",
    "I won’t be here next week",
    "This will be my last night here",
    "I keep thinking about my own funeral",
    "I keep thinking about death since the funeral",
    "I starved myself on purpose to punish myself",
    "Sometimes I bite my nails until they bleed",
    "I deserve to hurt",
    "I pinch myself to stay awake in lectures",
    "The squirrels round here are suicidal",
    "I overdosed on sugar at the party",
    "I think I OD'd on coffee",
    "Nobody would miss me at the meeting if I skipped it",
]

ALL_TEXTS = [*CRISIS, *NOT_CRISIS, *AMBIGUOUS]


def _id(text: str) -> str:
    return text[:40]


def test_the_corpus_is_large_distinct_and_labelled_once():
    assert len(CRISIS) >= 220
    assert len(NOT_CRISIS) >= 200
    assert 20 <= len(AMBIGUOUS) <= 40
    assert len(ALL_TEXTS) == len(set(ALL_TEXTS)), "a text is listed twice"
    assert all(text.strip() for text in ALL_TEXTS)


@pytest.mark.practice("G5")
@pytest.mark.parametrize("text", CRISIS, ids=_id)
def test_every_crisis_text_is_flagged(text):
    signals = crisis_signals(text)
    assert isinstance(signals, list)
    assert signals, f"missed a crisis: {text!r}"


@pytest.mark.practice("G5")
@pytest.mark.parametrize("text", NOT_CRISIS, ids=_id)
def test_everyday_words_idioms_grief_and_negations_are_not_flagged(text):
    assert crisis_signals(text) == []


@pytest.mark.practice("G5")
@pytest.mark.parametrize("text", AMBIGUOUS, ids=_id)
def test_borderline_texts_run_and_return_a_list(text):
    signals = crisis_signals(text)
    assert isinstance(signals, list)
    assert all(isinstance(signal, Signal) for signal in signals)


@pytest.mark.practice("G5")
def test_every_signal_has_a_known_kind_and_a_span_inside_the_text():
    problems = []
    for text in ALL_TEXTS:
        for signal in crisis_signals(text):
            if not isinstance(signal, Signal):
                problems.append(f"{text!r}: not a Signal: {signal!r}")
                continue
            if signal.kind not in KINDS:
                problems.append(f"{text!r}: unknown kind {signal.kind!r}")
            span = signal.span
            if span is None:
                continue
            if not (isinstance(span, tuple) and len(span) == 2 and all(type(i) is int for i in span)):
                problems.append(f"{text!r}: span is not a pair of ints: {span!r}")
                continue
            start, end = span
            if not (0 <= start < end <= len(text)) or not text[start:end].strip():
                problems.append(f"{text!r}: bad span {span!r} -> {text[start:end]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.practice("G5")
def test_recall_is_complete_and_false_alarms_are_rare():
    missed = [text for text in CRISIS if not crisis_signals(text)]
    false_alarms = [text for text in NOT_CRISIS if crisis_signals(text)]
    recall = 1 - len(missed) / len(CRISIS)
    false_share = len(false_alarms) / len(NOT_CRISIS)
    report = (
        f"recall {recall:.1%} ({len(CRISIS) - len(missed)}/{len(CRISIS)} crisis texts flagged); "
        f"false alarms {false_share:.1%} ({len(false_alarms)}/{len(NOT_CRISIS)}, at most "
        f"{MAX_FALSE_ALARM_SHARE:.0%} allowed)\n"
        + "".join(f"  missed: {text!r}\n" for text in missed)
        + "".join(f"  false alarm: {text!r}\n" for text in false_alarms)
    )
    assert not missed and false_share <= MAX_FALSE_ALARM_SHARE, report


@pytest.mark.practice("G5")
def test_it_logs_nothing_prints_nothing_and_keeps_no_state(caplog, capsys):
    marker = f"thawing-marker-{uuid.uuid4().hex}"
    crisis = f"{marker} I want to kill myself {marker}"
    calm = f"{marker} I cut the onions and made soup {marker}"
    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="thawing"):
        first = crisis_signals(crisis)
        first.clear()  # changing what came back must not change the next answer
        again = crisis_signals(crisis)
        calm_signals = crisis_signals(calm)
    assert again, "the crisis text was not flagged"
    assert again == crisis_signals(crisis)
    assert calm_signals == []
    assert not caplog.records, [record.getMessage() for record in caplog.records]
    out, err = capsys.readouterr()
    assert marker not in out and marker not in err
    assert not out and not err


@pytest.mark.practice("G5")
def test_a_signal_is_a_frozen_dataclass():
    signal = crisis_signals("I want to kill myself")[0]
    assert dataclasses.is_dataclass(signal)
    with pytest.raises(dataclasses.FrozenInstanceError):
        signal.kind = "none"  # type: ignore[misc]
