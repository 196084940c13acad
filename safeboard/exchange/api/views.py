"""Read endpoints for the partnership's actions, findings and themes, under the rules of
their pages: an action list is all actions for board business readers and the agency's own
for everyone else; findings come only from the reviews and audit rounds the reader may see
(and other boards' learning); a missing or refused action answers 404 or 403 as its page."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from safeboard.actions import selectors as action_selectors
from safeboard.actions.models import Action
from safeboard.audits.models import Finding as AuditFinding
from safeboard.audits.selectors import visible_rounds
from safeboard.reviews.cases.selectors import visible_reviews
from safeboard.reviews.models import Finding as ReviewFinding
from safeboard.scorecard.api.auth import RulePermission
from safeboard.themes.models import Theme

from ..models import ImportedItem
from .serializers import (
    ActionQueryProblemsSerializer,
    ActionQuerySerializer,
    ActionSerializer,
    FindingSerializer,
    ThemeSerializer,
)

TAG = "Learning"
REFUSED = OpenApiResponse(description="Not signed in, or the token is wrong or revoked.")
FORBIDDEN = OpenApiResponse(description="The user's roles or agency do not allow it.")
MAX_ROWS = 500
LARGEST_ID = 2**63 - 1


class LearningApiView(APIView):
    permission_classes = [IsAuthenticated, RulePermission]
    permission_required = ""
    object_permission_required = ""


class ActionListApi(LearningApiView):
    permission_required = "actions.list_my_actions"

    @extend_schema(
        tags=[TAG],
        summary="The actions you may see",
        description=(
            "Every action (without those answering a source you may not know of) for the "
            "board's business readers; your own agency's actions for everyone else. At most "
            f"{MAX_ROWS}, the soonest due first."
        ),
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=[*Action.Status.values, "overdue"],
                required=False,
                description="Only actions in this state.",
            )
        ],
        responses={
            200: ActionSerializer(many=True),
            400: OpenApiResponse(
                response=ActionQueryProblemsSerializer, description="An unknown `status`."
            ),
            401: REFUSED,
            403: FORBIDDEN,
        },
    )
    def get(self, request):
        user = request.user
        query = ActionQuerySerializer(data=request.query_params.dict())  # "" is refused too
        query.is_valid(raise_exception=True)
        status = query.validated_data.get("status", "")
        filters = action_selectors.ActionFilters(status=status)
        if not user.has_perm("actions.list_all_actions"):
            filters = action_selectors.ActionFilters(status=status, agency_id=user.agency_id or -1)
        actions = action_selectors.action_list(user=user, filters=filters)[:MAX_ROWS]
        return Response(ActionSerializer(actions, many=True).data)


class ActionApi(LearningApiView):
    permission_required = "actions.list_my_actions"
    object_permission_required = "actions.view_action"

    @extend_schema(
        tags=[TAG],
        summary="One action",
        responses={
            200: ActionSerializer,
            401: REFUSED,
            403: FORBIDDEN,
            404: OpenApiResponse(description="No action you may know of has this id."),
        },
    )
    def get(self, request, pk: int):
        if pk > LARGEST_ID:
            raise Http404  # beyond any database's integer: no such action
        visible = action_selectors.visible_to(
            Action.objects.select_related("owner_agency"), user=request.user
        )
        action = get_object_or_404(visible, pk=pk)
        self.check_object_permissions(request, action)
        return Response(ActionSerializer(action).data)


class FindingListApi(LearningApiView):
    permission_required = "exchange.search"

    @extend_schema(
        tags=[TAG],
        summary="The findings you may see",
        description=(
            "Case review findings of the reviews you may open, case audit findings of the "
            "rounds whose report you may read, and the findings other boards shared."
        ),
        responses={200: FindingSerializer(many=True), 401: REFUSED, 403: FORBIDDEN},
    )
    def get(self, request):
        user = request.user
        rows = []
        reviews = ReviewFinding.objects.filter(review__in=visible_reviews(user))
        for finding in reviews.select_related("review").prefetch_related("themes")[:MAX_ROWS]:
            rows.append(
                {
                    "source_kind": "case_review",
                    "id": finding.pk,
                    "title": finding.title,
                    "text": finding.text,
                    "year": finding.review.aware_date.year,
                    "where": finding.review.reference,
                    "themes": [theme.slug for theme in finding.themes.all()],
                }
            )
        audits = AuditFinding.objects.filter(round__in=visible_rounds(user=user))
        for finding in audits.select_related("round").prefetch_related("themes")[:MAX_ROWS]:
            rows.append(
                {
                    "source_kind": "audit",
                    "id": finding.pk,
                    "title": finding.title,
                    "text": finding.text,
                    "year": finding.round.answers_due_on.year,
                    "where": finding.round.reference,
                    "themes": [theme.slug for theme in finding.themes.all()],
                }
            )
        others = ImportedItem.objects.filter(kind=ImportedItem.Kind.FINDING)
        for item in others.prefetch_related("themes")[:MAX_ROWS]:
            rows.append(
                {
                    "source_kind": "other_board",
                    "id": item.pk,
                    "title": item.title,
                    "text": item.summary,
                    "year": item.year,
                    "where": item.source_board,
                    "themes": [theme["slug"] for theme in item.theme_names],
                }
            )
        return Response(FindingSerializer(rows, many=True).data)


class ThemeListApi(LearningApiView):
    permission_required = "themes.list_themes"

    @extend_schema(
        tags=[TAG],
        summary="The partnership's themes",
        responses={200: ThemeSerializer(many=True), 401: REFUSED, 403: FORBIDDEN},
    )
    def get(self, request):
        return Response(ThemeSerializer(Theme.objects.order_by("position", "name"), many=True).data)
