"""The voice record's pages: activities, what was said, the responses, and the public
"you said, we did" page that anyone may read without signing in."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import (
    ActivityForm,
    CodeForm,
    ConfirmForm,
    ContributionForm,
    ParticipationForm,
    ResponseForm,
    SurveyImportForm,
)
from .models import Activity, Contribution


class ActivityListView(RulePermissionMixin, View):
    permission_required = "voice.view"
    crumb_title = "Children and young people's voice"
    crumb_parent = None

    def get(self, request):
        return render(
            request,
            "voice/activity_list.html",
            {
                "activities": list(selectors.activity_list()),
                "can_record": request.user.has_perm("voice.record"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ActivityMixin(RecordMixin, RulePermissionMixin):
    model = Activity
    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class ActivityDetailView(ActivityMixin, View):
    permission_required = "voice.view"
    crumb_parent = "voice:activity_list"

    @staticmethod
    def crumb_title(activity: Activity) -> str:
        return activity.title

    def get(self, request, pk):
        activity = self.get_object()
        return render(
            request,
            "voice/activity_detail.html",
            {
                "activity": activity,
                "participation": selectors.activity_participation(activity=activity),
                "contributions": list(selectors.activity_contributions(activity=activity)),
                "can_record": request.user.has_perm("voice.record"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ActivityCreateView(ServiceFormView):
    permission_required = "voice.record"
    form_class = ActivityForm
    heading = "Record a participation activity"
    crumb_parent = "voice:activity_list"

    def call_service(self, data):
        return services.activity_create(created_by=self.request.user, **data)

    def success_message(self, record):
        return f"{record.title} recorded."


class ActivityFormView(ActivityMixin, ServiceFormView):
    def page_context(self):
        return {"caption": self.get_object().title}


class ActivityEditView(ActivityFormView):
    permission_required = "voice.record"
    form_class = ActivityForm
    heading = "Change the activity"
    success_text = "The activity has been changed."

    def initial(self):
        activity = self.get_object()
        return {
            field: getattr(activity, field)
            for field in (
                "kind",
                "title",
                "held_on",
                "description",
                "consent_notes",
                "safeguarding_notes",
            )
        }

    def call_service(self, data):
        services.activity_update(activity=self.get_object(), **data)


class ParticipationAddView(ActivityFormView):
    permission_required = "voice.record"
    form_class = ParticipationForm
    heading = "Count who took part"
    success_text = "Count added."

    def call_service(self, data):
        services.participation_add(activity=self.get_object(), **data)


class ContributionAddView(ActivityFormView):
    permission_required = "voice.record"
    form_class = ContributionForm
    heading = "Add what was said"

    def call_service(self, data):
        return services.contribution_add(activity=self.get_object(), **data)

    def success_message(self, record):
        return "What was said has been added."


class SurveyImportView(ActivityFormView):
    permission_required = "voice.record"
    form_class = SurveyImportForm
    heading = "Import survey answers"
    template_name = "voice/survey_import.html"

    def page_context(self):
        return {"caption": self.get_object().title, "upload": True}

    def call_service(self, data):
        self.imported = services.survey_import(activity=self.get_object(), **data)

    def success_message(self, record):
        count = len(self.imported)
        return f"{count} answer{'s' if count != 1 else ''} imported."


class ContributionMixin(RecordMixin, RulePermissionMixin):
    model = Contribution
    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def get_queryset(self):
        return Contribution.objects.select_related("activity")


class ContributionDetailView(ContributionMixin, View):
    permission_required = "voice.view"

    @staticmethod
    def crumb_title(contribution: Contribution) -> str:
        return "What was said"

    @staticmethod
    def crumb_parent(contribution: Contribution):
        return contribution.activity

    def get(self, request, pk):
        contribution = selectors.contribution_detail(pk=self.get_object().pk)
        user = request.user
        return render(
            request,
            "voice/contribution_detail.html",
            {
                "contribution": contribution,
                "response": getattr(contribution, "response", None),
                "can_respond": user.has_perm("voice.respond"),
                "can_record": user.has_perm("voice.record"),
                "can_publish": user.has_perm("voice.publish"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ContributionFormView(ContributionMixin, ServiceFormView):
    def page_context(self):
        return {"caption": str(self.get_object())}


class ContributionCodeView(ContributionFormView):
    permission_required = "voice.record"
    form_class = CodeForm
    heading = "Code what was said to themes"
    success_text = "Themes saved."

    def initial(self):
        return {"themes": list(self.get_object().themes.all())}

    def call_service(self, data):
        services.contribution_code(contribution=self.get_object(), **data)


class ResponseView(ContributionFormView):
    permission_required = "voice.respond"
    form_class = ResponseForm
    heading = "Say what we did"
    success_text = "Response saved."

    def initial(self):
        response = getattr(self.get_object(), "response", None)
        if response is None:
            return {}
        return {
            "what_we_did": response.what_we_did,
            "responded_on": response.responded_on,
            "priority": response.priority,
            "action": response.action,
            "policy_change": response.policy_change,
        }

    def call_service(self, data):
        services.response_record(contribution=self.get_object(), **data)


class PublishView(ContributionFormView):
    permission_required = "voice.publish"
    form_class = ConfirmForm
    heading = "Publish on the \u201cyou said, we did\u201d page"
    success_text = "Published: anyone can now read it on the public page."

    def form_kwargs(self):
        return {"submit_label": "Publish it"}

    def page_context(self):
        return {
            "caption": str(self.get_object()),
            "lead": "Anyone will be able to read what was said and what we did, without "
            "signing in. Check neither could identify a child.",
        }

    def call_service(self, data):
        services.response_publish(contribution=self.get_object())


class WithdrawView(PublishView):
    heading = "Take it off the public page"
    success_text = "Taken off the public page."

    def form_kwargs(self):
        return {"submit_label": "Take it off"}

    def page_context(self):
        return {
            "caption": str(self.get_object()),
            "lead": "It stays on record here; the public page stops showing it.",
        }

    def call_service(self, data):
        services.response_withdraw(contribution=self.get_object())


@method_decorator(login_not_required, name="dispatch")
class YouSaidWeDidView(View):
    """The public page: published responses only, for young readers."""

    def get(self, request):
        return render(
            request,
            "voice/you_said_we_did.html",
            {"responses": list(selectors.published_responses())},
        )
