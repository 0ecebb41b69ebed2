"""Delete everything, in the browser: a test proves no record of the person remains."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings

pytestmark = pytest.mark.django_db


def user_owned_models():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) is not None and field.many_to_one and \
                    field.related_model._meta.label == settings.AUTH_USER_MODEL and field.name == "user":
                yield model


def test_delete_everything_needs_the_word_and_then_removes_every_record(server_mode, make_account, client):
    from thawing.checkins.services import record_checkin
    from thawing.journal.services import write_entry
    from thawing.practices.services import add_item

    robin, sam = make_account("robin"), make_account("sam")
    for person in (robin, sam):
        record_checkin(user=person, mood="4", emotions=[("numb", "2")], body=["chest:tight"], note="a note")
        write_entry(user=person, title="t", body="some words")
        add_item(user=person, kind="fun", text="bake")
    client.force_login(robin)
    refused = client.post("/settings/delete-everything/", {"confirm": "yes please"})
    assert refused.status_code == 400 and "type the word delete" in refused.content.decode()
    done = client.post("/settings/delete-everything/", {"confirm": "delete"})
    assert done.status_code == 200 and "Everything is deleted" in done.content.decode()
    models = list(user_owned_models())
    assert len(models) > 15
    for model in models:
        assert not model.objects.filter(user_id=robin.pk).exists(), model.__name__
    assert any(model.objects.filter(user_id=sam.pk).exists() for model in models)
