"""The demo partnership's scorecard: a multi-agency catalogue of 40 indicators.

Every figure is invented. Each indicator has a usual level, how much it varies from period
to period, and, for some, a change the partnership would want to notice: a step (a new
process, a surge of demand) or a steady trend. The agency keys are those of the demo
partnership (people.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from safeboard.scorecard.models import Perspective, Polarity
from safeboard.scorecard.periods import Frequency
from safeboard.scorecard.values import Unit

M, Q, A = Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.ANNUAL
COUNT, PCT, RATE = Unit.COUNT, Unit.PERCENTAGE, Unit.RATE_PER_10K
UP, DOWN, NEITHER = Polarity.UP, Polarity.DOWN, Polarity.NONE
QUANTITY, TIMELINESS = Perspective.QUANTITY, Perspective.TIMELINESS
QUALITY, OUTCOMES = Perspective.QUALITY, Perspective.OUTCOMES


@dataclass(frozen=True)
class Change:
    """A real change in a series: from point `at` (counting from the oldest), a step of
    `amount`, or a trend of `amount` a period for `periods` periods."""

    at: int
    amount: float
    kind: str = "step"  # or "trend"
    periods: int = 0


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    agency: str
    unit: str
    polarity: str
    frequency: str
    perspective: str
    definition: str
    level: float
    spread: float
    numerator: str = ""
    denominator: str = ""
    target: float | None = None
    tolerance: float | None = None
    source: str = ""
    census_key: str = ""
    changes: tuple[Change, ...] = field(default_factory=tuple)
    # Themes of the demo business plan this indicator shows progress on.
    themes: tuple[str, ...] = ()


CASE_SYSTEM = "Children's services case management system"
POLICE_SYSTEM = "Police records management system"
CENSUS = "Children in Need census (computed by SafeBoard)"

# Fields in order: code, name, agency, unit, polarity, frequency, perspective, definition,
# level, spread, then numerator and denominator; the rest by name.
# fmt: off
CATALOGUE: tuple[IndicatorSpec, ...] = (
    # Children's social care ----------------------------------------------------------------
    IndicatorSpec(
        "CSC-01", "Referrals to children's social care per 10,000 children", "la", RATE,
        NEITHER, M, QUANTITY,
        "Referrals accepted by children's social care in the month, per 10,000 children "
        "aged 0 to 17 living in the county.",
        43, 3.5, "Referrals accepted in the month.", "Children aged 0 to 17 (mid-year estimate).",
        source=CASE_SYSTEM, changes=(Change(20, 6),),
    ),
    IndicatorSpec(
        "CSC-02", "Re-referrals within 12 months", "la", PCT, DOWN, M, QUALITY,
        "Referrals in the month for a child who had another referral in the 12 months before.",
        23, 2.2, "Referrals in the month with an earlier referral within 12 months.",
        "Referrals in the month.", target=20, tolerance=2, source=CASE_SYSTEM,
        changes=(Change(14, -0.35, "trend", 12),), themes=("neglect",),
    ),
    IndicatorSpec(
        "CSC-03", "Assessments completed within 45 working days", "la", PCT, UP, M, TIMELINESS,
        "Children and family assessments authorised in the month that were completed within "
        "45 working days of the referral.",
        86, 2.5, "Assessments completed within 45 working days.",
        "Assessments authorised in the month.", target=85, tolerance=3, source=CASE_SYSTEM,
        changes=(Change(18, -9), Change(27, 8)),
    ),
    IndicatorSpec(
        "CSC-04", "Section 47 enquiries per 10,000 children", "la", RATE, NEITHER, M, QUANTITY,
        "Section 47 enquiries into suspected significant harm started in the month, per "
        "10,000 children.",
        14, 1.6, "Section 47 enquiries started.", "Children aged 0 to 17.", source=CASE_SYSTEM,
    ),
    IndicatorSpec(
        "CSC-05", "Initial child protection conferences within 15 working days", "la", PCT,
        UP, M, TIMELINESS,
        "Initial child protection conferences held in the month within 15 working days of "
        "the start of the Section 47 enquiry.",
        76, 4, "Conferences held within 15 working days.", "Initial conferences held.",
        target=85, tolerance=5, source=CASE_SYSTEM, changes=(Change(12, 0.6, "trend", 20),),
    ),
    IndicatorSpec(
        "CSC-06", "Children subject to a child protection plan per 10,000 children", "la",
        RATE, NEITHER, M, OUTCOMES,
        "Children subject to a child protection plan on the last day of the month, per "
        "10,000 children.",
        40, 1.5, "Children on a plan at the end of the month.", "Children aged 0 to 17.",
        source=CASE_SYSTEM, changes=(Change(24, 5),), themes=("neglect",),
    ),
    IndicatorSpec(
        "CSC-07", "Plans starting that are a second or subsequent plan", "la", PCT, DOWN, M,
        OUTCOMES,
        "Child protection plans started in the month for a child who has had a plan before.",
        22, 5, "Plans started for a child with an earlier plan.", "Plans started.",
        target=18, tolerance=3, source=CASE_SYSTEM, themes=("neglect",),
    ),
    IndicatorSpec(
        "CSC-08", "Child protection plans reviewed within timescale", "la", PCT, UP, M,
        TIMELINESS,
        "Review child protection conferences held in the month within the statutory "
        "timescale.",
        95, 2, "Reviews held within timescale.", "Reviews held.", target=98, tolerance=2,
        source=CASE_SYSTEM,
    ),
    IndicatorSpec(
        "CSC-09", "Children on a plan seen within the last 10 working days", "la", PCT, UP, M,
        QUALITY,
        "Children on a child protection plan at the end of the month who were seen alone or "
        "with family by their social worker in the last 10 working days.",
        88, 2.5, "Children seen within 10 working days.", "Children on a plan.",
        target=90, tolerance=3, source=CASE_SYSTEM,
    ),
    IndicatorSpec(
        "CSC-10", "Contacts with a MASH decision within one working day", "la", PCT, UP, M,
        TIMELINESS,
        "Contacts to the multi-agency safeguarding hub with a decision on next steps within "
        "one working day.",
        91, 2.5, "Contacts decided within one working day.", "Contacts received.", target=95,
        tolerance=3, source=CASE_SYSTEM, changes=(Change(9, -6), Change(15, 6)),
    ),
    IndicatorSpec(
        "CSC-11", "Return home interviews offered within 72 hours", "la", PCT, UP, M,
        TIMELINESS,
        "Episodes of a child going missing in the month after which the child was offered "
        "a return home interview within 72 hours of coming back.",
        71, 5, "Interviews offered within 72 hours.", "Missing episodes ended.", target=85,
        tolerance=5, source=CASE_SYSTEM, changes=(Change(22, 12),), themes=("exploitation",),
    ),
    IndicatorSpec(
        "CSC-12", "Social worker vacancy rate", "la", PCT, DOWN, M, QUALITY,
        "Vacant social worker posts at the end of the month, filled by agency staff or not.",
        17, 1.2, "Vacant posts.", "Funded social worker posts.", target=12, tolerance=2,
        source="Workforce records", changes=(Change(6, 0.3, "trend", 14),),
    ),
    # Children in Need census (annual, computed) ---------------------------------------------
    # No level or spread: their figures are computed by the census import (census.py).
    IndicatorSpec(
        "CIN-01", "Re-referrals within 12 months (census)", "la", PCT, DOWN, A, QUALITY,
        "Referrals in the year for a child with an earlier referral in the 12 months before, "
        "as computed from the Children in Need census.",
        0, 0, target=20, tolerance=2, source=CENSUS, census_key="re_referral_pct",
    ),
    IndicatorSpec(
        "CIN-02", "Assessments within 45 working days (census)", "la", PCT, UP, A, TIMELINESS,
        "Assessments authorised in the year that were completed within 45 working days.",
        0, 0, target=85, tolerance=3, source=CENSUS, census_key="assessments_within_45wd_pct",
    ),
    IndicatorSpec(
        "CIN-03", "Initial conferences within 15 working days (census)", "la", PCT, UP, A,
        TIMELINESS,
        "Initial child protection conferences in the year held within 15 working days of the "
        "start of the Section 47 enquiry.",
        0, 0, target=85, tolerance=5, source=CENSUS, census_key="icpcs_within_15wd_pct",
    ),
    IndicatorSpec(
        "CIN-04", "Plans ending after two years or more (census)", "la", PCT, DOWN, A,
        OUTCOMES,
        "Child protection plans ended in the year that had lasted two years or more.",
        0, 0, target=4, tolerance=1, source=CENSUS, census_key="cpp_ended_2y_plus_pct",
    ),
    # Police --------------------------------------------------------------------------------
    IndicatorSpec(
        "POL-01", "Domestic abuse incidents with children present", "police", COUNT, NEITHER,
        M, QUANTITY,
        "Domestic abuse incidents recorded in the month at which a child was present or "
        "normally lives at the address.",
        310, 22, source=POLICE_SYSTEM, changes=(Change(26, 45),), themes=("domestic_abuse",),
    ),
    IndicatorSpec(
        "POL-02", "Missing-child episodes", "police", COUNT, DOWN, M, OUTCOMES,
        "Episodes in the month of a child under 18 reported missing to the police.",
        185, 14, source=POLICE_SYSTEM, changes=(Change(16, -3, "trend", 15),),
        themes=("exploitation",),
    ),
    IndicatorSpec(
        "POL-03", "Children missing three or more times in the month", "police", COUNT, DOWN,
        M, OUTCOMES,
        "Children reported missing on three or more separate occasions in the month.",
        24, 4, source=POLICE_SYSTEM, themes=("exploitation",),
    ),
    IndicatorSpec(
        "POL-04", "Strategy discussions with police attending", "police", PCT, UP, M, QUALITY,
        "Strategy discussions held in the month at which the police took part.",
        93, 2.5, "Strategy discussions with police.", "Strategy discussions held.", target=98,
        tolerance=3, source="MASH records",
    ),
    IndicatorSpec(
        "POL-05", "Children detained overnight in police custody", "police", COUNT, DOWN, M,
        OUTCOMES,
        "Children charged and held overnight in police custody rather than moved to local "
        "authority accommodation.",
        6, 2, source=POLICE_SYSTEM,
    ),
    IndicatorSpec(
        "POL-06", "Schools told of domestic abuse incidents before the next school day",
        "police", PCT, UP, M, TIMELINESS,
        "Domestic abuse incidents involving a school-age child where the child's school was "
        "told before the start of the next school day (Operation Encompass).",
        88, 3, "Incidents notified in time.", "Incidents involving a school-age child.",
        target=95, tolerance=3, source=POLICE_SYSTEM, changes=(Change(10, 6),),
        themes=("domestic_abuse",),
    ),
    IndicatorSpec(
        "POL-07", "Child sexual abuse offences recorded", "police", COUNT, NEITHER, M, QUANTITY,
        "Sexual offences against children under 18 recorded in the month.",
        62, 8, source=POLICE_SYSTEM,
    ),
    # Health --------------------------------------------------------------------------------
    IndicatorSpec(
        "HLT-01", "Health assessments for children on plans within 20 working days",
        "community", PCT, UP, M, TIMELINESS,
        "Children who became subject to a child protection plan whose health assessment was "
        "completed within 20 working days.",
        74, 5, "Assessments completed within 20 working days.", "Children starting a plan.",
        target=90, tolerance=5, source="Community health records",
        changes=(Change(20, 1.1, "trend", 12),), themes=("neglect",),
    ),
    IndicatorSpec(
        "HLT-02", "Initial health assessments for children looked after within 20 working days",
        "icb", PCT, UP, M, TIMELINESS,
        "Children coming into care whose initial health assessment was done within 20 "
        "working days.",
        52, 7, "Assessments within 20 working days.", "Children coming into care.", target=80,
        tolerance=10, source="Looked-after children's health team",
    ),
    IndicatorSpec(
        "HLT-03", "New birth visits within 14 days", "community", PCT, UP, Q, TIMELINESS,
        "Babies whose new birth visit by a health visitor took place within 14 days of birth.",
        89, 2, "Visits within 14 days.", "Births.", target=95, tolerance=3,
        source="Health visiting records",
    ),
    IndicatorSpec(
        "HLT-04", "Health visitor reports to child protection conferences", "community", PCT,
        UP, M, QUALITY,
        "Initial and review conferences about a child under 5 for which the health visitor "
        "sent a written report.",
        84, 4, target=95, tolerance=5, source="Health visiting records",
    ),
    IndicatorSpec(
        "HLT-05", "Children attending emergency departments after self-harm", "acute", COUNT,
        DOWN, M, OUTCOMES,
        "Attendances by children under 18 at the emergency departments after self-harm.",
        38, 6, source="Emergency department records", changes=(Change(28, 9),),
    ),
    IndicatorSpec(
        "HLT-06", "Under-18 emergency attendances with a safeguarding check", "acute", PCT, UP,
        M, QUALITY,
        "Emergency department attendances by children under 18 where the child protection "
        "information was checked.",
        94, 1.5, target=98, tolerance=2, source="Emergency department records",
    ),
    IndicatorSpec(
        "HLT-07", "GP reports to initial child protection conferences", "gp", PCT, UP, Q,
        QUALITY,
        "Initial child protection conferences for which the child's GP practice sent a "
        "report.",
        58, 5, target=80, tolerance=10, source="Conference records",
        changes=(Change(4, 2.5, "trend", 8),),
    ),
    IndicatorSpec(
        "HLT-08", "Mental health referrals seen within four weeks", "community", PCT, UP, Q,
        TIMELINESS,
        "Children referred to the children and young people's mental health service who "
        "were seen within four weeks.",
        51, 4, target=75, tolerance=10, source="Mental health service records",
    ),
    # Education -----------------------------------------------------------------------------
    IndicatorSpec(
        "EDU-01", "Suspensions of children with a social worker", "schools", COUNT, DOWN, M,
        OUTCOMES,
        "Suspensions (fixed-period exclusions) in the month of children who have a social "
        "worker.",
        34, 7, source="Schools' census returns",
    ),
    IndicatorSpec(
        "EDU-02", "Permanent exclusions of children with a social worker", "schools", COUNT,
        DOWN, Q, OUTCOMES,
        "Permanent exclusions in the quarter of children who have a social worker.",
        4, 1.5, source="Schools' census returns",
    ),
    IndicatorSpec(
        "EDU-03", "Attendance of children on a child protection plan", "schools", PCT, UP, M,
        OUTCOMES,
        "Sessions attended by school-age children on a child protection plan, of the "
        "sessions possible in the month.",
        86, 2.5, target=92, tolerance=3, source="Attendance data", themes=("neglect",),
    ),
    IndicatorSpec(
        "EDU-04", "Children missing education", "schools", COUNT, DOWN, M, OUTCOMES,
        "Children of compulsory school age known at the end of the month not to be on a "
        "school roll or receiving suitable education otherwise.",
        118, 9, source="Education welfare service", changes=(Change(19, 25),),
        themes=("exploitation",),
    ),
    IndicatorSpec(
        "EDU-05", "Referrals to the MASH from schools", "academies", COUNT, NEITHER, M,
        QUANTITY,
        "Contacts to the multi-agency safeguarding hub made by schools and academies in the "
        "month.",
        205, 25, source="MASH records",
    ),
    IndicatorSpec(
        "EDU-06", "Schools with a completed safeguarding audit", "schools", PCT, UP, A, QUALITY,
        "Schools that returned their annual Section 175 safeguarding audit.",
        90, 3, target=100, tolerance=5, source="Section 175 returns",
    ),
    # Probation and youth justice ------------------------------------------------------------
    IndicatorSpec(
        "PRB-01", "Child safeguarding enquiries made before sentence", "probation", PCT, UP, M,
        QUALITY,
        "Pre-sentence reports for which a child safeguarding enquiry was made with children's "
        "services.",
        87, 3.5, target=95, tolerance=3, source="Probation case records",
        themes=("domestic_abuse",),
    ),
    IndicatorSpec(
        "PRB-02", "Home visits where there are child safeguarding concerns", "probation", PCT,
        UP, Q, QUALITY,
        "People on probation with child safeguarding concerns who had a home visit in the "
        "quarter.",
        68, 5, target=85, tolerance=5, source="Probation case records",
    ),
    IndicatorSpec(
        "YJS-01", "First-time entrants to the youth justice system per 10,000 children aged "
        "10 to 17", "yjs", RATE, DOWN, Q, OUTCOMES,
        "Children aged 10 to 17 receiving their first youth caution or court sentence in the "
        "quarter, per 10,000 children of that age.",
        4.2, 0.5, source="Youth justice case records", changes=(Change(6, -1.1),),
    ),
    IndicatorSpec(
        "YJS-02", "Children in suitable education, training or employment", "yjs", PCT, UP, Q,
        OUTCOMES,
        "Children whose youth justice order ended in the quarter who were in suitable "
        "education, training or employment at its end.",
        67, 5, target=80, tolerance=5, source="Youth justice case records",
    ),
    # Voluntary and community sector --------------------------------------------------------
    IndicatorSpec(
        "VCS-01", "Children supported by domestic abuse services", "harbour", COUNT, NEITHER,
        M, QUANTITY,
        "Children who received support in the month from the domestic abuse service.",
        94, 9, source="Service records", changes=(Change(26, 14),), themes=("domestic_abuse",),
    ),
)

# England's published figures (DfE "Children in need" statistics) for the census
# indicators, by (code, the calendar year the financial year ends in).
ENGLAND = {
    ("CIN-01", 2024): 22.4,
    ("CIN-02", 2025): 85.7,
    ("CIN-03", 2025): 81.4,
    ("CIN-04", 2025): 4.4,
}
