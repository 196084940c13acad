"""Pages for those who read the log: the list, the summary for the board, a challenge."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.views import View

from safeboard.accounts.requests import AuthenticatedHttpRequest
from safeboard.core import breadcrumbs
from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.list_views import FilteredListView
from safeboard.core.selectors import shown_page_sections
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, states
from ..escalation import escalation_days, next_escalation_date
from ..forms import ChallengeFilterForm
from ..models import Challenge, EscalationLevel
from .common import ChallengeObjectMixin

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
]


def _export_format(request) -> str | None:
    """The download asked for, if any; refused to those who may not export."""
    export_format = request.GET.get("format")
    if export_format not in EXPORT_FORMATS:
        return None
    if not request.user.has_perm("challenges.export_challenges"):
        raise PermissionDenied
    return export_format


class ChallengeListView(FilteredListView):
    request: AuthenticatedHttpRequest
    permission_required = "challenges.list_challenges"
    crumb_title = "Challenge log"
    template_name = "challenges/challenge_list.html"
    filter_form_class = ChallengeFilterForm
    page_size = PAGE_SIZE
    export_columns = EXPORT_COLUMNS
    export_filename = "challenges"
    export_permission = "challenges.export_challenges"
    invalid_filter_status = 400

    def every_agency(self) -> bool:
        return self.request.user.has_perm("challenges.list_every_agency")

    def filter_form_kwargs(self) -> dict:
        return {"every_agency": self.every_agency()}

    def filters(self, data: dict | None) -> selectors.ChallengeFilters:
        if data is None:
            return selectors.ChallengeFilters()
        agency = data.get("agency")
        return selectors.ChallengeFilters(
            state=data["state"], agency_id=agency.pk if agency else None, search=data["search"]
        )

    def get_rows(self, filters: selectors.ChallengeFilters):
        return selectors.challenge_list(user=self.request.user, filters=filters)

    def page_context(self, rows) -> dict:
        user = self.request.user
        return {
            "title": "Challenge log" if self.every_agency() else "Challenges to your agency",
            "noun": "challenge",
            "nouns": "challenges",
            "can_raise": user.has_perm("challenges.raise_challenge"),
            "can_view_summary": user.has_perm("challenges.view_summary"),
        }


class ChallengeSummaryView(RulePermissionMixin, View):
    permission_required = "challenges.view_summary"
    crumb_title = "Summary by agency"
    crumb_parent = "challenges:list"

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
                "crumbs": breadcrumbs.page_trail(self),
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
    crumb_parent = "challenges:list"

    @staticmethod
    def crumb_title(challenge: Challenge) -> str:
        return challenge.reference

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
                "sections": shown_page_sections(page="challenge", record=challenge, user=user),
                "can_add_action": user.has_perm("challenges.add_action", challenge),
                "themes": list(challenge.themes.order_by("position", "name")),
                "can_change_themes": user.has_perm("challenges.raise_challenge", challenge),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )
