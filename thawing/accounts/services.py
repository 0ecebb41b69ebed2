"""Profiles and accounts: the only door to them for views, the API and the CLI.

Local mode has one profile, unlocked by a passphrase checked against the unlock file in
the data directory (see `thawing.core.crypto`). Server mode has many accounts, created by
an operator, each signing in with Django's Argon2-hashed passwords.
"""

from __future__ import annotations

import json
import os
import threading
import time as time_module
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
from django.db import IntegrityError, transaction

from thawing import content
from thawing.accounts import help_country, local_only, passwords, rekey, throttle, usernames, vault
from thawing.accounts.models import Profile
from thawing.core import crypto
from thawing.core.errors import AlreadySetUp, InvalidInput, Locked, ThawingError, WrongPassphrase
from thawing.core.i18n import msg
from thawing.core.profile import ProfileData, build_profile

# Held while a browser's sign-in opens the profile (see open_local).
_OPENING = threading.Lock()

LOCAL_USERNAME = "me"


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


def pending_path() -> Path:
    """The unlock record while set-up is under way; it becomes unlock.json when set-up is done."""
    return Path(settings.DATA_DIR) / "unlock.json.pending"


def is_set_up() -> bool:
    """True once the local profile exists: its unlock file, or a database left without one."""
    if unlock_path().exists():
        return True
    path = vault.database_path()
    if path is None:
        # An in-memory database (the tests): ask it directly.
        return local_profile() is not None
    if pending_path().exists():
        # Another set-up is under way (its database is not to be touched), or one stopped.
        if _set_up_has_stopped():
            _discard_unfinished_set_up(path)
        return unlock_path().exists()
    return path.exists() and path.stat().st_size > 0


# A set-up takes seconds; one that began longer ago than this and never finished was killed.
SET_UP_STALE_SECONDS = 120
SET_UP_UNDER_WAY = msg("Thawing is being set up right now, perhaps in another window. Give it two "
                       "minutes, then open it again.")


def _set_up_has_stopped() -> bool:
    try:
        began = pending_path().stat().st_mtime
    except FileNotFoundError:
        return False  # it has just finished
    return time_module.time() - began > SET_UP_STALE_SECONDS


def _discard_unfinished_set_up(path: Path | None) -> None:
    """A set-up that stopped midway saved nothing of the person's yet: start it again cleanly."""
    vault.lock()
    leftovers = [pending_path()]
    if path is not None:
        leftovers += [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)


def _claim_set_up(record: dict[str, Any]) -> None:
    """Write the unlock record of a set-up under way; only one set-up at a time gets to."""
    try:
        fd = os.open(pending_path(), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise AlreadySetUp(SET_UP_UNDER_WAY) from None
    with os.fdopen(fd, "w") as handle:
        json.dump(record, handle)
        handle.flush()
        os.fsync(handle.fileno())


def _write_unlock_record(record: dict[str, Any], path: Path | None = None) -> None:
    # Write beside, then rename: a crash never leaves half a file behind.
    path = path or unlock_path()
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
    """Create the local profile once; `passphrase=None` means the person chose none.

    With a passphrase, the database is created encrypted under a new random data key.
    """
    check_not_set_up()
    data = _profile_data(name=name, timezone=timezone, country=country, checkin_time=checkin_time)
    if passphrase is not None:
        passwords.check_new_passphrase(passphrase)
    data_key = crypto.new_data_key() if passphrase is not None else None
    record = (crypto.wrap_record(passphrase, data_key) if data_key is not None
              else crypto.new_unlock_record(None))
    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    _claim_set_up(record)
    path = vault.database_path()
    if unlock_path().exists() or (path is not None and path.exists() and path.stat().st_size > 0):
        # Another set-up finished between our check and our claim: its profile stays as it is.
        pending_path().unlink(missing_ok=True)
        raise AlreadySetUp(SET_UP_UNDER_WAY)
    try:
        vault.open_with(data_key)
        with transaction.atomic():
            user = get_user_model().objects.create_user(username=LOCAL_USERNAME)
            user.set_unusable_password()
            user.save()
            _create_profile(user, data)
    except BaseException:
        # Nothing of the person's is in the database this set-up made: leave the folder as it
        # was, ready to try again.
        _discard_unfinished_set_up(path)
        raise
    os.replace(pending_path(), unlock_path())
    help_country.remember(data.country)
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


def _unlock_record() -> dict[str, Any]:
    # A change of key that a crash stopped midway is finished (or undone) before anything reads.
    rekey.settle()
    path = unlock_path()
    if not path.exists():
        # A profile without its unlock file: refuse rather than open the data to anyone.
        raise ThawingError(msg(
            "The unlock file is missing from your data folder (%(path)s). Restore it from a "
            "backup to open your data.", path=str(path)))
    return json.loads(path.read_text())


def local_needs_passphrase() -> bool:
    return crypto.needs_passphrase(_unlock_record())


def open_local(*, passphrase: str | None, client: str | None = None) -> bytes | None:
    """Check the passphrase and open the database with its key; throttled per client."""
    record = _unlock_record()
    if client and not crypto.needs_passphrase(record) and client not in local_only.LOOPBACK_ADDRESSES:
        # No passphrase: nothing proves who is asking, so only this computer opens it.
        raise Locked(local_only.ELSEWHERE_REFUSED)
    keys = [f"ip:{client}", "local"] if client else []
    # The try is reserved before hashing: guesses sent side by side get no extra tries.
    with throttle.attempt(keys), throttle.hashing():
        data_key = crypto.unlock(record, passphrase)
    if data_key is not None and record.get("version") == crypto.VERSION:
        # A profile from Thawing 0.1: keep its key, wrap it the version 2 way.
        _write_unlock_record(crypto.upgraded(record, passphrase or "", data_key))
    with _OPENING:
        # One browser opens a locked profile (after Lock, or a restart) and sessions from before
        # end; others signing in at the same moment find it open and keep the new sessions.
        was_open = vault.is_open()
        vault.open_with(data_key)
        if client and data_key is not None and not was_open:
            sign_out_other_browsers()
    return data_key


def unlock_local(*, passphrase: str | None, client: str | None = None) -> AbstractBaseUser:
    """The local user, once the passphrase (if the profile has one) is right.

    `client` (a network address) turns on throttling of repeated wrong tries.
    """
    if not is_set_up():
        raise Locked(msg("Thawing isn\u2019t set up yet. Run \u201cthawing init\u201d or "
                         "open it in your browser to begin."))
    open_local(passphrase=passphrase, client=client)
    profile = local_profile()
    if profile is None:
        raise Locked(msg("Thawing isn\u2019t set up yet. Run \u201cthawing init\u201d or "
                         "open it in your browser to begin."))
    if help_country.recall() != profile.country:
        # Profiles set up before the country was kept outside the database get it now.
        help_country.remember(profile.country)
    return profile.user


def lock_local() -> None:
    """Forget the data key (the web "Lock" button, the end of a CLI command)."""
    if is_local_mode():
        if vault.is_open() and vault.key() is not None:
            # Lock ends every session: a cookie from before never works again, even after the
            # next unlock.
            sign_out_other_browsers()
        vault.lock()


def new_recovery_code(*, passphrase: str | None) -> str:
    """A fresh recovery code that can open the data if the passphrase is forgotten; shown once.

    Replacing a code gives the data a new key (thawing.accounts.rekey): the old code then opens
    nothing here, not even with an old copy of the unlock file or a backup in the backups folder.
    """
    record = _unlock_record()
    if not crypto.needs_passphrase(record):
        raise InvalidInput({"passphrase": msg(
            "A recovery code only makes sense with a passphrase; this profile has none.")})
    with throttle.hashing():
        data_key = crypto.unlock(record, passphrase)
        record = crypto.upgraded(record, passphrase or "", data_key)
        code = crypto.new_recovery_code()
        if "recovery" not in record["slots"]:
            # The first code (at set-up): there is no earlier one to shut out.
            _write_unlock_record(crypto.add_recovery(record, data_key, code))
            return code
        new_key = crypto.new_data_key()
        updated = crypto.add_recovery(crypto.wrap_record(passphrase or "", new_key), new_key, code)
    rekey.rekey(old_key=data_key, new_key=new_key, record=updated)
    return code


def change_passphrase(*, current: str | None, new: str | None) -> str | None:
    """A new passphrase, and a new key for the data and the backups in the backups folder.

    The old passphrase then opens nothing here, not even with an old copy of the unlock file
    (thawing.accounts.rekey). The recovery code keeps working; a profile whose code cannot be
    carried to the new key (made before Thawing 0.3) gets a new one, returned to be shown once.
    """
    record = _unlock_record()
    passwords.check_new_passphrase(new or "", field="new")
    with throttle.hashing():
        data_key = crypto.unlock(record, current)
        if data_key is None:
            raise InvalidInput({"current": msg("This profile has no passphrase to change.")})
        new_key, code = crypto.new_data_key(), None
        try:
            updated = crypto.wrap_record(new or "", new_key,
                                         recovery_slot=crypto.carry_recovery(record, new_key))
        except InvalidInput as error:
            raise InvalidInput({"new": error.fields["passphrase"]}) from None
        if "recovery" not in updated["slots"]:
            code = crypto.new_recovery_code()
            updated = crypto.add_recovery(updated, new_key, code)
    rekey.rekey(old_key=data_key, new_key=new_key, record=updated)
    sign_out_other_browsers()
    return code


def sign_out_other_browsers() -> AbstractBaseUser | None:
    """After a new passphrase, every browser signed in before has to sign in again.

    Django keeps a hash of the account's password in each session and signs a session out when
    it no longer matches; the local profile's "password" is a random unusable one, so drawing a
    new one ends every session at once. The browser that made the change keeps its own with
    `update_session_auth_hash`.
    """
    profile = local_profile()
    if profile is None:
        return None
    profile.user.set_unusable_password()
    profile.user.save(update_fields=["password"])
    return profile.user


def add_passphrase(*, new: str | None) -> str:
    """Encrypt a profile that had no passphrase; returns its first recovery code (shown once)."""
    record = _unlock_record()
    if crypto.needs_passphrase(record):
        raise InvalidInput({"new": msg("This profile already has a passphrase.")})
    passwords.check_new_passphrase(new or "", field="new")
    data_key = crypto.new_data_key()
    try:
        updated = crypto.wrap_record(new or "", data_key)
    except InvalidInput as error:
        raise InvalidInput({"new": error.fields["passphrase"]}) from None
    code = crypto.new_recovery_code()
    updated = crypto.add_recovery(updated, data_key, code)
    path = vault.database_path()
    with vault.exclusive():
        vault.lock()
        if path is not None and path.exists():
            # The new unlock record is written only once the encrypted copy is complete.
            vault.encrypt_in_place(path, data_key, before_swap=lambda: _write_unlock_record(updated))
        else:
            _write_unlock_record(updated)
        _remove_plain_backups()
        vault.open_with(data_key)
    sign_out_other_browsers()
    return code


def _remove_plain_backups() -> None:
    """Backups made before the passphrase are plain copies: keeping them would undo the encryption."""
    from thawing.accounts import backup

    for item in backup.list_backups():
        if not backup.read_manifest(item.path).get("encrypted"):
            item.path.unlink(missing_ok=True)


def recover_local(*, code: str | None, new_passphrase: str | None,
                  client: str | None = None) -> AbstractBaseUser:
    """Open the data with the recovery code and set a new passphrase at once."""
    record = _unlock_record()
    keys = [f"ip:{client}", "local"] if client else []
    try:
        crypto.check_passphrase_strength(new_passphrase or "")
    except InvalidInput as error:
        raise InvalidInput({"new": error.fields["passphrase"]}) from None
    with throttle.attempt(keys), throttle.hashing():
        data_key = crypto.unlock_with_recovery(record, code or "")
    # Once the code is right: a wrong code is the first thing to hear about.
    passwords.check_new_passphrase(new_passphrase or "", field="new")
    with throttle.hashing():
        # A new key too, so the forgotten (or overheard) passphrase opens nothing any more; the
        # recovery code, known here, keeps working.
        new_key = crypto.new_data_key()
        updated = crypto.add_recovery(crypto.wrap_record(new_passphrase or "", new_key), new_key,
                                      code or "")
    rekey.rekey(old_key=data_key, new_key=new_key, record=updated)
    user = sign_out_other_browsers()
    if user is None:
        raise Locked(msg("Thawing isn\u2019t set up yet."))
    return user


def create_account(
    *,
    username: str,
    password: str,
    name: str | None = "",
    timezone: str | None = "UTC",
    country: str | None = "",
    client: str | None = None,
) -> AbstractBaseUser:
    """A server-mode account with its profile (operator command, or sign-up if enabled).

    The user name is kept in its ordinary Unicode form and must not pass for another one
    (`usernames`). `client`, the address of a sign-up, limits how many accounts it makes.
    """
    with throttle.attempt([f"signup:{client}"] if client else [], wrong=(InvalidInput,)):
        return _create_account(username=username, password=password, name=name,
                               timezone=timezone, country=country)


USERNAME_TAKEN = msg("That user name is taken. Please choose another.")


def _create_account(*, username: str, password: str, name: str | None, timezone: str | None,
                    country: str | None) -> AbstractBaseUser:
    errors: dict[str, str] = {}
    # Django stores the NFKC form anyway: a full-width "ａlice" must be found taken as "alice" is.
    username = usernames.normalise(username)
    user_model = get_user_model()
    problem = usernames.problem(username)
    if problem is not None:
        errors["username"] = problem
    elif user_model.objects.filter(username__iexact=username).exists():
        errors["username"] = USERNAME_TAKEN
    try:
        validate_password(password, user=user_model(username=username))
    except ValidationError as error:
        errors["password"] = " ".join(error.messages)
    try:
        data = _profile_data(name=name, timezone=timezone, country=country, checkin_time=None)
    except InvalidInput as error:
        errors.update(error.fields)
    if errors:
        raise InvalidInput(errors)
    try:
        with transaction.atomic():
            user = user_model.objects.create_user(username=username, password=password)
            _create_profile(user, data)
    except IntegrityError:
        # Someone took the same name a moment ago.
        raise InvalidInput({"username": USERNAME_TAKEN}) from None
    return user


def sign_in(*, username: str, password: str, client: str | None = None) -> AbstractBaseUser:
    """A server-mode user whose password is right, or WrongPassphrase (never which part).

    Wrong tries are counted per address (`client`) and, for a name that has an account, per
    account. A name without one counts against the address only: guessing at made-up names
    pauses nobody else.
    """
    from django.contrib.auth import authenticate

    name = (username or "").strip()
    known = bool(name) and get_user_model().objects.filter(username__iexact=name).exists()
    keys = ([f"ip:{client}"] if client else []) + ([f"user:{name.casefold()}"] if known else [])
    # The try is reserved before hashing: guesses sent side by side get no extra tries.
    with throttle.attempt(keys), throttle.hashing():
        user = authenticate(username=name, password=password or "")
        if user is None:
            raise WrongPassphrase(msg(
                "That user name and password don\u2019t match. Please try again."))
    return user


def change_password(*, user: AbstractBaseUser, current: str | None, new: str | None) -> None:
    """A server-mode account's new password, once the current one is right.

    Wrong current passwords count like wrong sign-ins. Every other session of the account ends:
    Django keeps a hash of the password in each session (the view keeps its own).
    """
    if is_local_mode():
        raise InvalidInput({"current": msg("Locally, Thawing opens with a passphrase instead.")})
    with throttle.attempt([f"user:{user.get_username().casefold()}"]), throttle.hashing():
        if not user.check_password(current or ""):
            raise WrongPassphrase(msg("That doesn\u2019t match your current password. Please try again."))
    try:
        validate_password(new or "", user=user)
    except ValidationError as error:
        raise InvalidInput({"new": " ".join(error.messages)}) from None
    user.set_password(new)
    user.save(update_fields=["password"])


def account_named(username: str) -> AbstractBaseUser | None:
    """The server-mode account with this user name, or None."""
    name = (username or "").strip()
    return get_user_model().objects.filter(username=name).first() if name else None


def profile_for(user: AbstractBaseUser) -> Profile:
    """The user's profile, made with defaults if an operator created the user another way.

    It is read once per user object (one request, one command) and kept on it, as Django keeps
    any one-to-one relation: a page asks for the time zone and pace many times.
    """
    try:
        return user.profile  # type: ignore[attr-defined]
    except Profile.DoesNotExist:
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
    if is_local_mode():
        # "Get help now" shows this country's lines while Thawing is locked, too.
        help_country.remember(data.country)
    return profile
