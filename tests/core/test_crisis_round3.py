"""Round three of crisis words (issue 12 section 1): families read off the misses of three more
writers (older and rural voices, young people online, subtle items with no death word), written as
classes of phrasing. The sentences below were written for this file, not copied from any fixture."""

from __future__ import annotations

import pytest

from thawing.core.safety import crisis_signals

CRISIS = {
    "wish as a comparison": "honestly I'd be better off dead than face another winter like this",
    "wish as relief": "Being dead sounds restful compared to these mornings, it would be a relief.",
    "wish to stop existing": "some days all I want is to stop existing",
    "envy of the dead": "I envy my uncle lying in his grave, he has nothing left to fix.",
    "hoping for an accident": "Kept hoping the bus would hit me on the walk to work.",
    "euphemism": "Can't stop thinking about topping myself since the shop closed.",
    "means held": "Sat with the shotgun across my lap for an hour tonight.",
    "means to the body": "Put the razor to my wrist and just looked at it.",
    "self-harm, other tool": "Pressed the lighter to my forearm until it blistered.",
    "self-harm, raw": "scratched my legs raw again after the call",
    "note left": "Wrote the note and left it under my pillow for them to find.",
    "note to a reader": "If you are reading this, I'm sorry, none of it was your fault.",
    "plan, rehearsal": "Tested whether the beam in the shed holds my weight.",
    "burden": "The kindest thing I could do for them is disappear.",
    "worth more dead": "The policy pays out, I'm worth more dead than alive to them.",
    "finality": "ready to be done with everything, for good",
}

QUIET = {
    "pill organiser": "Counted my tablets into the weekly pill box, Sunday job done.",
    "idiom": "Shoot me now, the boiler has packed in again.",
    "quitting a club": "Quit the book club for good, too much homework reading.",
    "a trip to the coast": "Checked the tide times so we can take the kids crabbing on Saturday.",
    "a general hypothetical": "Imagine if we all just switched off for good, the internet would be quiet.",
    "prevention": "Our choir sang at a fundraiser for a suicide bereavement support group.",
    "laughing": "The lads were killing themselves laughing at the pub quiz.",
    "a party": "I'm not going to make it to the barbecue on Sunday, my back is bad.",
}


@pytest.mark.parametrize(("family", "text"), sorted(CRISIS.items()))
def test_round_three_families_show_the_crisis_lines(family, text):
    found = crisis_signals(text)
    assert any(signal.context == "self" for signal in found), (family, found)


@pytest.mark.parametrize(("family", "text"), sorted(QUIET.items()))
def test_round_three_near_misses_stay_quiet(family, text):
    assert crisis_signals(text) == [], family


@pytest.mark.xfail(strict=True, reason="a known false alarm of the learned reader (docs/safety.md): "
                   "'want to be with' and a person read like a wish to join the dead")
def test_a_visit_stays_quiet():
    assert crisis_signals("Want to be with my sister at Easter, booking the train.") == []


def test_a_real_hair_pulling_is_not_an_idiom():
    found = crisis_signals("pulled my hair out in chunks again, my scalp is bleeding")
    assert any(signal.context == "self" for signal in found)
