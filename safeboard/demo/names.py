"""Invented names for the demo partnership: common first names and surnames, paired at random.

Every pairing is made up; none is meant to be anyone. The county of Brackenshire and its
towns (Brackford, Holtham, Northgate) are invented too.
"""

from __future__ import annotations

import random

COUNTY = "Brackenshire"
PARTNERSHIP_NAME = f"{COUNTY} Safeguarding Children Partnership"
EMAIL_DOMAIN = "demo.safeboard.test"

FIRST_NAMES = (
    "Aisha", "Alex", "Amara", "Amrit", "Andrew", "Bethan", "Callum", "Carys", "Chloe",
    "Claire", "Daniel", "Deborah", "Dominic", "Eleanor", "Emeka", "Fatima", "Fiona",
    "Gareth", "Grace", "Hannah", "Harriet", "Imran", "Isla", "Jack", "Jasmine", "Joanne",
    "Jonathan", "Karen", "Kwame", "Laura", "Leon", "Lucy", "Mark", "Martin", "Megan",
    "Michelle", "Nadia", "Naomi", "Neil", "Niamh", "Oliver", "Owen", "Paul", "Priya",
    "Rachel", "Rebecca", "Rhys", "Richard", "Rosa", "Ruth", "Samir", "Sarah", "Sean",
    "Simon", "Sophie", "Stephen", "Tariq", "Tom", "Vanessa", "Wendy", "Yasmin", "Zoe",
)  # fmt: skip

SURNAMES = (
    "Adeyemi", "Ahmed", "Ashworth", "Bailey", "Bennett", "Bhatt", "Boateng", "Bradshaw",
    "Carver", "Chaudhry", "Coleman", "Dawson", "Doyle", "Ellison", "Fairbrother", "Fenwick",
    "Fletcher", "Garside", "Gill", "Greenhalgh", "Hartley", "Hollis", "Hussain", "Iqbal",
    "Jennings", "Kaur", "Kendrick", "Lacey", "Lindqvist", "Lloyd", "Mahmood", "Marsden",
    "McAllister", "Mensah", "Mistry", "Moreland", "Nowak", "Okafor", "Osei", "Pagett",
    "Pemberton", "Quinlan", "Radcliffe", "Rahman", "Redfern", "Rowntree", "Sandhu",
    "Sheridan", "Sowerby", "Stainton", "Tennant", "Thackeray", "Varley", "Wainwright",
    "Whitlock", "Wilde", "Yardley", "Zielinski",
)  # fmt: skip


class NameBook:
    """Hands out invented full names, each used once."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def full_name(self) -> str:
        while True:
            name = f"{self._rng.choice(FIRST_NAMES)} {self._rng.choice(SURNAMES)}"
            if name not in self._used:
                self._used.add(name)
                return name


def email_for(full_name: str, alias: str = "") -> str:
    local = alias or full_name.lower().replace(" ", ".").replace("'", "")
    return f"{local}@{EMAIL_DOMAIN}"
