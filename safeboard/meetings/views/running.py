"""The business manager's pages for running a meeting: each form calls one service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services
from ..forms import (
    AgendaItemForm,
    AttendanceForm,
    DecisionForm,
    MeetingForm,
    MinutesForm,
    PaperForm,
)
from ..models import AgendaItem
from .common import MeetingObjectMixin

FORM_TEMPLATE = "meetings/meeting_form.html"


class MeetingCreateView(RulePermissionMixin, View):
    permission_required = "meetings.manage_meetings"
    crumb_title = "Add a meeting"
    crumb_parent = "meetings:list"

    def get(self, request):
        return self.show(MeetingForm())

    def post(self, request):
        form = MeetingForm(request.POST)
        if form.is_valid():
            try:
                meeting = services.meeting_create(**form.service_arguments())
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Meeting \u201c{meeting.title}\u201d added.")
                return redirect(meeting)
        return self.show(form, status=400)

    def show(self, form, status=200):
        crumbs = breadcrumbs.page_trail(self)
        context = {"form": form, "heading": self.crumb_title, "crumbs": crumbs}
        return render(self.request, FORM_TEMPLATE, context, status=status)


class MeetingFormView(MeetingObjectMixin, View):
    """A form on one meeting that calls one service; subclasses name the form and service."""

    permission_required = "meetings.manage_meetings"
    form_class: type = MeetingForm
    heading = ""
    intro = ""
    success_message = ""
    crumb_parent: breadcrumbs.Parent = breadcrumbs.record
    with_files = False

    def form_kwargs(self) -> dict:
        return {}

    def initial(self) -> dict:
        return {}

    def get(self, request, **kwargs):
        return self.show(self.form_class(initial=self.initial(), **self.form_kwargs()))

    def post(self, request, **kwargs):
        files = request.FILES if self.with_files else None
        form = self.form_class(request.POST, files, **self.form_kwargs())
        if form.is_valid():
            try:
                self.call_service(form)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, self.success_message)
                return redirect(self.get_object())
        return self.show(form, status=400)

    def call_service(self, form) -> None:
        raise NotImplementedError

    def show(self, form, status=200):
        context = {
            "form": form,
            "meeting": self.get_object(),
            "heading": self.heading,
            "intro": self.intro,
            "multipart": self.with_files,
            "crumbs": breadcrumbs.page_trail(self, title=self.heading),
        }
        return render(self.request, FORM_TEMPLATE, context, status=status)


class MeetingEditView(MeetingFormView):
    heading = "Change the meeting"
    success_message = "The meeting has been changed."

    def initial(self):
        return MeetingForm.initial_for(self.get_object())

    def call_service(self, form):
        services.meeting_update(meeting=self.get_object(), **form.service_arguments())


class AgendaItemAddView(MeetingFormView):
    form_class = AgendaItemForm
    heading = "Add an agenda item"
    intro = "The item goes at the end of the agenda."
    success_message = "Agenda item added."

    def call_service(self, form):
        services.agenda_item_add(meeting=self.get_object(), **form.cleaned_data)


class AgendaItemEditView(MeetingFormView):
    form_class = AgendaItemForm
    heading = "Change an agenda item"
    success_message = "Agenda item changed."

    def item(self) -> AgendaItem:
        return get_object_or_404(self.get_object().agenda_items, pk=self.kwargs["item_pk"])

    def initial(self):
        item = self.item()
        return {"title": item.title, "presenter": item.presenter, "summary": item.summary}

    def call_service(self, form):
        services.agenda_item_update(item=self.item(), **form.cleaned_data)


class PaperUploadView(MeetingFormView):
    form_class = PaperForm
    heading = "Upload a paper"
    success_message = "Paper uploaded."
    with_files = True

    def form_kwargs(self):
        return {"meeting": self.get_object()}

    def call_service(self, form):
        services.paper_upload(
            meeting=self.get_object(), uploaded_by=self.request.user, **form.cleaned_data
        )


class DecisionAddView(MeetingFormView):
    form_class = DecisionForm
    heading = "Record a decision"
    success_message = "Decision recorded."

    def form_kwargs(self):
        return {"meeting": self.get_object()}

    def call_service(self, form):
        services.decision_record(
            meeting=self.get_object(), recorded_by=self.request.user, **form.service_arguments()
        )


class MinutesEditView(MeetingFormView):
    form_class = MinutesForm
    heading = "Write or approve the minutes"
    success_message = "The minutes have been saved."

    def initial(self):
        meeting = self.get_object()
        return {"minutes": meeting.minutes, "minutes_approved_on": meeting.minutes_approved_on}

    def call_service(self, form):
        data = form.cleaned_data
        services.minutes_record(
            meeting=self.get_object(),
            minutes=data["minutes"],
            approved_on=data["minutes_approved_on"],
        )


class AttendanceView(MeetingFormView):
    form_class = AttendanceForm
    heading = "Record attendance"
    intro = "Everyone who was a member of the group on the day of the meeting."
    success_message = "Attendance has been recorded."

    def form_kwargs(self):
        meeting = self.get_object()
        if not hasattr(self, "_form_kwargs"):
            recorded = {row.person_id: row for row in meeting.attendances.all()}
            members = selectors.expected_members(meeting=meeting)
            self._form_kwargs = {"members": members, "recorded": recorded}
        return self._form_kwargs

    def call_service(self, form):
        services.attendance_record(meeting=self.get_object(), entries=form.entries())
