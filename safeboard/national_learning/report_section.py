"""The yearly report's section on how local and national learning was acted on, computed for
the period: the national reviews considered and what was decided, and the actions raised in
the period from every source of learning that gives actions themes (case reviews, audits,
child deaths, national reviews...), read from the action spine, never typed."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db.models import Count, Q

from safeboard.actions.models import Action
from safeboard.core.extension_points import ReportSection, themed_sources

from .models import NationalReview, Recommendation


def figures(*, start: datetime.date, end: datetime.date) -> dict:
    reviews = NationalReview.objects.filter(published_on__range=(start, end))
    decided = NationalReview.objects.filter(decided_on__range=(start, end))
    recommendations = Recommendation.objects.filter(made_on__range=(start, end))
    sources = [source.key.split(".") for source in themed_sources]
    learning = Q(pk__in=[])
    for app_label, model in sources:
        learning |= Q(source_type__app_label=app_label, source_type__model=model)
    actions = (
        Action.objects.filter(learning, created_at__date__range=(start, end))
        .values("source_type__app_label", "source_type__model")
        .annotate(
            raised=Count("pk"),
            complete=Count("pk", filter=Q(status=Action.Status.COMPLETE)),
            overdue=Count("pk", filter=~Q(status=Action.Status.COMPLETE) & Q(due_on__lt=end)),
        )
        .order_by("source_type__app_label", "source_type__model")
    )
    by_source = [
        {
            "source": str(
                apps.get_model(
                    row["source_type__app_label"], row["source_type__model"]
                )._meta.verbose_name
            ),
            "app": str(apps.get_app_config(row["source_type__app_label"]).verbose_name),
            "raised": row["raised"],
            "complete": row["complete"],
            "overdue": row["overdue"],
        }
        for row in actions
    ]
    return {
        "national_reviews": reviews.count(),
        "decided": decided.count(),
        "undecided": NationalReview.objects.filter(
            published_on__lte=end, decided_on__isnull=True
        ).count(),
        "recommendations": recommendations.count(),
        "reviews": [
            {
                "title": review.title,
                "kind": review.get_kind_display(),
                "publisher": review.publisher,
                "decision": review.decision,
            }
            for review in decided.order_by("decided_on", "id")
        ],
        "actions_by_source": by_source,
        "actions_raised": sum(row["raised"] for row in by_source),
        "actions_complete": sum(row["complete"] for row in by_source),
    }


def plain_summary(figures: dict) -> str:
    return (
        f"The partnership considered {figures['decided']} national reviews and reports and "
        f"decided what to do about each. It raised {figures['actions_raised']} actions from "
        f"what local and national learning showed, and {figures['actions_complete']} of them "
        "are done."
    )


SECTION = ReportSection(
    key="learning-acted-on",
    heading="How local and national learning was acted on",
    template_name="national_learning/report_section.html",
    figures=figures,
    plain_summary=plain_summary,
    order=50,
)
