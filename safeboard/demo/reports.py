"""The demo's yearly reports: last complete April-to-March year's, published and sent to its
recipients, and a draft of the current year's. Written through the report's services, then
dated to the days the steps would have happened (never after the demo's today)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from safeboard.reports import periods, services
from safeboard.reports.models import Recipient, YearlyReport

from .people import Directory
from .timeline import Backdater, Clock

# What each partner pays a year (the three safeguarding partners pay most), and in kind.
CONTRIBUTIONS = {
    "la": (Decimal("148000"), "Office space and the business unit's IT"),
    "police": (Decimal("52000"), ""),
    "icb": (Decimal("74000"), "The designated nurse's time"),
    "probation": (Decimal("4500"), ""),
    "yjs": (Decimal("2000"), ""),
    "college": (Decimal("1500"), "Rooms for training sessions"),
}

NARRATIVES = {
    "priorities": (
        "Neglect and exploitation stayed our focus. The priority on early help made little "
        "progress: the new front door opened late, and the board has asked for a plan."
    ),
    "challenges": (
        "The board pressed agencies hardest on attendance at strategy discussions, and saw "
        "the police and health attend more often after its challenge."
    ),
    "attendance": (
        "Attendance is good among the three safeguarding partners; schools found it hardest "
        "to send someone, and now send a deputy more often."
    ),
    "contributions": (
        "Partners' contributions rose by inflation; the council also gives the business "
        "unit its offices."
    ),
}

SUMMARY = (
    "This report tells councillors how well children in the county were kept safe this "
    "year, and what the partnership did about it.\n\n"
    "Most of our priorities are on track. One, early help, made little progress; the "
    "report says why and what happens next."
)


def build_reports(*, clock: Clock, directory: Directory) -> list[YearlyReport]:
    manager, chair = directory.users["manager"], directory.users["chair"]
    start = periods.last_complete_year(clock.today)
    end = periods.twelve_months_from(start)
    for key, (amount, in_kind) in CONTRIBUTIONS.items():
        for year in (start.year, start.year + 1):
            services.record_contribution(
                agency=directory.agencies[key],
                financial_year=year,
                amount=amount * (Decimal("1.03") if year > start.year else 1),
                in_kind=in_kind,
                recorded_by=manager,
            )

    published = services.create_report(period_start=start, period_end=end, created_by=manager)
    _write(published, manager)
    services.send_for_review(report=published, sent_by=manager)
    services.sign_off(report=published, signed_off_by=chair)
    services.publish_report(report=published, published_by=manager)
    # Drafted in the summer after the year, published in the autumn: never after today.
    published_on = min(end + datetime.timedelta(days=170), clock.days_ago(3))
    steps = {
        "drafted_at": published_on - datetime.timedelta(days=60),
        "sent_for_review_at": published_on - datetime.timedelta(days=30),
        "signed_off_at": published_on - datetime.timedelta(days=7),
        "published_at": published_on,
    }
    dater = Backdater()
    for field, day in steps.items():
        dater.stamp(published, when=clock.at(day), user=manager, field=field)
    dater.apply()
    published.refresh_from_db()
    for recipient in Recipient.values:
        services.record_recipient(
            report=published,
            recipient=recipient,
            sent_on=min(published_on + datetime.timedelta(days=3), clock.today),
            recorded_by=manager,
            today=clock.today,
        )

    draft = services.create_report(
        period_start=end + datetime.timedelta(days=1),
        period_end=periods.twelve_months_from(end + datetime.timedelta(days=1)),
        created_by=manager,
    )
    services.set_narrative(
        report=draft,
        section_key="priorities",
        text="To be written once the year's last priority reviews are in.",
        written_by=manager,
    )
    return [published, draft]


def _write(report: YearlyReport, manager) -> None:
    services.set_summary(report=report, plain_summary=SUMMARY, written_by=manager)
    for key, text in NARRATIVES.items():
        services.set_narrative(report=report, section_key=key, text=text, written_by=manager)
