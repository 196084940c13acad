"""Queries to an indicator's owning agency: the list, a query, and the forms of its life.

Read by board business readers and the asked agency; answered (with actions) by the asked
agency's lead or board member; raised, accepted or challenged by the business manager or
the chair.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Indicator, IndicatorQuery
from . import selectors, services, states
from .forms import (
    QueryActionForm,
    QueryAnswerForm,
    QueryFilterForm,
    QueryJudgementForm,
    QueryRaiseForm,
    default_due_on,
)

PAGE_SIZE = 50
FORM_TEMPLATE = "scorecard/queries/query_form.html"


EXPORT_COLUMNS = [
    Column("Indicator", lambda q: q.indicator.code),
    Column("Indicator name", lambda q: q.indicator.name),
    Column("Agency", lambda q: q.agency.name),
    Column("Period", lambda q: q.period.label),
    Column("Opened because", lambda q: q.opened_because),
    Column("Signals", lambda q: q.signals),
    Column("Question", lambda q: q.question),
    Column("Opened", lambda q: q.opened_on),
    Column("Answer due", lambda q: q.response_due_on),
    Column("Status", lambda q: q.display_status),
    Column("Explanation", lambda q: q.explanation),
    Column("Answered", lambda q: q.answered_on),
    Column("Board\u2019s judgement", lambda q: q.judgement_reason),
    Column("Judged", lambda q: q.judged_on),
]


def list_crumb() -> dict:
    return {"text": "Queries", "href": reverse("scorecard:query_list")}


class QueryListView(RulePermissionMixin, View):
    permission_required = "scorecard.list_queries"

    def get(self, request):
        user = request.user
        every_agency = user.has_perm("scorecard.list_every_agencys_queries")
        filter_form = QueryFilterForm(
            request.GET or None, every_agency=every_agency, agency_id=user.agency_id
        )
        filters = selectors.QueryFilters()
        if filter_form.is_valid():
            data = filter_form.cleaned_data
            filters = selectors.QueryFilters(
                state=data["state"],
                agency_id=data["agency"].pk if data.get("agency") else None,
                indicator_id=data["indicator"].pk if data["indicator"] else None,
            )
        queries = selectors.query_list(user=user, filters=filters)
        export_format = request.GET.get("format")
        if export_format in EXPORT_FORMATS:
            return export_response(
                rows=queries.iterator(chunk_size=500),
                columns=EXPORT_COLUMNS,
                file_format=export_format,
                filename="scorecard-queries",
            )
        page = Paginator(queries, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("format", None)
        return render(
            request,
            "scorecard/queries/query_list.html",
            {
                "title": "Queries about indicators" if every_agency else "Queries to your agency",
                "noun": "query",
                "nouns": "queries",
                "page": page,
                "filter_form": filter_form,
                "query": query.urlencode(),
                "crumbs": [
                    {"text": "Scorecard indicators", "href": reverse("scorecard:indicator_list")},
                    {"text": "Queries"},
                ],
            },
            status=400 if filter_form.errors else 200,
        )


class QueryObjectMixin(RecordMixin, RulePermissionMixin):
    """Checks the view's rule against the query named in the URL."""

    model = IndicatorQuery

    def get_queryset(self):
        return IndicatorQuery.objects.select_related(
            "indicator",
            "period",
            "agency",
            "opened_by__person",
            "answered_by__person",
            "judged_by__person",
        )

    def crumbs(self) -> list[dict]:
        query = self.get_object()
        return [list_crumb(), {"text": _query_name(query), "href": query.get_absolute_url()}]


def _query_name(query: IndicatorQuery) -> str:
    return f"{query.indicator.code}, {query.period.label}"


class QueryDetailView(QueryObjectMixin, View):
    permission_required = "scorecard.view_query"

    def get(self, request, pk):
        query = self.get_object()
        user = request.user
        return render(
            request,
            "scorecard/queries/query_detail.html",
            {
                "query": query,
                "page": selectors.query_page(query=query),
                "can_view_indicator": user.has_perm("scorecard.view_indicator", query.indicator),
                "can_answer": states.awaits_answer(query)
                and user.has_perm("scorecard.answer_query", query),
                "can_add_action": not states.is_closed(query)
                and user.has_perm("scorecard.answer_query", query),
                "can_judge": states.is_answered(query)
                and user.has_perm("scorecard.judge_query", query),
                "crumbs": [list_crumb(), {"text": _query_name(query)}],
            },
        )


class QueryFormView(QueryObjectMixin, ServiceFormView):
    """A form on one query that calls one service; subclasses name the form and service."""

    intro = ""
    template_name = FORM_TEMPLATE

    def page_context(self) -> dict:
        return {"query": self.get_object(), "intro": self.intro}


class QueryAnswerView(QueryFormView):
    permission_required = "scorecard.answer_query"
    transition = states.ANSWER
    form_class = QueryAnswerForm
    heading = "Answer the query"
    intro = "The board will read your answer and accept it or ask for more."
    success_text = "Your answer has been sent to the board."

    def call_service(self, data):
        services.query_answer(
            query=self.get_object(), explanation=data["explanation"], answered_by=self.request.user
        )


class QueryActionAddView(QueryFormView):
    permission_required = "scorecard.answer_query"
    form_class = QueryActionForm
    heading = "Add an action"
    intro = "The action joins the partnership\u2019s action plan, linked to this query."
    success_text = "Action added."

    def form_kwargs(self):
        return {"agency": self.get_object().agency}

    def call_service(self, data):
        services.query_add_action(query=self.get_object(), created_by=self.request.user, **data)

    def success_url(self, record):
        return self.get_object().get_absolute_url()


class QueryJudgeView(QueryFormView):
    permission_required = "scorecard.judge_query"
    transition = states.JUDGE
    form_class = QueryJudgementForm
    heading = "Judge the answer"
    success_text = "The judgement has been recorded."

    def page_context(self):
        return {**super().page_context(), "judging": True}

    def call_service(self, data):
        query = self.get_object()
        if data["decision"] == QueryJudgementForm.ACCEPT:
            services.query_accept(query=query, reason=data["reason"], judged_by=self.request.user)
            self.success_text = "The answer has been accepted."
        else:
            services.query_challenge(
                query=query,
                reason=data["reason"],
                response_due_on=data["response_due_on"],
                judged_by=self.request.user,
            )
            self.success_text = "The answer has been challenged: the query is open again."


class QueryRaiseView(RecordMixin, ServiceFormView):
    """Raise a query about one of an indicator's figures; the rule is checked on the indicator."""

    permission_required = "scorecard.raise_query"
    model = Indicator
    form_class = QueryRaiseForm
    heading = "Raise a query"
    template_name = FORM_TEMPLATE

    def get_queryset(self):
        return Indicator.objects.select_related("owning_agency")

    def form_kwargs(self):
        return {"indicator": self.get_object()}

    def initial(self):
        return {"response_due_on": default_due_on()}

    def page_context(self):
        indicator = self.get_object()
        return {
            "indicator": indicator,
            "intro": f"The query goes to {indicator.owning_agency.name}, which owns the indicator.",
        }

    def call_service(self, data):
        return services.query_raise(
            indicator=self.get_object(), raised_by=self.request.user, **data
        )

    def success_message(self, record):
        return f"Query raised with {record.agency.name}."

    def crumbs(self):
        indicator = self.get_object()
        return [
            {"text": "Scorecard indicators", "href": reverse("scorecard:indicator_list")},
            {"text": indicator.code, "href": indicator.get_absolute_url()},
        ]
