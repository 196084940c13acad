"""The list of case reviews, and the referral of a new case for consideration."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from safeboard.core.service_views import ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services
from ..forms import ReferralForm, ReviewFilterForm
from .common import FORM_TEMPLATE, list_crumb

PAGE_SIZE = 50


class ReviewListView(RulePermissionMixin, View):
    """Everyone with a role sees the published reviews; the team, the business manager and
    the chair also see the reviews they work on, with the next step due."""

    permission_required = "reviews.list_reviews"

    def get(self, request):
        user = request.user
        filter_form = ReviewFilterForm(request.GET or None)
        filters = selectors.ReviewFilters()
        if filter_form.is_valid():
            filters = selectors.ReviewFilters(**filter_form.cleaned_data)
        reviews = selectors.review_list(user=user, filters=filters)
        page = Paginator(reviews, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "reviews/review_list.html",
            {
                "page": page,
                "rows": selectors.with_next_step(page.object_list, today=timezone.localdate()),
                "filter_form": filter_form,
                "query": query.urlencode(),
                "can_refer": user.has_perm("reviews.refer_case"),
                "can_manage_frameworks": user.has_perm("reviews.manage_frameworks"),
                "can_view_access_log": user.has_perm("reviews.view_access_log"),
            },
            status=400 if filter_form.errors else 200,
        )


class ReferCaseView(ServiceFormView):
    permission_required = "reviews.refer_case"
    form_class = ReferralForm
    heading = "Refer a case for consideration"
    template_name = FORM_TEMPLATE

    def call_service(self, data):
        return services.refer_case(referred_by=self.request.user, **data)

    def success_message(self, record):
        return f"Case {record.reference} referred. Its due dates are below."

    def crumbs(self):
        return [list_crumb()]

    def page_context(self):
        return {
            "intro": "A case where a child has died or been seriously harmed, or where there "
            "may be learning although the criteria are not met. Use a pseudonym only."
        }
