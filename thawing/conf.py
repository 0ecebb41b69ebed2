"""Settings from THAWING_* environment variables, parsed strictly, and the data directory.

THAWING_DATA_DIR       where the local database, secret key and unlock file live
                       (default: the per-user data directory of the OS)
THAWING_DATABASE_URL   postgres://user:password@host:port/name selects server mode
THAWING_MODE           "local" or "server" (default: server when a database URL is set)
THAWING_SECRET_KEY     the signing key (default: generated once into the data directory)
THAWING_ALLOWED_HOSTS  comma-separated host names the server answers to
THAWING_SIGNUP         "1" lets people create their own accounts in server mode
THAWING_DEBUG          "1" for development only: shows tracebacks
THAWING_SECURE_COOKIES "1" sends cookies over HTTPS only (default on in server mode)
THAWING_BEHIND_PROXY   "1" when a TLS reverse proxy on this machine forwards to Thawing
THAWING_TRUSTED_ORIGINS comma-separated origins of the proxy, like https://thawing.example.org
THAWING_TRUSTED_PROXIES comma-separated addresses or networks (127.0.0.1, 10.0.0.0/8) of the
                       reverse proxies whose X-Forwarded-For is believed: the sign-in throttle
                       counts the client's own address (default: none, the direct peer counts)
THAWING_ADMIN          "1" mounts Django's admin at /admin/ (server mode only; its sign-in is
                       throttled like every other)
THAWING_FIELD_KEYS     comma-separated ID:KEY pairs (KEY: 32 bytes in base64url), the first one
                       current: free text is encrypted in the database with it (server mode;
                       a local database is already encrypted whole, so it stays off there
                       unless this is set). See docs/deploy-keys.md.
THAWING_MAX_UPLOAD_BYTES the largest file an import takes through the web page or the API, in
                       bytes or with K, M or G (binary: 32M is 32 MiB, the default); a request
                       may be UPLOAD_FORM_ALLOWANCE larger for the form around the file
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

from thawing.core import fieldcrypt
from thawing.core.errors import ThawingError
from thawing.core.fieldcrypt import Keyring

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigError(ThawingError):
    """A THAWING_* setting that cannot be understood."""


def flag(name: str, default: bool = False) -> bool:
    """A boolean environment variable; anything but a clear yes or no is an error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ConfigError(f"{name} should be 1 or 0 (it is {raw!r}).")


def data_dir() -> Path:
    """The per-user data directory, created on first use with owner-only permissions."""
    raw = os.environ.get("THAWING_DATA_DIR", "").strip()
    if raw:
        path = Path(raw).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("thawing", appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def env_path(name: str) -> Path | None:
    raw = os.environ.get(name, "").strip()
    return Path(raw).expanduser() if raw else None


def database_url() -> str:
    return os.environ.get("THAWING_DATABASE_URL", "").strip()


def mode() -> str:
    raw = os.environ.get("THAWING_MODE", "").strip().lower()
    if raw in ("local", "server"):
        return raw
    if raw:
        raise ConfigError(f"THAWING_MODE should be local or server (it is {raw!r}).")
    return "server" if database_url() else "local"


def databases() -> dict[str, dict[str, object]]:
    """Django's DATABASES: SQLite in the data directory, or the PostgreSQL URL given."""
    url = database_url()
    if not url:
        return {"default": {
            # SQLite through SQLCipher: encrypted with the data key once a passphrase opens it.
            "ENGINE": "thawing.db.sqlcipher",
            "NAME": str(data_dir() / "thawing.sqlite3"),
            "OPTIONS": {
                # WAL lets the web server read while a write commits; IMMEDIATE avoids
                # "database is locked" when two requests write at once.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }}
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ConfigError("THAWING_DATABASE_URL should start with postgres://")
    return {"default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")) or "thawing",
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }}


def secret_key() -> str:
    """THAWING_SECRET_KEY, or a random key made once and kept in the data directory."""
    given = os.environ.get("THAWING_SECRET_KEY", "").strip()
    if given:
        return given
    path = data_dir() / "secret_key"
    if not path.exists():
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # Another process made it a moment ago; use theirs.
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def csv(name: str) -> list[str]:
    """A comma-separated environment variable as a list, without blanks."""
    return [part.strip() for part in os.environ.get(name, "").split(",") if part.strip()]


def trusted_proxies() -> list[str]:
    """THAWING_TRUSTED_PROXIES as networks (an address alone is a network of one)."""
    import ipaddress

    networks = []
    for part in csv("THAWING_TRUSTED_PROXIES"):
        try:
            networks.append(str(ipaddress.ip_network(part, strict=False)))
        except ValueError:
            raise ConfigError(f"THAWING_TRUSTED_PROXIES: {part!r} is not an address or a network "
                              "like 127.0.0.1 or 10.0.0.0/8.") from None
    return networks


def caches(mode: str) -> dict[str, dict[str, object]]:
    """Django's CACHES: memory for passing values, and a place for sign-in counts.

    Server mode keeps the counts in the database (table thawing_cache, made by a migration) so
    every worker on every app server sees the same ones. Local mode cannot: the encrypted database
    opens only once the passphrase is known, so the counts stay in the memory of the one
    `thawing serve` process, the same memory as the default cache.
    """
    # Many entries before culling: culling would forget live counts of wrong tries.
    memory = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "thawing",
              "OPTIONS": {"MAX_ENTRIES": 10_000}}
    shared = ({"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "thawing_cache",
               "OPTIONS": {"MAX_ENTRIES": 100_000}} if mode == "server" else memory)
    return {"default": memory, "signin": shared}


def field_keys() -> Keyring | None:
    """THAWING_FIELD_KEYS as a keyring, None when it is not set (field encryption off)."""
    return parse_field_keys(os.environ.get("THAWING_FIELD_KEYS", ""))


def parse_field_keys(raw: str, name: str = "THAWING_FIELD_KEYS") -> Keyring | None:
    """ID:KEY pairs, the first current; errors name the variable and never repeat a key."""
    if not raw.strip():
        return None
    keys: dict[str, bytes] = {}
    parts = raw.split(",")
    for number, part in enumerate(parts, start=1):
        key_id, colon, encoded = part.strip().partition(":")
        where = f"{name}: entry {number} of {len(parts)}"
        if not colon or not key_id:
            raise ConfigError(f"{where} should look like ID:KEY (make one with `thawing new-field-key`).")
        if not fieldcrypt.KEY_ID.fullmatch(key_id):
            raise ConfigError(f"{where}: a key id is 1-32 characters of letters, digits, _ . or -.")
        if key_id in keys:
            raise ConfigError(f"{where}: the key id {key_id!r} is used twice.")
        key = fieldcrypt.decode_key(encoded.strip())
        if key is None:
            raise ConfigError(f"{where}: the key of {key_id!r} should be 32 bytes in base64url "
                              "(43 characters, as `thawing new-field-key` prints).")
        keys[key_id] = key
    return Keyring(current=next(iter(keys)), keys=keys)


def allowed_hosts() -> list[str]:
    return csv("THAWING_ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]


# An import upload: the file, and room for the rest of its form (the kind, the options, the
# multipart framing) in the request around it.
UPLOAD_DEFAULT_BYTES = 32 * 2**20
UPLOAD_FORM_ALLOWANCE = 256 * 2**10
_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}


def max_upload_bytes() -> int:
    """THAWING_MAX_UPLOAD_BYTES in bytes: a whole number, optionally with K, M or G (KiB, MiB, GiB)."""
    raw = os.environ.get("THAWING_MAX_UPLOAD_BYTES", "").strip()
    if not raw:
        return UPLOAD_DEFAULT_BYTES
    found = re.fullmatch(r"(\d+) ?([KMG]?)(?:i?B)?", raw, re.IGNORECASE)
    if found is None:
        raise ConfigError(f"THAWING_MAX_UPLOAD_BYTES should be a number of bytes, like 33554432 or 32M "
                          f"(it is {raw!r}).")
    size = int(found[1]) * _UNITS[found[2].upper()]
    if not 2**16 <= size <= 2**30:
        raise ConfigError("THAWING_MAX_UPLOAD_BYTES should be between 64K and 1G.")
    return size
