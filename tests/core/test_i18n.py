"""Messages are English strings that remember their template for translation."""

from __future__ import annotations

from thawing.core.i18n import Message, msg


def test_a_message_renders_english_and_keeps_its_template_and_params():
    message = msg("Mood is %(low)s to %(high)s.", low=1, high=10)
    assert isinstance(message, Message) and isinstance(message, str)
    assert message == "Mood is 1 to 10."
    assert message.template == "Mood is %(low)s to %(high)s."
    assert message.params == {"low": 1, "high": 10}


def test_translated_uses_the_given_gettext_and_fills_in_the_params():
    catalogue = {"Mood is %(low)s to %(high)s.": "L\u2019humeur va de %(low)s \u00e0 %(high)s."}
    message = msg("Mood is %(low)s to %(high)s.", low=1, high=10)
    assert message.translated(lambda text: catalogue.get(text, text)) == (
        "L\u2019humeur va de 1 \u00e0 10."
    )


def test_translated_falls_back_to_english_when_gettext_knows_nothing():
    message = msg("Up to %(limit)s tags per entry.", limit=20)
    assert message.translated(lambda text: text) == "Up to 20 tags per entry."


def test_gettext_is_asked_for_the_template_not_the_rendered_text():
    asked: list[str] = []
    msg("A name can be up to %(n)s characters.", n=80).translated(
        lambda text: asked.append(text) or text)
    assert asked == ["A name can be up to %(n)s characters."]


def test_a_message_without_params_may_contain_a_percent_sign():
    message = msg("100% private.")
    assert message == "100% private."
    assert message.translated(lambda text: "100\u00a0% priv\u00e9.") == "100\u00a0% priv\u00e9."


def test_a_message_inside_a_message_is_translated_too():
    from thawing.core.i18n import msg

    catalogue = {"A note": "Une note", "%(label)s is too long.": "%(label)s est trop longue."}
    message = msg("%(label)s is too long.", label=msg("A note"))
    assert message.translated(lambda text: catalogue.get(text, text)) == "Une note est trop longue."


def test_joined_messages_stay_translatable_one_by_one():
    from thawing.core.i18n import joined, msg

    catalogue = {"First.": "Premier.", "Second.": "Second."}
    together = joined([msg("First."), msg("Second.")])
    assert str(together) == "First. Second."
    assert together.translated(lambda text: catalogue.get(text, text)) == "Premier. Second."
