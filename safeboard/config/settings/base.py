"""Settings for SafeBoard, read from the environment.

The defaults run the demo partnership on one machine: SQLite under var/, console email,
DEBUG on. production.py tightens them and refuses the demo secret.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from safeboard.core.demo_credentials import DEFAULT_DEMO_PASSWORD, DEMO_SECRET_KEY

PACKAGE_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("SAFEBOARD_VAR_DIR", PROJECT_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", DEMO_SECRET_KEY)
DEBUG = os.environ.get("DEBUG", "true").lower() in {"1", "true", "yes", "on"}
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

DEMO_PASSWORD: str | None = os.environ.get("SAFEBOARD_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
SAFEBOARD_PRODUCTION = False

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "govuk_frontend_django",
    "crispy_forms",
    "crispy_forms_gds",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "safeboard.core",
    "safeboard.accounts",
    "safeboard.partnership",
    "safeboard.meetings",
    "safeboard.actions",
    "safeboard.priorities",
    "safeboard.risks",
    "safeboard.challenges",
    "safeboard.reminders",
    "safeboard.scorecard",
    "safeboard.census",
    "safeboard.themes",
    "safeboard.reviews",
    "safeboard.audits",
    "safeboard.section11",
    "safeboard.learning",
    "safeboard.voice",
    "safeboard.child_deaths",
    "safeboard.national_learning",
    "safeboard.other_boards",
    "safeboard.impact",
    "safeboard.reports",
    "safeboard.self_assessment",
    "safeboard.public",
    "safeboard.exchange",
    "safeboard.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "safeboard.accounts.session_timeout.SessionTimeoutMiddleware",
    "safeboard.accounts.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "safeboard.config.urls"
WSGI_APPLICATION = "safeboard.config.wsgi.application"

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
                "safeboard.core.context_processors.navigation",
                "safeboard.public.context_processors.branding",
                "csp.context_processors.nonce",
            ],
        },
    },
]

FORM_RENDERER = "safeboard.core.form_renderer.WidgetRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'safeboard.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "safeboard.accounts.backends.PasswordBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
# Lock an account from the address that keeps failing, not the address alone: behind an
# office's proxy one person's typos must not lock out everyone else. Spraying many accounts
# from one address is slowed by the sign-in rate limit below instead.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "safeboard.accounts.lockout.normalised_username"
AXES_CLIENT_IP_CALLABLE = "safeboard.core.client_address.client_address"
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

OTP_TOTP_ISSUER = "SafeBoard"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
ASSETS_DIR = VAR_DIR / "assets"
STATICFILES_DIRS = [ASSETS_DIR / "static"]
# GOV.UK Frontend's stylesheet asks for its fonts and images at /assets/.
WHITENOISE_ROOT = ASSETS_DIR / "root"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
MAX_UPLOAD_BYTES = int(os.environ.get("SAFEBOARD_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() in {"1", "true", "yes"}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "SafeBoard <safeboard@localhost>")
# Who delivers email (safeboard.core.notify): "django" uses EMAIL_BACKEND above;
# "govuk_notify" uses GOV.UK Notify with the API key and template ids below.
SAFEBOARD_NOTIFY_BACKEND = os.environ.get("SAFEBOARD_NOTIFY_BACKEND", "django")
GOVUK_NOTIFY_API_KEY = os.environ.get("GOVUK_NOTIFY_API_KEY", "")
GOVUK_NOTIFY_TEMPLATE_ID = os.environ.get("GOVUK_NOTIFY_TEMPLATE_ID", "")
GOVUK_NOTIFY_FILE_TEMPLATE_ID = os.environ.get("GOVUK_NOTIFY_FILE_TEMPLATE_ID", "")
GOVUK_NOTIFY_REPLY_TO_ID = os.environ.get("GOVUK_NOTIFY_REPLY_TO_ID", "")

# Links in emails sent by the background worker, which has no request to take the host from.
# The partnership's name until the business manager sets it (with its logo) in SafeBoard.
SAFEBOARD_PARTNERSHIP_NAME = os.environ.get(
    "SAFEBOARD_PARTNERSHIP_NAME", "Safeguarding Children Partnership"
)
SAFEBOARD_SITE_URL = os.environ.get("SAFEBOARD_SITE_URL", "http://127.0.0.1:8000")
# The exchange of learning between boards: this board's stable identifier (in every item's
# id, so a neighbour's re-import is idempotent) and name; and whether feeds may be read over
# plain HTTP from the loopback interface (development and tests only; production needs HTTPS).
SAFEBOARD_BOARD_ID = os.environ.get("SAFEBOARD_BOARD_ID", "safeboard")
SAFEBOARD_BOARD_NAME = os.environ.get("SAFEBOARD_BOARD_NAME", "Safeguarding children partnership")
SAFEBOARD_EXCHANGE_HTTP_LOOPBACK = False
# The daily reminder run: the hour (local time) it runs at.
SAFEBOARD_REMINDER_HOUR = int(os.environ.get("SAFEBOARD_REMINDER_HOUR", "7"))
# Calendar days a challenge may stay unanswered past its due date before it escalates.
SAFEBOARD_CHALLENGE_ESCALATION_DAYS = int(
    os.environ.get("SAFEBOARD_CHALLENGE_ESCALATION_DAYS", "10")
)
# Calendar days an agency has to answer a query on one of its indicators.
SAFEBOARD_QUERY_RESPONSE_DAYS = int(os.environ.get("SAFEBOARD_QUERY_RESPONSE_DAYS", "20"))
# Minutes a census import may stay queued, checking or computing before it is failed as
# stopped (its worker died or timed out), so that it can be run again.
SAFEBOARD_CENSUS_IMPORT_TIMEOUT_MINUTES = int(
    os.environ.get("SAFEBOARD_CENSUS_IMPORT_TIMEOUT_MINUTES", "30")
)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # An API token and the session, refused to accounts that need a second factor and lack it.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "safeboard.scorecard.api.auth.ApiTokenAuthentication",
        "safeboard.scorecard.api.auth.VerifiedSessionAuthentication",
    ],
}
SPECTACULAR_SETTINGS = {"TITLE": "SafeBoard API", "VERSION": "0.1.0"}
# API tokens: only a digest is stored; each expires after this many days (knox).
REST_KNOX = {
    "TOKEN_TTL": datetime.timedelta(days=int(os.environ.get("SAFEBOARD_API_TOKEN_DAYS", "90"))),
    "AUTH_HEADER_PREFIX": "Token",
}

SESSION_COOKIE_HTTPONLY = True
# Signed out after this many minutes without doing anything, and this many hours after signing
# in however busy (safeboard.accounts.session_timeout); the cookie lasts no longer either.
SAFEBOARD_SESSION_IDLE_MINUTES = int(os.environ.get("SAFEBOARD_SESSION_IDLE_MINUTES", "30"))
SAFEBOARD_SESSION_MAX_HOURS = int(os.environ.get("SAFEBOARD_SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = SAFEBOARD_SESSION_MAX_HOURS * 60 * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The reverse proxy in front of SafeBoard, whose header names the client's address
# (e.g. X-Forwarded-For); empty means requests reach SafeBoard directly.
SAFEBOARD_TRUSTED_PROXY_HEADER = os.environ.get("SAFEBOARD_TRUSTED_PROXY_HEADER", "")
SAFEBOARD_TRUSTED_PROXY_COUNT = int(os.environ.get("SAFEBOARD_TRUSTED_PROXY_COUNT", "1"))
RATELIMIT_IP_META_KEY = "safeboard.core.client_address.client_address"
RATELIMIT_VIEW = "safeboard.accounts.views.rate_limited"
# Requests a client address may make to the sign-in and password reset forms.
SAFEBOARD_SIGN_IN_RATE = os.environ.get("SAFEBOARD_SIGN_IN_RATE", "30/m")
SAFEBOARD_PASSWORD_RESET_RATE = os.environ.get("SAFEBOARD_PASSWORD_RESET_RATE", "5/h")

# Rate limits, lock-outs' helpers and anything else cached live in a shared service, never in
# one process's memory, so any number of web processes enforce the same limits: Redis when
# REDIS_URL is set, else a table in the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "safeboard_cache",
        }
    )
}

# Uploaded files: S3-compatible object storage when a bucket is named, local disk otherwise.
# The credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables.
AWS_STORAGE_BUCKET_NAME = os.environ.get("SAFEBOARD_S3_BUCKET", "")
AWS_S3_ENDPOINT_URL = os.environ.get("SAFEBOARD_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = os.environ.get("SAFEBOARD_S3_REGION") or None
AWS_DEFAULT_ACL = None
AWS_QUERYSTRING_AUTH = True
AWS_S3_FILE_OVERWRITE = False
STORAGES = {
    "default": {
        "BACKEND": (
            "storages.backends.s3.S3Storage"
            if AWS_STORAGE_BUCKET_NAME
            else "django.core.files.storage.FileSystemStorage"
        )
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Content-Security-Policy: no inline script runs unless it carries the response's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features SafeBoard never uses, switched off for every page.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
