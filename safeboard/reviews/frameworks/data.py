"""The editions of Working Together a fresh SafeBoard starts with (loaded by migration 0002).

Criteria and timescales follow DATA.md, "Statutory timescales (England)"; the wording of each
criterion is the partnership's own summary, not a quotation. A partnership whose procedures
differ edits the table in SafeBoard: a review already referred keeps the timescales it was
referred under.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

MUST, CONSIDER, NOTIFY, REGARD = "must", "consider", "notify", "regard"
# How a review's quality was judged: Ofsted graded serious case reviews from 2007 into 2012;
# later reviews carry the national Panel's feedback instead.
OFSTED_GRADE, PANEL_FEEDBACK = "ofsted_grade", "panel_feedback"

# A criterion: its code, its kind (must, consider or notify) and its wording.
CriterionSpec = tuple[str, str, str]


class EditionSpec(TypedDict):
    """One edition as the table holds it: the Edition's fields, and its criteria."""

    code: str
    name: str
    year: int
    regime: str
    notification_body: str
    notification_working_days: int | None
    rapid_review_working_days: int | None
    decision_working_days: int | None
    review_months: int
    guidance: str
    criteria: list[CriterionSpec]
    quality: NotRequired[str]
    is_current: NotRequired[bool]


# The decision whether to hold a serious case review had no national deadline. Fifteen working
# days (three weeks, the time a rapid review later took) is SafeBoard's default working
# timescale; each partnership sets its own.
SCR_DECISION_WORKING_DAYS = 15

WT2010: EditionSpec = {
    "code": "wt2010",
    "name": "Working Together 2010",
    "year": 2010,
    "regime": "scr",
    "notification_body": "",
    "notification_working_days": None,
    "rapid_review_working_days": None,
    "decision_working_days": SCR_DECISION_WORKING_DAYS,
    "review_months": 6,
    "quality": OFSTED_GRADE,
    "guidance": (
        "The LSCB decides whether to hold a serious case review (SCR). One is always held when "
        "abuse or neglect is known or suspected to be a factor in a child's death; in the "
        "other cases below the board considers one, looking in particular at whether the case "
        "raises concerns about how local professionals and services worked together. The "
        "decision is due within 15 working days of the board becoming aware: a working "
        "timescale of the partnership, not a national one. An SCR is completed within six "
        "months of the decision to hold it; where it cannot be, the board revises the "
        "timetable and explains why. Ofsted evaluated each SCR as good, adequate or inadequate."
    ),
    "criteria": [
        (
            "M1",
            MUST,
            "Abuse or neglect is known or suspected to be a factor in the child's death "
            "(death by suicide included).",
        ),
        (
            "C1",
            CONSIDER,
            "Through abuse or neglect the child has suffered a potentially life-threatening "
            "injury, or serious and permanent impairment of health or development.",
        ),
        ("C2", CONSIDER, "The child has been seriously harmed through sexual abuse."),
        (
            "C3",
            CONSIDER,
            "A parent has been murdered and a domestic homicide review has been started.",
        ),
        (
            "C4",
            CONSIDER,
            "The child has been seriously harmed by a violent assault by another child or by "
            "an adult.",
        ),
        (
            "C5",
            CONSIDER,
            "The case gives rise to concerns about how local professionals and services "
            "worked together to safeguard the child.",
        ),
    ],
}

WT2013: EditionSpec = {
    "code": "wt2013",
    "name": "Working Together 2013",
    "year": 2013,
    "regime": "scr",
    "notification_body": "Ofsted",
    "notification_working_days": 5,
    "rapid_review_working_days": None,
    "decision_working_days": SCR_DECISION_WORKING_DAYS,
    "review_months": 6,
    "guidance": (
        "A serious case is one where abuse or neglect is known or suspected and the child has "
        "died, or has been seriously harmed and there is cause for concern about how the "
        "agencies worked together. The LSCB notifies Ofsted of a serious incident within 5 "
        "working days of becoming aware of it. The decision whether to hold a serious case "
        "review is due within 15 working days of becoming aware (the partnership's working "
        "timescale); a chair who decides not to hold one tells the national panel within 14 "
        "days. The review is completed within six months; the report is published for at "
        "least 12 months and sent to the panel a week before publication."
    ),
    "criteria": [
        (
            "M1",
            MUST,
            "Abuse or neglect is known or suspected, and the child has died.",
        ),
        (
            "M2",
            MUST,
            "Abuse or neglect is known or suspected, the child has been seriously harmed, and "
            "there is cause for concern about how the organisations or professionals worked "
            "together to safeguard the child.",
        ),
        (
            "N1",
            NOTIFY,
            "A serious incident to notify to Ofsted: abuse or neglect is known or suspected "
            "and the child has died or been seriously harmed.",
        ),
    ],
}

WT2015: EditionSpec = {
    **WT2013,
    "code": "wt2015",
    "name": "Working Together 2015",
    "year": 2015,
    "guidance": (
        "As in 2013, a serious case is one where abuse or neglect is known or suspected and "
        "the child has died, or has been seriously harmed and there is cause for concern about "
        "how the agencies worked together. From 2015 a serious case review is always held when "
        "a child dies in custody (police custody, on remand, or after sentence in a young "
        "offender institution, secure training centre or secure children's home) or while "
        "detained under the Mental Health Act, whether or not abuse or neglect is suspected. "
        "The LSCB notifies Ofsted of a serious incident within 5 working days of becoming "
        "aware of it; a chair who decides not to hold a review tells the national panel within "
        "14 days. The review is completed within six months; the report is published for at "
        "least 12 months and sent to the panel a week before publication."
    ),
    "criteria": [
        *WT2013["criteria"][:2],
        (
            "M3",
            MUST,
            "The child has died in custody, in police custody, on remand or following "
            "sentence, or while detained under the Mental Health Act 1983 (whether or not "
            "abuse or neglect is suspected).",
        ),
        WT2013["criteria"][2],
    ],
}

_PRACTICE_REVIEW_CRITERIA: list[CriterionSpec] = [
    (
        "N1",
        NOTIFY,
        "A serious incident to notify to the national Panel: abuse or neglect is known or "
        "suspected, and the child has died or been seriously harmed.",
    ),
    (
        "C1",
        CONSIDER,
        "The case highlights, or may highlight, improvements needed to safeguard and promote "
        "the welfare of children, including improvements identified before.",
    ),
    (
        "C2",
        CONSIDER,
        "The case highlights recurrent themes in how children are safeguarded.",
    ),
    (
        "C3",
        CONSIDER,
        "The case highlights concerns about two or more organisations or agencies working "
        "together to safeguard children.",
    ),
    (
        "C4",
        CONSIDER,
        "The national Panel has considered the case and judged a local review more suitable "
        "than a national one.",
    ),
]


def _regard_criteria(health_body: str) -> list[CriterionSpec]:
    """The circumstances the partners "should also have regard to" when they decide."""
    return [
        (
            "R1",
            REGARD,
            "The partners have cause for concern about the actions of a single agency.",
        ),
        (
            "R2",
            REGARD,
            "There has been no agency involvement, and this gives the partners cause for concern.",
        ),
        (
            "R3",
            REGARD,
            f"More than one local authority, police area or {health_body} is involved, "
            "including where families have moved around.",
        ),
        (
            "R4",
            REGARD,
            "The case may raise issues about safeguarding or promoting the welfare of children "
            "in institutional settings.",
        ),
    ]


def _practice_review_guidance(year: int) -> str:
    return (
        f"Under Working Together {year} the three safeguarding partners (the local authority, "
        "the integrated care board and the chief officer of police) review serious child "
        "safeguarding cases. The local authority notifies the national Child Safeguarding "
        "Practice Review Panel of a serious incident within 5 working days of becoming aware "
        "of it (Children Act 2004, section 16C) and tells the partners. The partners carry out "
        "a rapid review and send it to the Panel within 15 working days of becoming aware "
        "(some partnerships count from the day of the notification: a setting of this table); "
        "a rapid review cannot be sent before the notification. The rapid review decides "
        "whether a local child safeguarding practice review (LCSPR) is appropriate; an LCSPR "
        "is published within six months of its start, with notice to the Panel and the "
        "Secretary of State first."
    )


WT2018: EditionSpec = {
    "code": "wt2018",
    "name": "Working Together 2018",
    "year": 2018,
    "regime": "cspr",
    "notification_body": "the Child Safeguarding Practice Review Panel",
    "notification_working_days": 5,
    "rapid_review_working_days": 15,
    "decision_working_days": None,
    "review_months": 6,
    "guidance": _practice_review_guidance(2018),
    "criteria": [*_PRACTICE_REVIEW_CRITERIA, *_regard_criteria("clinical commissioning group")],
}

WT2023: EditionSpec = {
    **WT2018,
    "code": "wt2023",
    "name": "Working Together 2023",
    "year": 2023,
    "guidance": _practice_review_guidance(2023),
    "criteria": [*_PRACTICE_REVIEW_CRITERIA, *_regard_criteria("integrated care board")],
    "is_current": True,
}

EDITIONS = (WT2010, WT2013, WT2015, WT2018, WT2023)


def load_editions(edition_model, criterion_model) -> int:
    """Add the editions a database does not hold yet (by code); return how many were added.

    Takes the model classes so that the migration can pass its historical models, which may
    not have every field of the spec yet (those are left to their defaults).
    """
    known = {field.name for field in edition_model._meta.concrete_fields}
    added = 0
    for spec in EDITIONS:
        if edition_model.objects.filter(code=spec["code"]).exists():
            continue
        fields = {key: value for key, value in spec.items() if key in known}
        edition = edition_model.objects.create(rapid_review_basis="aware", **fields)
        criterion_model.objects.bulk_create(
            criterion_model(edition=edition, code=code, kind=kind, text=text, position=position)
            for position, (code, kind, text) in enumerate(spec["criteria"], start=1)
        )
        added += 1
    return added


def complete_editions(edition_model, criterion_model) -> None:
    """Bring a table loaded before the 2015 edition, the criteria to have regard to and the
    quality judgement up to date: add what is missing, by code, and change nothing a
    partnership has edited."""
    load_editions(edition_model, criterion_model)
    for spec in EDITIONS:
        edition = edition_model.objects.filter(code=spec["code"]).first()
        if edition is None:
            continue
        if spec.get("quality", PANEL_FEEDBACK) == OFSTED_GRADE:
            edition_model.objects.filter(pk=edition.pk).update(quality=OFSTED_GRADE)
        held = set(criterion_model.objects.filter(edition=edition).values_list("code", flat=True))
        criterion_model.objects.bulk_create(
            criterion_model(edition=edition, code=code, kind=kind, text=text, position=position)
            for position, (code, kind, text) in enumerate(spec["criteria"], start=1)
            if code not in held
        )
