"""A briefing as one printable A4 page (core/pdf.py draws it with WeasyPrint)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.text import slugify

from safeboard.core.pdf import pdf_response

from ..models import Briefing
from .services import supervision_questions

PDF_TEMPLATE = "reviews/lessons/briefing_pdf.html"


def briefing_about(briefing: Briefing) -> str:
    """What the briefing is about, as its page says it."""
    if briefing.review_id is not None:
        review = briefing.review
        assert review is not None, "a briefing with a review id has its review"
        return f"Learning from case review {review.reference} ({review.title or review.child_pseudonym})"
    theme = briefing.theme
    assert theme is not None, "a briefing is about a review or a theme (a check constraint)"
    return f"Learning on the theme \u201c{theme.name}\u201d"


def briefing_context(briefing: Briefing) -> dict:
    return {
        "briefing": briefing,
        "about": briefing_about(briefing),
        "questions": supervision_questions(briefing.questions_for_supervision),
    }


def briefing_filename(briefing: Briefing) -> str:
    return f"briefing-{slugify(briefing.title)[:60] or briefing.pk}.pdf"


def briefing_pdf_response(briefing: Briefing, *, request=None) -> HttpResponse:
    return pdf_response(
        PDF_TEMPLATE,
        briefing_context(briefing),
        filename=briefing_filename(briefing),
        request=request,
    )
