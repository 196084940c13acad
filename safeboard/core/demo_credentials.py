"""The demo's public credentials, named in one place so production can refuse them."""

DEMO_SECRET_KEY = "demo-only-not-secret-safeboard-demo-partnership-key"
DEFAULT_DEMO_PASSWORD = "safeboard-demo"
KNOWN_DEMO_PASSWORDS = (DEFAULT_DEMO_PASSWORD,)
