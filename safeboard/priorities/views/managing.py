"""The business manager's pages for keeping the plan, and the review form a priority's lead
also uses. Each form calls one service."""

from __future__ import annotations

from safeboard.core import breadcrumbs
from safeboard.core.dates import long_date
from safeboard.core.service_views import RecordMixin, ServiceFormView

from .. import services
from ..forms import (
    BusinessPlanForm,
    MeasureForm,
    MeasureRemoveForm,
    PriorityActionForm,
    PriorityForm,
    PriorityReviewForm,
)
from ..models import BusinessPlan, Priority, PriorityMeasure
from .common import FORM_TEMPLATE, with_focus_warning


class PlanCreateView(ServiceFormView):
    permission_required = "priorities.add_plan"
    form_class = BusinessPlanForm
    heading = "Add a business plan"
    template_name = FORM_TEMPLATE

    def call_service(self, data):
        return services.business_plan_create(**data)

    def success_message(self, record):
        return f"{record.title} added. Add its priorities next."

    crumb_parent = "priorities:plan_list"


class PlanEditView(RecordMixin, ServiceFormView):
    permission_required = "priorities.change_plan"
    model = BusinessPlan
    form_class = BusinessPlanForm
    heading = "Change the plan"
    template_name = FORM_TEMPLATE

    def initial(self):
        return BusinessPlanForm.initial_for(self.get_object())

    def call_service(self, data):
        return services.business_plan_update(plan=self.get_object(), **data)

    def success_message(self, record):
        return with_focus_warning(f"{record.title} changed.", record)

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        return {"caption": self.get_object().title}


class PriorityCreateView(RecordMixin, ServiceFormView):
    """A priority is added within a plan; the permission is checked on the plan."""

    permission_required = "priorities.add_priority"
    model = BusinessPlan
    form_class = PriorityForm
    heading = "Add a priority"
    template_name = FORM_TEMPLATE

    def form_kwargs(self):
        return {"is_new": True}

    def call_service(self, data):
        return services.priority_create(plan=self.get_object(), **data)

    def success_message(self, record):
        return with_focus_warning(f"{record} added.", record.plan)

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        return {"caption": self.get_object().title}


class PriorityRecordMixin(RecordMixin):
    model = Priority

    def get_queryset(self):
        return Priority.objects.select_related("plan", "lead_agency", "lead_person")

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        return {"caption": str(self.get_object())}


class PriorityEditView(PriorityRecordMixin, ServiceFormView):
    permission_required = "priorities.change_priority"
    form_class = PriorityForm
    heading = "Change the priority"
    template_name = FORM_TEMPLATE

    def form_kwargs(self):
        return {"priority": self.get_object()}

    def initial(self):
        return PriorityForm.initial_for(self.get_object())

    def call_service(self, data):
        return services.priority_update(priority=self.get_object(), **data)

    def success_message(self, record):
        return with_focus_warning(f"{record} changed.", record.plan)


class PriorityReviewView(PriorityRecordMixin, ServiceFormView):
    permission_required = "priorities.review_priority"
    form_class = PriorityReviewForm
    heading = "Record a review"
    template_name = FORM_TEMPLATE

    def form_kwargs(self):
        return {"priority": self.get_object()}

    def call_service(self, data):
        return services.priority_review_record(
            priority=self.get_object(), reviewed_by=self.request.user, **data
        )

    def success_message(self, record):
        next_on = long_date(record.next_review_date)
        return f"Review recorded. The next review is due on {next_on}."

    def success_url(self, record):
        return record.priority.get_absolute_url()

    def page_context(self):
        priority = self.get_object()
        due = long_date(priority.review_date)
        return {
            "caption": str(priority),
            "intro": f"The review is due on {due}. Recording it moves the next review date on.",
        }


class MeasureAddView(PriorityRecordMixin, ServiceFormView):
    permission_required = "priorities.manage_measures"
    form_class = MeasureForm
    heading = "Add a measure"
    success_text = "Measure added."
    template_name = FORM_TEMPLATE

    def call_service(self, data):
        return services.measure_add(priority=self.get_object(), **data)

    def success_url(self, record):
        return record.priority.get_absolute_url() + "#measures"


class MeasureRemoveView(RecordMixin, ServiceFormView):
    permission_required = "priorities.manage_measures"
    model = PriorityMeasure
    form_class = MeasureRemoveForm
    heading = "Remove a measure"
    success_text = "Measure removed."
    template_name = FORM_TEMPLATE

    def get_queryset(self):
        return PriorityMeasure.objects.select_related("priority__plan")

    def get_permission_object(self):
        return self.get_object().priority

    def call_service(self, data):
        measure = self.get_object()
        services.measure_remove(measure=measure)
        return measure.priority

    def success_url(self, record):
        return record.get_absolute_url() + "#measures"

    @staticmethod
    def crumb_parent(measure):
        return measure.priority

    def page_context(self):
        measure = self.get_object()
        return {
            "caption": str(measure.priority),
            "intro": f"Remove \u201c{measure.description}\u201d from the priority\u2019s measures?",
        }


class PriorityActionAddView(PriorityRecordMixin, ServiceFormView):
    permission_required = "priorities.add_action"
    form_class = PriorityActionForm
    heading = "Add an action for this priority"
    template_name = FORM_TEMPLATE

    def initial(self):
        priority = self.get_object()
        return {"owner_agency": priority.lead_agency, "owner_person": priority.lead_person}

    def call_service(self, data):
        return services.priority_action_add(
            priority=self.get_object(), created_by=self.request.user, **data
        )

    def success_message(self, record):
        return f"Action \u201c{record.title}\u201d added."

    def success_url(self, record):
        return self.get_object().get_absolute_url() + "#actions"
