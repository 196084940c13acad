"""The publishing board's learning, recorded inside its own process against its own database
(`safeboard shell -c`, see test_two_boards.py) through the services its pages call: a case
review with two findings on one theme. Its business manager then shares them on its sharing
page. Prints what it made as JSON, on one line."""

from __future__ import annotations

import datetime
import json

FINDINGS = (
    (
        "Fathers were not seen",
        "Agencies rarely spoke to the men in the household about the baby's care.",
    ),
    (
        "Health visits stopped without a referral",
        "When the family missed three visits the case was closed rather than referred on.",
    ),
)


def record_learning(manager_email: str) -> None:
    from safeboard.accounts.models import User
    from safeboard.partnership.models import Agency
    from safeboard.reviews.findings import services as findings
    from safeboard.reviews.models import FrameworkEdition, Review
    from safeboard.reviews.referral import services as referral
    from safeboard.themes.models import Theme

    theme = Theme.objects.filter(is_active=True).order_by("position", "name").first()
    assert theme is not None, "the publishing board has no theme"
    today = datetime.date.today()
    review = referral.refer_case(
        edition=FrameworkEdition.objects.get(code="wt2023"),
        child_pseudonym="Child R",
        age_band=Review.AgeBand.UNDER_1,
        agencies=Agency.objects.order_by("pk")[:2],
        incident_date=today - datetime.timedelta(days=120),
        aware_date=today - datetime.timedelta(days=110),
        summary="A baby was taken to hospital with an unexplained injury.",
        referred_by=User.objects.get(email=manager_email),
    )
    made = [
        findings.finding_create(
            review=review, title=title, text=text, evidence="Not exported.", themes=[theme]
        )
        for title, text in FINDINGS
    ]
    print(
        json.dumps(
            {
                "theme": theme.slug,
                "findings": [{"pk": finding.pk, "title": finding.title} for finding in made],
            }
        )
    )
