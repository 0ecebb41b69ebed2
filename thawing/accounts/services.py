"""Profiles and accounts: the only door to them for views, the API and the CLI.

Local mode has one profile, unlocked by a passphrase checked against the unlock file in
the data directory (see `thawing.core.crypto`). Server mode has many accounts, created by
an operator, each signing in with Django's Argon2-hashed passwords.
"""

from __future__ import annotations

import json
import os
import zoneinfo
from datetime import time
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from thawing import content
from thawing.accounts import throttle
from thawing.accounts.models import Profile
from thawing.core import crypto
from thawing.core.errors import AlreadySetUp, InvalidInput, Locked, ThawingError, WrongPassphrase
from thawing.core.i18n import msg
from thawing.core.profile import ProfileData, build_profile

LOCAL_USERNAME = "me"
USERNAME_MAX = 150


@cache
def known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def machine_zone() -> str:
    """This computer's IANA time zone name when it can be read, else UTC."""
    zone = os.environ.get("TZ", "").lstrip(":")
    if zone in known_zones():
        return zone
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return "UTC"
    name = target.partition("zoneinfo/")[2]
    return name if name in known_zones() else "UTC"


def known_countries() -> frozenset[str]:
    return frozenset(c.code for c in content.countries())


def _profile_data(**values: Any) -> ProfileData:
    return build_profile(**values, zones=known_zones(), countries=known_countries())


def is_local_mode() -> bool:
    return settings.THAWING_MODE == "local"


def unlock_path() -> Path:
    return Path(settings.DATA_DIR) / "unlock.json"


def local_profile() -> Profile | None:
    """The one profile of local mode, or None before the first run."""
    return Profile.objects.select_related("user").order_by("pk").first()


def is_set_up() -> bool:
    return local_profile() is not None


def _write_unlock_record(record: dict[str, Any]) -> None:
    # Write beside, then rename: a crash never leaves half a file behind.
    path = unlock_path()
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(record, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def set_up_local_profile(
    *,
    name: str | None = "",
    timezone: str | None = "UTC",
    country: str | None = "",
    checkin_time: str | time | None = None,
    passphrase: str | None,
) -> AbstractBaseUser:
    """Create the local profile once; `passphrase=None` means the person chose none."""
    check_not_set_up()
    data = _profile_data(name=name, timezone=timezone, country=country, checkin_time=checkin_time)
    record = crypto.new_unlock_record(passphrase)
    with transaction.atomic():
        user = get_user_model().objects.create_user(username=LOCAL_USERNAME)
        user.set_unusable_password()
        user.save()
        _create_profile(user, data)
        _write_unlock_record(record)
    return user


def check_not_set_up() -> None:
    """AlreadySetUp if the local profile exists: a second set-up never overwrites it."""
    if is_set_up():
        raise AlreadySetUp(msg(
            "Thawing is already set up on this computer, so nothing was changed. "
            "Sign in with your passphrase, or use a different THAWING_DATA_DIR for a "
            "second profile."))


def _create_profile(user: AbstractBaseUser, data: ProfileData) -> Profile:
    return Profile.objects.create(
        user=user, display_name=data.name, timezone=data.timezone,
        country=data.country, checkin_time=data.checkin_time,
    )


def local_needs_passphrase() -> bool:
    path = unlock_path()
    if not path.exists():
        # A profile without its unlock file: refuse rather than open the data to anyone.
        raise ThawingError(msg(
            "The unlock file is missing from your data folder (%(path)s). Restore it from a "
            "backup to open your data.", path=str(path)))
    return crypto.needs_passphrase(json.loads(path.read_text()))


def unlock_local(*, passphrase: str | None, client: str | None = None) -> AbstractBaseUser:
    """The local user, once the passphrase (if the profile has one) is right.

    `client` (a network address) turns on throttling of repeated wrong tries.
    """
    profile = local_profile()
    if profile is None:
        raise Locked(msg("Thawing isn\u2019t set up yet. Run \u201cthawing init\u201d or "
                         "open it in your browser to begin."))
    keys = [f"ip:{client}", "local"] if client else []
    throttle.check(keys)
    try:
        with throttle.hashing():
            crypto.unlock(json.loads(unlock_path().read_text()), passphrase)
    except WrongPassphrase:
        throttle.failed(keys)
        raise
    throttle.succeeded(keys)
    return profile.user


def create_account(
    *,
    username: str,
    password: str,
    name: str | None = "",
    timezone: str | None = "UTC",
    country: str | None = "",
) -> AbstractBaseUser:
    """A server-mode account with its profile (operator command, or sign-up if enabled)."""
    errors: dict[str, str] = {}
    username = (username or "").strip()
    user_model = get_user_model()
    if not username or len(username) > USERNAME_MAX:
        errors["username"] = msg("Choose a user name of 1 to 150 characters.")
    elif user_model.objects.filter(username__iexact=username).exists():
        errors["username"] = msg("That user name is taken. Please choose another.")
    try:
        validate_password(password)
    except ValidationError as error:
        errors["password"] = " ".join(error.messages)
    try:
        data = _profile_data(name=name, timezone=timezone, country=country, checkin_time=None)
    except InvalidInput as error:
        errors.update(error.fields)
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        user = user_model.objects.create_user(username=username, password=password)
        _create_profile(user, data)
    return user


def sign_in(*, username: str, password: str, client: str | None = None) -> AbstractBaseUser:
    """A server-mode user whose password is right, or WrongPassphrase (never which part).

    Wrong tries are counted per address (`client`) and per account name.
    """
    from django.contrib.auth import authenticate

    name = (username or "").strip()
    keys = [f"user:{name.lower()}"] + ([f"ip:{client}"] if client else [])
    throttle.check(keys)
    with throttle.hashing():
        user = authenticate(username=name, password=password or "")
    if user is None:
        throttle.failed(keys)
        raise WrongPassphrase(msg(
            "That user name and password don\u2019t match. Please try again."))
    throttle.succeeded(keys)
    return user


def account_named(username: str) -> AbstractBaseUser | None:
    """The server-mode account with this user name, or None."""
    name = (username or "").strip()
    return get_user_model().objects.filter(username=name).first() if name else None


def profile_for(user: AbstractBaseUser) -> Profile:
    """The user's profile, made with defaults if an operator created the user another way."""
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def update_profile(
    *,
    user: AbstractBaseUser,
    name: str | None,
    timezone: str | None,
    country: str | None,
    checkin_time: str | time | None,
    past: list[str] | tuple[str, ...] | None = None,
) -> Profile:
    data = _profile_data(name=name, timezone=timezone, country=country, checkin_time=checkin_time)
    profile = profile_for(user)
    if past is not None:
        from thawing.core.safety import PAST

        unknown = [p for p in past if p not in PAST]
        if unknown:
            raise InvalidInput({"past": msg("Choose from trauma, depression and anxiety, or none.")})
        profile.past = [p for p in PAST if p in past]
    profile.display_name = data.name
    profile.timezone = data.timezone
    profile.country = data.country
    profile.checkin_time = data.checkin_time
    profile.save()
    return profile


def user_zone(user: AbstractBaseUser) -> zoneinfo.ZoneInfo:
    """The user's time zone (UTC if the profile's zone is no longer known)."""
    try:
        return zoneinfo.ZoneInfo(profile_for(user).timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")
