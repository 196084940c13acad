"""Settings for the test suite: fast hashing, in-memory email, no lock-out surprises."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SAFEBOARD_NOTIFY_BACKEND = "django"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
# Many tests sign in from one address within a minute; the rate-limit tests set their own.
SAFEBOARD_SIGN_IN_RATE = "10000/m"
SAFEBOARD_PASSWORD_RESET_RATE = "10000/m"
# Two instances exchange learning over the loopback interface in the tests.
SAFEBOARD_EXCHANGE_HTTP_LOOPBACK = True
