"""Django settings: one file, driven by THAWING_* environment variables (see conf.py)."""

from __future__ import annotations

from pathlib import Path

from thawing import conf

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = conf.data_dir()
THAWING_MODE = conf.mode()
THAWING_SIGNUP = conf.flag("THAWING_SIGNUP")
# Django's admin is mounted only when an operator asks, in server mode (thawing/urls.py).
THAWING_ADMIN = conf.flag("THAWING_ADMIN")
# The reverse proxies whose X-Forwarded-For names the client (thawing/accounts/clients.py).
TRUSTED_PROXIES = conf.trusted_proxies()
# Sign-in counts: in the database in server mode, shared by every worker (conf.caches).
CACHES = conf.caches(THAWING_MODE)

SECRET_KEY = conf.secret_key()
DEBUG = conf.flag("THAWING_DEBUG")
ALLOWED_HOSTS = conf.allowed_hosts()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "thawing.accounts",
    "thawing.checkins",
    "thawing.habits",
    "thawing.journal",
    "thawing.care",
    "thawing.practices",
    "thawing.insights",
    "thawing.portability",
    # Field encryption's one record: whether rotate-key has sealed every value to its owner.
    "thawing.db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "thawing.accounts.middleware.security_headers",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "thawing.accounts.middleware.first_run",
    "thawing.accounts.middleware.RequireSignIn",
    "thawing.accounts.middleware.user_time_zone",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "thawing.urls"
WSGI_APPLICATION = "thawing.wsgi.application"
LOGIN_URL = "accounts:signin"
LOGIN_REDIRECT_URL = "checkins:today"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thawing.accounts.context.thawing_context",
            ],
        },
    },
]

DATABASES = conf.databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first: memory-hard, so a stolen database is slow to attack.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Server-mode passwords; local passphrases pass the same checks (thawing/accounts/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "thawing.accounts.passwords.LengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "thawing.accounts.passwords.LikeTheNameValidator"},
    {"NAME": "thawing.accounts.passwords.CommonValidator"},
    {"NAME": "thawing.accounts.passwords.PatternValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Operators may collect static files for a reverse proxy; local installs need not.
STATIC_ROOT = conf.env_path("THAWING_STATIC_ROOT")
# Serve the packaged files straight from the app folders: no collectstatic step to forget.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Sessions and cookies: HTTP-only, same-site; HTTPS-only in server mode.
SECURE_COOKIES = conf.flag("THAWING_SECURE_COOKIES", default=THAWING_MODE == "server")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = SECURE_COOKIES
# Behind a TLS reverse proxy (server mode): trust its X-Forwarded-Proto and the origins given.
BEHIND_PROXY = conf.flag("THAWING_BEHIND_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    # Behind TLS, a plain-HTTP request that still arrives is sent to HTTPS, never answered.
    SECURE_SSL_REDIRECT = True
# HSTS for every subdomain and the browsers' preload list bind the whole domain for a long time:
# the operator decides (docs/deploy.md), and `check --deploy` is told it was a decision.
SECURE_HSTS_INCLUDE_SUBDOMAINS = conf.flag("THAWING_HSTS_SUBDOMAINS")
SECURE_HSTS_PRELOAD = conf.flag("THAWING_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [check for check, on in (("security.W005", SECURE_HSTS_INCLUDE_SUBDOMAINS),
                                                  ("security.W021", SECURE_HSTS_PRELOAD)) if not on]
CSRF_TRUSTED_ORIGINS = conf.csv("THAWING_TRUSTED_ORIGINS")
# Import uploads: the largest file, and the largest request around it (also the size of the
# embedded server's buffers and of a proxy's body limit, see docs/deploy.md).
THAWING_MAX_UPLOAD_BYTES = conf.max_upload_bytes()
THAWING_MAX_REQUEST_BYTES = THAWING_MAX_UPLOAD_BYTES + conf.UPLOAD_FORM_ALLOWANCE
# No address keeps an uploaded file: the import, once the sign-in is confirmed, installs its own
# handler (in memory, up to the limit); everywhere else a file part is read past and dropped.
FILE_UPLOAD_HANDLERS = ["thawing.portability.uploads.DropFiles"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_NAME = "thawing_session"
# Local mode: sessions live in a signed cookie, so the sign-in page works before the encrypted
# database can be opened. Server mode keeps them in the database, where they can be revoked.
SESSION_ENGINE = ("django.contrib.sessions.backends.signed_cookies" if not conf.database_url()
                  else "django.contrib.sessions.backends.db")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # An exception's message can quote what a person wrote: logs keep its type and place only.
    "filters": {"no_exception_text": {"()": "thawing.logs.WithoutExceptionText"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_exception_text"]}},
    # Never log request bodies: they hold journal text. Warnings and errors only.
    "root": {"handlers": ["console"], "level": "WARNING"},
    # fpdf2 names the characters its font lacks, and those come from the person's own writing.
    "loggers": {"fpdf": {"level": "ERROR"}},
}
