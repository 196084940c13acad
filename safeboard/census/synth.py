"""A synthetic Children in Need census: invented children, for tests, demos and benchmarks.

`write_census(out, children=N, seed=S, year=Y)` writes a census file for the year ending
31 March Y that validates against the Department for Education's schema of that year
(`CIN_schema_<Y>.xsd`: GenderCurrent in 2024, Sex from 2025). Every child is invented
(LAchildID "SYN000001", ..., no names, no UPNs); the same seed gives the same bytes.

Besides ordinary children (one to three episodes, some closed with no further action, some
with a Section 47 enquiry, an initial conference and a plan), some children carry the cases
the indicators must get right (`_Generator.scenarios`; one child in fifty of the first
thousand, one in a thousand after, so large files keep realistic proportions): a 29 February
referral with another dated 28 February twelve months away, referrals exactly twelve months
apart, assessments and Section 47 enquiries spanning the Christmas and Easter bank holidays, a
plan exactly two years long, several episodes, and plans, assessments and episodes still open
at the period end (their end dates missing).

It is written as text, one block of children at a time, so 200,000 children never sit in
memory and take seconds, not minutes. Every value is from a fixed list or a date: nothing needs
escaping.
"""

from __future__ import annotations

import calendar
import datetime
import random
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

SUPPORTED_YEARS = (2024, 2025, 2026)
BLOCK = 1000  # children written at a time

UNSUPPORTED_YEAR = "There is no census schema for {year}: choose one of {years}."

_SEX: dict[int, tuple[str, tuple[str, ...]]] = {2024: ("GenderCurrent", ("1", "2", "0", "9"))}
_SEX_FROM_2025: tuple[str, tuple[str, ...]] = ("Sex", ("M", "F", "U"))
_ETHNICITIES = ("WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "BCRB", "OOTH")
_DISABILITIES = ("NONE", "LD", "AUT", "COMM", "BEH")
_SOURCES = ("1A", "1C", "2A", "3A", "3B", "4", "5A", "5C", "6", "9", "10")
_NEEDS = ("N1", "N1", "N2", "N3", "N4", "N5", "N6", "N8")
_REASONS = ("RC7", "RC7", "RC3", "RC5", "RC6")
_FACTORS = ("1B", "2B", "3A", "3B", "4B", "16A", "17A", "21")
_ABUSE = ("NEG", "NEG", "EMO", "PHY", "SAB", "MUL")

ONE_DAY = datetime.timedelta(days=1)


def write_census(out: BinaryIO | Path | str, *, children: int, seed: int, year: int = 2025) -> None:
    """Write a synthetic census of `children` children for the year ending 31 March `year`.

    `out` is a path or a binary file object (not closed). Deterministic for a seed.
    """
    if year not in SUPPORTED_YEARS:
        raise ValueError(
            UNSUPPORTED_YEAR.format(year=year, years=", ".join(map(str, SUPPORTED_YEARS)))
        )
    if isinstance(out, str | Path):
        with open(out, "wb") as stream:
            _write(stream, children=children, seed=seed, year=year)
    else:
        _write(out, children=children, seed=seed, year=year)


def _write(out: BinaryIO, *, children: int, seed: int, year: int) -> None:
    generator = _Generator(random.Random(seed), year)
    out.write(_header(year).encode("ascii"))
    for first in range(1, children + 1, BLOCK):
        last = min(first + BLOCK, children + 1)
        out.write("".join(generator.child(number) for number in range(first, last)).encode("ascii"))
    out.write(b"</Children>\n</Message>\n")


def _header(year: int) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<Message>\n<Header>\n<CollectionDetails><Collection>CIN</Collection>"
        f"<Year>{year}</Year><ReferenceDate>{year}-03-31</ReferenceDate></CollectionDetails>\n"
        "<Source><SourceLevel>L</SourceLevel><LEA>999</LEA>"
        "<SoftwareCode>SafeBoard synthetic census</SoftwareCode><Release></Release>"
        f"<SerialNo>001</SerialNo><DateTime>{year}-04-01T00:00:00</DateTime></Source>\n"
        "</Header>\n<Children>\n"
    )


def easter_sunday(year: int) -> datetime.date:
    """Easter Sunday (the anonymous Gregorian algorithm): Good Friday and Easter Monday are
    bank holidays in England."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


class _Episode:
    """One CINdetails element's dates; None means the element is left out."""

    __slots__ = (
        "referral",
        "closure",
        "nfa",
        "need",
        "assessments",
        "s47",
        "icpc_not_required",
        "plans",
    )

    def __init__(self, referral: datetime.date) -> None:
        self.referral = referral
        self.closure: datetime.date | None = None
        self.nfa = False
        self.need = True
        self.assessments: list[tuple[datetime.date, datetime.date | None]] = []
        self.s47: list[tuple[datetime.date, datetime.date | None]] = []
        self.icpc_not_required = False
        self.plans: list[tuple[datetime.date, datetime.date | None, int]] = []


class _Generator:
    def __init__(self, rng: random.Random, year: int) -> None:
        self.rng = rng
        self.year = year
        self.period_start = datetime.date(year - 1, 4, 1)
        self.period_end = datetime.date(year, 3, 31)
        self.sex_tag, self.sexes = _SEX.get(year, _SEX_FROM_2025)
        self.scenarios: tuple[Callable[[], list[_Episode]], ...] = (
            self.leap_day_referrals,
            self.referrals_twelve_months_apart,
            self.christmas,
            self.easter,
            self.plan_two_years_long,
            self.open_at_period_end,
            self.several_episodes,
        )

    # ---- children -------------------------------------------------------------------------

    def child(self, number: int) -> str:
        rng = self.rng
        scenario = number % 50 if number <= 1000 else number % 1000
        make = self.scenarios[scenario] if scenario < len(self.scenarios) else self.ordinary
        episodes = make()
        birth = episodes[0].referral - datetime.timedelta(days=rng.randrange(0, 14 * 365))
        disabilities = ""
        if rng.random() < 0.3:
            disabilities = (
                f"<Disabilities><Disability>{rng.choice(_DISABILITIES)}</Disability></Disabilities>"
            )
        return (
            f"<Child><ChildIdentifiers><LAchildID>SYN{number:06d}</LAchildID>"
            f"<PersonBirthDate>{birth}</PersonBirthDate>"
            f"<{self.sex_tag}>{rng.choice(self.sexes)}</{self.sex_tag}></ChildIdentifiers>"
            f"<ChildCharacteristics><Ethnicity>{rng.choice(_ETHNICITIES)}</Ethnicity>"
            f"{disabilities}</ChildCharacteristics>\n"
            + "".join(self.render(episode) for episode in episodes)
            + "</Child>\n"
        )

    def render(self, episode: _Episode) -> str:
        rng = self.rng
        parts = [f"<CINdetails><CINreferralDate>{episode.referral}</CINreferralDate>"]
        parts.append(f"<ReferralSource>{rng.choice(_SOURCES)}</ReferralSource>")
        if episode.need:
            parts.append(f"<PrimaryNeedCode>{rng.choice(_NEEDS)}</PrimaryNeedCode>")
        if episode.closure is not None:
            parts.append(f"<CINclosureDate>{episode.closure}</CINclosureDate>")
            reason = "RC8" if episode.nfa else rng.choice(_REASONS)
            parts.append(f"<ReasonForClosure>{reason}</ReasonForClosure>")
        icpcs = [icpc for _start, icpc in episode.s47 if icpc is not None]
        if icpcs:
            parts.append(f"<DateOfInitialCPC>{icpcs[0]}</DateOfInitialCPC>")
        for start, authorised in episode.assessments:
            parts.append(
                f"<Assessments><AssessmentActualStartDate>{start}</AssessmentActualStartDate>"
            )
            if authorised is not None:
                parts.append(
                    f"<AssessmentAuthorisationDate>{authorised}</AssessmentAuthorisationDate>"
                    "<FactorsIdentifiedAtAssessment>"
                    f"<AssessmentFactors>{rng.choice(_FACTORS)}</AssessmentFactors>"
                    "</FactorsIdentifiedAtAssessment>"
                )
            parts.append("</Assessments>")
        if episode.assessments and not episode.plans and episode.assessments[0][1] is not None:
            plan_start = episode.assessments[0][1]
            parts.append(f"<CINPlanDates><CINPlanStartDate>{plan_start}</CINPlanStartDate>")
            if episode.closure is not None:
                parts.append(f"<CINPlanEndDate>{episode.closure}</CINPlanEndDate>")
            parts.append("</CINPlanDates>")
        for start, icpc in episode.s47:
            parts.append(f"<Section47><S47ActualStartDate>{start}</S47ActualStartDate>")
            if icpc is not None:
                parts.append(f"<DateOfInitialCPC>{icpc}</DateOfInitialCPC>")
            not_required = "1" if icpc is None and episode.icpc_not_required else "0"
            parts.append(f"<ICPCnotRequired>{not_required}</ICPCnotRequired></Section47>")
        parts.append(f"<ReferralNFA>{int(episode.nfa)}</ReferralNFA>")
        for start, end, previous in episode.plans:
            parts.append(f"<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate>")
            if end is not None:
                parts.append(f"<CPPendDate>{end}</CPPendDate>")
            abuse = rng.choice(_ABUSE)
            parts.append(
                f"<InitialCategoryOfAbuse>{abuse}</InitialCategoryOfAbuse>"
                f"<LatestCategoryOfAbuse>{abuse}</LatestCategoryOfAbuse>"
                f"<NumberOfPreviousCPP>{previous}</NumberOfPreviousCPP>"
            )
            if end is None and start + datetime.timedelta(days=90) <= self.period_end:
                parts.append(
                    f"<Reviews><CPPreviewDate>{start + datetime.timedelta(days=90)}</CPPreviewDate></Reviews>"
                )
            parts.append("</ChildProtectionPlans>")
        parts.append("</CINdetails>\n")
        return "".join(parts)

    # ---- ordinary children ----------------------------------------------------------------

    def later(self, date: datetime.date, low: int, high: int) -> datetime.date | None:
        """A date `low`–`high` days after `date`, or None (left out) if after the period end."""
        result = date + datetime.timedelta(days=self.rng.randint(low, high))
        return result if result <= self.period_end else None

    def ordinary(self) -> list[_Episode]:
        rng = self.rng
        count = rng.choices((1, 2, 3), weights=(70, 22, 8))[0]
        referral: datetime.date | None = self.period_end - datetime.timedelta(
            days=rng.randrange(0, 3 * 365)
        )
        episodes: list[_Episode] = []
        while referral is not None and len(episodes) < count:
            episode = self.ordinary_episode(referral)
            episodes.append(episode)
            if episode.closure is None:
                break
            referral = self.later(episode.closure, 1, 400)
        return episodes

    def ordinary_episode(self, referral: datetime.date) -> _Episode:
        rng = self.rng
        episode = _Episode(referral)
        if rng.random() < 0.15:
            episode.nfa = True
            episode.need = False
            episode.closure = referral
            return episode
        last = referral
        start = self.later(referral, 0, 5)
        if start is not None:
            authorised = self.later(start, 3, 75)
            episode.assessments.append((start, authorised))
            last = authorised or start
        if rng.random() < 0.3:
            s47_start = self.later(referral, 0, 10)
            if s47_start is not None:
                icpc = self.later(s47_start, 3, 30) if rng.random() < 0.7 else None
                episode.icpc_not_required = icpc is None and rng.random() < 0.5
                episode.s47.append((s47_start, icpc))
                last = max(last, s47_start)
                if icpc is not None:
                    last = max(last, icpc)
                    if rng.random() < 0.8:
                        end = self.later(icpc, 60, 500 if rng.random() < 0.9 else 800)
                        previous = rng.choices((0, 1, 2), weights=(80, 15, 5))[0]
                        episode.plans.append((icpc, end, previous))
                        if end is None:
                            return episode  # a plan open at the period end: the episode too
                        last = end
        if rng.random() < 0.75:
            episode.closure = self.later(last, 0, 120)
        return episode

    # ---- the edge cases -------------------------------------------------------------------

    def closed_referral(self, referral: datetime.date, *, nfa: bool) -> _Episode:
        episode = _Episode(referral)
        episode.nfa = nfa
        episode.need = not nfa
        if nfa:
            episode.closure = referral
        else:
            start = referral + ONE_DAY
            episode.assessments.append((start, start + datetime.timedelta(days=20)))
            episode.closure = start + datetime.timedelta(days=30)
        return episode

    def leap_day_referrals(self) -> list[_Episode]:
        """29 February and 28 February twelve months apart, on whichever side the period has."""
        if calendar.isleap(self.year):
            first, second = datetime.date(self.year - 1, 2, 28), datetime.date(self.year, 2, 29)
        else:
            leap = max(y for y in range(self.year - 4, self.year) if calendar.isleap(y))
            first, second = datetime.date(leap, 2, 29), datetime.date(leap + 1, 2, 28)
        return [self.closed_referral(first, nfa=True), self.closed_referral(second, nfa=True)]

    def referrals_twelve_months_apart(self) -> list[_Episode]:
        second = datetime.date(self.year - 1, 10, 14)
        first = second.replace(year=second.year - 1)
        return [self.closed_referral(first, nfa=False), self.closed_referral(second, nfa=False)]

    def christmas(self) -> list[_Episode]:
        """Assessment and Section 47 spanning Christmas Day, Boxing Day and New Year's Day."""
        episode = _Episode(datetime.date(self.year - 1, 12, 18))
        episode.assessments.append(
            (datetime.date(self.year - 1, 12, 19), datetime.date(self.year, 2, 20))
        )
        icpc = datetime.date(self.year, 1, 9)
        episode.s47.append((datetime.date(self.year - 1, 12, 20), icpc))
        episode.plans.append((icpc, None, 0))
        return [episode]

    def easter(self) -> list[_Episode]:
        """Assessment and Section 47 spanning Good Friday and Easter Monday."""
        sunday = easter_sunday(self.year - 1)
        good_friday, easter_monday = sunday - 2 * ONE_DAY, sunday + ONE_DAY
        episode = _Episode(good_friday - 4 * ONE_DAY)
        episode.assessments.append((good_friday - ONE_DAY, easter_monday + ONE_DAY))
        icpc = easter_monday + 4 * ONE_DAY
        episode.s47.append((good_friday - 3 * ONE_DAY, icpc))
        end = icpc + datetime.timedelta(days=150)
        episode.plans.append((icpc, end, 1))
        episode.closure = end + 10 * ONE_DAY
        return [episode]

    def plan_two_years_long(self) -> list[_Episode]:
        start = datetime.date(self.year - 3, 5, 20)
        episode = _Episode(datetime.date(self.year - 3, 5, 1))
        episode.assessments.append(
            (datetime.date(self.year - 3, 5, 2), datetime.date(self.year - 3, 5, 15))
        )
        episode.s47.append((datetime.date(self.year - 3, 5, 2), start))
        episode.plans.append((start, start.replace(year=start.year + 2), 1))
        episode.closure = datetime.date(self.year - 1, 6, 1)
        return [episode]

    def open_at_period_end(self) -> list[_Episode]:
        """Missing elements: no closure, no PrimaryNeedCode, no authorisation, no plan end."""
        rng = self.rng
        referral = self.period_start + datetime.timedelta(days=rng.randrange(0, 200))
        episode = _Episode(referral)
        episode.need = False
        episode.assessments.append((referral + ONE_DAY, None))
        episode.s47.append((referral + ONE_DAY, referral + 10 * ONE_DAY))
        episode.plans.append((referral + 10 * ONE_DAY, None, 2))
        episode.s47.append((referral + 20 * ONE_DAY, None))
        episode.icpc_not_required = True
        return [episode]

    def several_episodes(self) -> list[_Episode]:
        referral = self.period_start - datetime.timedelta(days=self.rng.randrange(200, 400))
        episodes = []
        for nfa in (True, False, True):
            episode = self.closed_referral(referral, nfa=nfa)
            episodes.append(episode)
            assert episode.closure is not None
            referral = episode.closure + datetime.timedelta(days=self.rng.randrange(20, 90))
        episodes.append(self.ordinary_episode(referral))
        return episodes
