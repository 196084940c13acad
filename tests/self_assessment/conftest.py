# The demo partnership, built once for the module that asks for it (tests/demo/conftest.py).
from tests.demo.conftest import demo, demo_db  # noqa: F401
