"""Samverkan settings: one file, every machine-specific value from the environment.

Defaults suit a laptop: SQLite in the project folder, DEBUG off (``make run`` turns it
on), Swedish UI, Europe/Stockholm. See the README's table for every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: str = "false") -> bool:
    """Read a boolean variable; only ``true``/``false`` (any case) are accepted."""
    value = os.environ.get(name, default).strip().lower()
    if value not in ("true", "false"):
        raise ImproperlyConfigured(f"{name} must be 'true' or 'false', not {value!r}")
    return value == "true"


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as e:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from e


SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-samverkan-development-key-change-me")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.syndication",
    "auditlog",
    "samverkan.common",
    "samverkan.accounts",
    "samverkan.geography",
    "samverkan.organisations",
    "samverkan.agreements",
    "samverkan.police_events",
    "samverkan.crime_statistics",
    "samverkan.situations",
    "samverkan.datasets",
    "samverkan.governance",
    "samverkan.communications",
    "samverkan.pledges",
    "samverkan.public",
    "samverkan.reporting",
    "django_tasks_db",
    "samverkan.problems",
    "samverkan.plans",
    "samverkan.surveys",
    "samverkan.places",
    "samverkan.est",
    "samverkan.placement",
    "samverkan.audit",
    # After our apps, so samverkan/accounts/templates/two_factor/ overrides its templates.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Sets request.user.otp_device / is_verified() from the session (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # Sends users whose role requires two-factor login to set it up / verify it.
    "samverkan.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Last, as django-axes asks: turns a locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samverkan.urls"
WSGI_APPLICATION = "samverkan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samverkan.common.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Take the write lock when the transaction starts and wait up to 5 s for it,
        # so two simultaneous writers queue instead of failing with "database is locked".
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a login attempt for a locked-out username before any
# password is checked. Then the ordinary username/password backend.
AUTHENTICATION_BACKENDS = [
    "samverkan.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts-login"
LOGOUT_URL = "accounts-logout"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English pages keep Swedish (ISO) dates and the 24-hour clock: samverkan/formats/en.
FORMAT_MODULE_PATH = ["samverkan.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"

# Sessions and cookies: short idle expiry, HttpOnly, SameSite; Secure when served over TLS.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_TLS = env_bool("SECURE_TLS", "false")
SESSION_COOKIE_SECURE = SECURE_TLS
CSRF_COOKIE_SECURE = SECURE_TLS
SECURE_SSL_REDIRECT = SECURE_TLS
SECURE_HSTS_SECONDS = 31536000 if SECURE_TLS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_TLS
SECURE_HSTS_PRELOAD = SECURE_TLS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy with nonces: no inline scripts or styles anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Django 6.1's mailers; console by default so reminders show in the terminal.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        ),
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "samverkan@localhost")

# Background work (exports): synchronous by default; `make run` uses the database queue
# with `samverkan db_worker` running beside the web server.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# The tenant whose name the header shows when nobody is logged in (the first tenant).
DEFAULT_TENANT_SLUG = os.environ.get("DEFAULT_TENANT", "stockholm")
# Folder holding the bundled public data (see data/PROVENANCE.md).
DATA_DIR = Path(os.environ.get("SAMVERKAN_DATA_DIR", BASE_DIR / "data"))

AUDITLOG_DISABLE_REMOTE_ADDR = False
# Retention per record type, in days (`samverkan apply-retention`; docs/security.md).
RETENTION_DAYS = {
    "audit_entries": env_int("RETENTION_AUDIT_DAYS", 5 * 365),
    "login_records": env_int("RETENTION_LOGIN_DAYS", 365),
}
# Our own log entry model: auditlog's plus a tenant column, append-only (samverkan/audit).
AUDITLOG_LOGENTRY_MODEL = "audit.AuditEntry"

# Lockout after repeated failed logins (django-axes): per username whatever the address,
# so rotating addresses does not help a guesser, and per address (set AXES_PROXY_COUNT
# behind a proxy so the address is the client's). Values from the environment.
AXES_ENABLED = env_bool("AXES_ENABLED", "true")
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours, as axes wants
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0) or None
# Trust X-Forwarded-For only behind a proxy; otherwise anyone could forge their address.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Two-factor login (django-two-factor-auth on django-otp): TOTP apps plus backup codes.
# Which users must use it is data: Role.requires_two_factor (see accounts/middleware.py).
TWO_FACTOR_LOGIN_TIMEOUT = 600
TWO_FACTOR_REMEMBER_COOKIE_AGE = None  # never skip the second factor on a device
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Samverkan")
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # no TOTP secrets or QR codes in the admin, for anyone
# Demo only: lets `samverkan demo-two-factor` give demo users a known backup code. The
# command refuses to run when DEBUG is false.
TWO_FACTOR_DEMO_CODES_ALLOWED = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
