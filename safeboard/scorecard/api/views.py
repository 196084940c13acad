"""The scorecard's API: the indicators a user may read, an indicator's figures and chart,
and recording an agency's figures, for agencies' systems (see auth.py for how they sign in).

Each view declares its rule as the pages do (`permission_required`, and
`object_permission_required` checked on the record); reads come from selectors, and figures
are recorded by services.figures_record, as by the web form and the uploads.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import View
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services
from ..models import Figure, Indicator, normalise_code
from ..spc import selectors as spc_selectors
from .auth import RulePermission
from .serializers import (
    FiguresSubmissionSerializer,
    IndicatorFiguresSerializer,
    IndicatorSerializer,
    ProblemsSerializer,
    RecordedSerializer,
)

TAG = "Scorecard"
REFUSED = OpenApiResponse(
    description="The token is wrong, revoked, or not allowed to this account."
)
FORBIDDEN = OpenApiResponse(description="The user's roles or agency do not allow it.")


class VerifiedSessionScheme(SessionScheme):
    """The signed-in session in the OpenAPI schema, as drf-spectacular describes DRF's own."""

    target_class = "safeboard.scorecard.api.auth.VerifiedSessionAuthentication"


class ScorecardApiView(APIView):
    permission_classes = [IsAuthenticated, RulePermission]
    permission_required = ""
    object_permission_required = ""


class IndicatorListApi(ScorecardApiView):
    permission_required = "scorecard.list_indicators"

    @extend_schema(
        tags=[TAG],
        summary="The indicators you may read",
        description=(
            "Every indicator in use for the partnership's board business readers; for an "
            "agency's data contact, its own agency's indicators."
        ),
        responses={200: IndicatorSerializer(many=True), 401: REFUSED, 403: FORBIDDEN},
    )
    def get(self, request):
        user = request.user
        # The rule of the indicator's own page, so the list never shows what it would refuse.
        indicators = [
            indicator
            for indicator in selectors.indicator_list()
            if user.has_perm("scorecard.view_indicator", indicator)
        ]
        return Response(IndicatorSerializer(indicators, many=True).data)


class IndicatorFiguresApi(ScorecardApiView):
    permission_required = "scorecard.list_indicators"
    object_permission_required = "scorecard.view_indicator"

    @extend_schema(
        tags=[TAG],
        summary="An indicator's figures and what its chart shows",
        description=(
            "The indicator's current figures, oldest period first, each with its state on the "
            "XmR (statistical process control) chart, and the state of the latest figure with "
            "the limits it was judged by."
        ),
        responses={
            200: IndicatorFiguresSerializer,
            401: REFUSED,
            403: FORBIDDEN,
            404: OpenApiResponse(description="No indicator has this code."),
        },
    )
    def get(self, request, code: str):
        indicator = get_object_or_404(
            Indicator.objects.select_related("owning_agency"), code=normalise_code(code)
        )
        self.check_object_permissions(request, indicator)
        series = selectors.indicator_series(indicator=indicator)
        chart = spc_selectors.indicator_spc(indicator=indicator, series=series)
        figures = [
            {
                "period": point.period,
                "value": point.value,
                "revision_count": held.revision_count,
                "state": point.state,
            }
            for held, point in zip(series, chart.points, strict=True)
        ]
        data = {"indicator": indicator.code, "figures": figures, "spc": _spc_summary(chart)}
        return Response(IndicatorFiguresSerializer(data).data)


def _spc_summary(chart: spc_selectors.IndicatorSpc) -> dict:
    phase, state = chart.latest_phase, chart.state
    return {
        "period": chart.latest.period.slug if chart.latest else None,
        "state": state,
        "state_label": state.label if state else None,
        "mean": phase.limits.mean if phase else None,
        "lower_limit": phase.limits.lower_limit if phase else None,
        "upper_limit": phase.limits.upper_limit if phase else None,
        "target": chart.target,
        "target_assessment": chart.target_assessment,
        "notes": list(chart.notes),
    }


SUBMISSION_EXAMPLE = OpenApiExample(
    "October's figures",
    value={
        "period": "monthly-2025-10",
        "values": {"POL-01": 41, "POL-04": "87.5%"},
        "reason": "",
    },
    request_only=True,
)
PROBLEMS_EXAMPLE = OpenApiExample(
    "A refused batch",
    value={
        "values": {
            "POL-02": ["POL-02: The figure cannot be negative: -3."],
            "NOPE-1": ["There is no indicator with the code \u201cNOPE-1\u201d."],
        }
    },
    response_only=True,
    status_codes=["400"],
)


class FiguresRecordApi(ScorecardApiView):
    parser_classes = [JSONParser]
    permission_required = "scorecard.submit_own_figures"
    object_permission_required = "scorecard.submit_figures"

    @extend_schema(
        tags=[TAG],
        summary="Record an agency's figures for a period",
        description=(
            "All of the figures or none: a batch with any problem saves nothing and answers "
            "400 with every problem, those of figures keyed by indicator code under `values`. "
            "A figure already held with a different value is revised, which needs a `reason`. "
            "New figures may open queries for the agency to answer; the answer lists them. "
            "Another agency's figures are refused with 403."
        ),
        request=FiguresSubmissionSerializer,
        responses={
            201: RecordedSerializer,
            400: ProblemsSerializer,
            401: REFUSED,
            403: FORBIDDEN,
        },
        examples=[SUBMISSION_EXAMPLE, PROBLEMS_EXAMPLE],
    )
    def post(self, request):
        submission = FiguresSubmissionSerializer(data=request.data)
        submission.is_valid(raise_exception=True)
        data = submission.validated_data
        agency = data.get("agency") or request.user.agency
        self.check_object_permissions(request, agency)
        try:
            result = services.figures_record(
                agency=agency,
                period=data["period"],
                values=data["values"],
                source=Figure.Source.API,
                submitted_by=request.user,
                reason=data["reason"],
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(_problems(error)) from None
        recorded = RecordedSerializer(result, context={"request": request})
        return Response(recorded.data, status=status.HTTP_201_CREATED)


def _problems(error: DjangoValidationError) -> dict:
    """figures_record's problems in the request's shape: the period's, and figures' by code."""
    if not hasattr(error, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
    problems: dict = {}
    for key, messages in error.message_dict.items():
        if key == "period":
            problems["period"] = messages
        else:
            problems.setdefault("values", {})[key] = messages
    return problems


@extend_schema_view(get=extend_schema(exclude=True))
class SchemaApi(SpectacularAPIView):
    """The OpenAPI description of the API, for whoever may use it."""

    permission_classes = [IsAuthenticated, RulePermission]
    permission_required = "scorecard.list_indicators"


class ApiGuideView(RulePermissionMixin, View):
    """How to use the API: a page for people, beside the OpenAPI schema for machines."""

    permission_required = "scorecard.list_indicators"

    def get(self, request):
        return render(
            request,
            "scorecard/api/guide.html",
            {
                "base_url": request.build_absolute_uri(reverse("api:guide")),
                "can_hold_token": request.user.has_perm("scorecard.hold_api_token"),
                "crumbs": [
                    {"text": "Scorecard indicators", "href": reverse("scorecard:indicator_list")},
                    {"text": "The scorecard API"},
                ],
            },
        )
