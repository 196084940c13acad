"""Search is for everyone signed in with a role: it reads only the reviews each may see."""

from tests.access import EVERY_ROLE, AccessCase

ACCESS_CASES = [
    AccessCase("reviews:search", EVERY_ROLE),
]
