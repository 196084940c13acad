"""(i) The yearly report's PDF on a large county's data, against its HTML alone.

On top of the demo, ten years of a large county's records are added (challenges, meeting
attendance, contributions from forty agencies: the sections whose tables grow with the data),
a report for the last complete year is taken through its workflow and published, and its
tagged PDF is timed. The baseline, measured in the same process, is rendering the same report
as HTML; the ratio is what WeasyPrint's layout and tagging add. The goal is under 10 seconds.

Run alone with `python -m bench.report_pdf`, or with the others by `python -m bench`.
"""

from __future__ import annotations

import datetime
import random
import shutil
import time
from decimal import Decimal

from .timing import Result, median_seconds, table

RUNS = 3
YEARS = 10
AGENCIES = 40
CHALLENGES_A_YEAR = 120
MEETINGS_A_YEAR = 24
GOAL_SECONDS = 10.0


def scale_up(*, today: datetime.date) -> None:
    """Ten years of a large county: forty more agencies, their challenges and attendance."""
    from safeboard.challenges.factories import ChallengeFactory
    from safeboard.meetings.factories import AttendanceFactory, MeetingFactory
    from safeboard.partnership.factories import AgencyFactory, PersonFactory
    from safeboard.reports import services

    rng = random.Random(2019)
    agencies = [AgencyFactory(name=f"Benchmark agency {n}") for n in range(AGENCIES)]
    people = [PersonFactory(agency=agency) for agency in agencies]
    for year in range(YEARS):
        first = datetime.date(today.year - year - 1, 4, 1)
        for _ in range(CHALLENGES_A_YEAR):
            raised = first + datetime.timedelta(days=rng.randint(0, 300))
            ChallengeFactory(agency=rng.choice(agencies), raised_on=raised, raised_by=people[0])
        for n in range(MEETINGS_A_YEAR):
            starts = datetime.datetime.combine(
                first + datetime.timedelta(days=15 * n), datetime.time(10), tzinfo=datetime.UTC
            )
            meeting = MeetingFactory(starts_at=starts)
            for person in people:
                AttendanceFactory(meeting=meeting, person=person)
        for agency in agencies:
            services.record_contribution(
                agency=agency,
                financial_year=first.year,
                amount=Decimal(rng.randint(1000, 90000)),
                recorded_by=None,
            )


def published_report(*, today: datetime.date):
    from safeboard.accounts.models import User
    from safeboard.accounts.roles import Role
    from safeboard.reports import periods, services
    from safeboard.reports.models import YearlyReport

    start = periods.last_complete_year(today)
    manager = next(u for u in User.objects.all() if u.has_role(Role.BUSINESS_MANAGER))
    chair = next(u for u in User.objects.all() if u.has_role(Role.CHAIR))
    demo_edition = YearlyReport.objects.filter(period_start=start, status="published").first()
    if demo_edition is not None:
        # The demo published its report before the data was scaled up: a corrected edition
        # computes its figures afresh.
        report = services.issue_correction(
            report=demo_edition, note="Figures for the benchmark.", issued_by=manager
        )
    else:
        report = services.create_report(
            period_start=start, period_end=periods.twelve_months_from(start), created_by=manager
        )
    services.send_for_review(report=report, sent_by=manager)
    services.sign_off(report=report, signed_off_by=chair)
    return services.publish_report(report=report, published_by=manager)


def bench_report_pdf() -> list[Result]:
    from django.template.loader import render_to_string
    from django.utils import timezone

    from safeboard.core.pdf import pdf_bytes
    from safeboard.reports import pages

    today = timezone.localdate()
    started = time.perf_counter()
    scale_up(today=today)
    report = published_report(today=today)
    print(f"Scaled the data up in {time.perf_counter() - started:.1f} s")

    def html() -> str:
        return render_to_string("reports/report_pdf.html", pages.report_context(report))

    def pdf() -> bytes:
        return pdf_bytes("reports/report_pdf.html", pages.report_context(report), tagged=True)

    baseline = median_seconds(html, RUNS)
    seconds = median_seconds(pdf, RUNS)
    size = len(pdf())
    verdict = "within" if seconds < GOAL_SECONDS else "OVER"
    print(
        f"Yearly report PDF: {seconds:.2f} s ({size // 1024} KB), {seconds / baseline:.1f}x its "
        f"HTML ({baseline:.3f} s); {verdict} the {GOAL_SECONDS:.0f} s goal."
    )
    return [Result("yearly report PDF (10 years, large county)", RUNS, seconds, baseline)]


def main() -> None:
    from .environment import set_up_django

    folder = set_up_django()
    try:
        from safeboard.demo.build import build_demo

        build_demo()
        print(table(bench_report_pdf()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
