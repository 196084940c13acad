"""Pages for those who read the log: the list, the summary for the board, a challenge."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.views import View

from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, states
from ..escalation import escalation_days, next_escalation_date
from ..forms import ChallengeFilterForm
from ..models import EscalationLevel
from .common import ChallengeObjectMixin, log_crumb

PAGE_SIZE = 50

EXPORT_COLUMNS = [
    Column("Reference", lambda c: c.reference),
    Column("Title", lambda c: c.title),
    Column("Agency", lambda c: c.agency.name),
    Column("Raised by", lambda c: c.raised_by.full_name),
    Column("Date raised", lambda c: c.raised_on),
    Column("Response due", lambda c: c.response_due_on),
    Column("Status", lambda c: c.display_status),
    Column("Escalation", lambda c: c.get_escalation_level_display()),
    Column("Linked priority", lambda c: str(c.priority) if c.priority else ""),
    Column("Date closed", lambda c: c.closed_on),
    Column("Outcome", lambda c: c.outcome),
    Column("Evidence of impact", lambda c: c.impact_evidence),
    Column("Issue", lambda c: c.issue),
    Column("Evidence", lambda c: c.evidence),
]

SUMMARY_COLUMNS = [
    Column("Agency", lambda row: row["agency__name"]),
    Column("All challenges", lambda row: row["total"]),
    Column("Open", lambda row: row["open"]),
    Column("Overdue", lambda row: row["overdue"]),
    Column("Escalated", lambda row: row["escalated"]),
    Column("Closed", lambda row: row["closed"]),
    Column("Closed with impact", lambda row: row["closed_with_impact"]),
]


def _export_format(request) -> str | None:
    """The download asked for, if any; refused to those who may not export."""
    export_format = request.GET.get("format")
    if export_format not in EXPORT_FORMATS:
        return None
    if not request.user.has_perm("challenges.export_challenges"):
        raise PermissionDenied
    return export_format


class ChallengeListView(RulePermissionMixin, View):
    permission_required = "challenges.list_challenges"

    def get(self, request):
        user = request.user
        every_agency = user.has_perm("challenges.list_every_agency")
        filter_form = ChallengeFilterForm(request.GET or None, every_agency=every_agency)
        filters = selectors.ChallengeFilters()
        if filter_form.is_valid():
            data = filter_form.cleaned_data
            agency = data.get("agency")
            filters = selectors.ChallengeFilters(
                state=data["state"], agency_id=agency.pk if agency else None, search=data["search"]
            )
        challenges = selectors.challenge_list(user=user, filters=filters)
        export_format = _export_format(request)
        if export_format:
            return export_response(
                rows=challenges.iterator(chunk_size=500),
                columns=EXPORT_COLUMNS,
                file_format=export_format,
                filename="challenges",
            )
        page = Paginator(challenges, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "challenges/challenge_list.html",
            {
                "title": "Challenge log" if every_agency else "Challenges to your agency",
                "noun": "challenge",
                "nouns": "challenges",
                "page": page,
                "filter_form": filter_form,
                "query": query.urlencode(),
                "can_raise": user.has_perm("challenges.raise_challenge"),
                "can_view_summary": user.has_perm("challenges.view_summary"),
            },
            status=400 if filter_form.errors else 200,
        )


class ChallengeSummaryView(RulePermissionMixin, View):
    permission_required = "challenges.view_summary"

    def get(self, request):
        rows = selectors.challenge_summary()
        export_format = _export_format(request)
        if export_format:
            return export_response(
                rows=rows,
                columns=SUMMARY_COLUMNS,
                file_format=export_format,
                filename="challenges-by-agency",
            )
        return render(
            request,
            "challenges/challenge_summary.html",
            {
                "rows": rows,
                "totals": selectors.summary_totals(rows),
                "crumbs": [log_crumb(), {"text": "Summary by agency"}],
            },
        )


def _url_or_none(record) -> str | None:
    """The record's page, when the app that shows it has one."""
    try:
        return record.get_absolute_url()
    except NoReverseMatch:
        return None


class ChallengeDetailView(ChallengeObjectMixin, View):
    permission_required = "challenges.view_challenge"

    def get(self, request, pk):
        challenge = self.get_object()
        page = selectors.challenge_page(challenge=challenge)
        user = request.user
        pending = page.pending_response
        return render(
            request,
            "challenges/challenge_detail.html",
            {
                "challenge": challenge,
                "page": page,
                "next_escalation_on": next_escalation_date(
                    challenge, escalation_days=escalation_days()
                ),
                "next_escalation_level": EscalationLevel(
                    min(challenge.escalation_level + 1, EscalationLevel.CHAIR)
                ).label,
                "priority_url": _url_or_none(challenge.priority) if challenge.priority else None,
                "can_respond": states.awaits_answer(challenge)
                and user.has_perm("challenges.respond_to_challenge", challenge),
                "can_judge": states.awaits_judgement(challenge, pending=pending)
                and user.has_perm("challenges.judge_response", challenge),
                "can_close": states.may_close(challenge, pending=pending)
                and user.has_perm("challenges.close_challenge", challenge),
                "can_record_impact": states.is_closed(challenge)
                and user.has_perm("challenges.record_impact", challenge),
                "can_add_action": user.has_perm("challenges.add_action", challenge),
                "crumbs": [log_crumb(), {"text": challenge.reference}],
            },
        )
