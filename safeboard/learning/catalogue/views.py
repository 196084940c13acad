"""The catalogue: what everyone signed in may read (the list of courses, a course), and the
training team's pages that change a course and its learning outcomes."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views import View

from safeboard.core.service_views import ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..booking import selectors as booking_selectors
from ..evaluation import selectors as evaluation_results
from ..evaluation.charts import confidence_chart
from ..evaluation.follow_up import follow_up_section
from ..pages import (
    FORM_TEMPLATE,
    ConfirmForm,
    CourseObjectMixin,
    KeepsForm,
    OutcomeObjectMixin,
    RecordFormView,
    catalogue_crumb,
    url_or_none,
)
from ..rules import learner_of
from ..sessions import selectors as session_selectors
from . import selectors, services
from .forms import CatalogueFilterForm, CourseForm, OutcomeForm

PAGE_SIZE = 50


class CourseListView(RulePermissionMixin, View):
    permission_required = "learning.list_courses"

    def get(self, request):
        user = request.user
        manages = user.has_perm("learning.manage_courses")
        form = CatalogueFilterForm(request.GET or None, with_withdrawn=manages)
        courses = selectors.course_catalogue(filters=form.filters()).prefetch_related("themes")
        page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "learning/course_list.html",
            {
                "page": page,
                "filter_form": form,
                "filtered": bool(query),
                "query": query.urlencode(),
                "can_manage": manages,
                "can_see_mine": user.has_perm("learning.view_my_training"),
                "can_see_staff": user.has_perm("learning.view_staff_training"),
                "can_see_charges": user.has_perm("learning.list_charges"),
            },
            status=400 if form.errors else 200,
        )


class CourseDetailView(CourseObjectMixin, View):
    permission_required = "learning.view_course"

    def get(self, request, pk):
        course = self.get_object()
        user = request.user
        upcoming = session_selectors.upcoming_sessions(course=course)
        mine = booking_selectors.live_bookings_by_session(
            learner=learner_of(user), sessions=upcoming
        )
        for session in upcoming:
            session.own_booking = mine.get(session.pk)
        context = {
            "course": course,
            "outcomes": list(course.outcomes.order_by("position", "id")),
            "job_roles": list(course.job_roles.all()),
            "themes": list(course.themes.all()),
            "reviews": [
                (review, url_or_none(review))
                for review in course.reviews.all()
                if user.has_perm("reviews.view_review", review)
            ],
            "priorities": [
                (
                    priority,
                    url_or_none(priority)
                    if user.has_perm("priorities.view_priority", priority)
                    else None,
                )
                for priority in course.priorities.select_related("plan")
            ],
            "upcoming": upcoming,
            "can_manage": user.has_perm("learning.manage_courses"),
            "can_book": user.has_perm("learning.book_place"),
            "crumbs": [catalogue_crumb(), {"text": course.title}],
        }
        if context["can_manage"]:
            context["held"] = session_selectors.held_sessions(course=course)
        if user.has_perm("learning.view_results"):
            course_results = evaluation_results.course_results(course)
            context["results"] = course_results
            context["chart"] = confidence_chart(
                outcomes=course_results.outcomes,
                title=f"Confidence before and after {course.title}",
                chart_id="course-confidence",
            )
            context["follow_up"] = follow_up_section(
                of=course.title, chart_id="course-follow-up", course=course
            )
        return render(request, "learning/course_detail.html", context)


class CourseCreateView(KeepsForm, ServiceFormView):
    permission_required = "learning.manage_courses"
    form_class = CourseForm
    heading = "Add a course"
    template_name = FORM_TEMPLATE

    def form_kwargs(self):
        return {"user": self.request.user}

    def call_service(self, data):
        return services.course_create(**self.form.service_arguments())

    def success_message(self, record):
        return f"“{record.title}” is in the catalogue."

    def crumbs(self):
        return [catalogue_crumb()]


class CourseFormView(CourseObjectMixin, RecordFormView):
    """A form on one course; subclasses name the form and the service."""


class CourseEditView(CourseFormView):
    permission_required = "learning.manage_courses"
    form_class = CourseForm
    heading = "Change the course"
    success_text = "The course has been changed."

    def initial(self):
        return CourseForm.initial_for(self.get_object())

    def form_kwargs(self):
        return {"user": self.request.user, "course": self.get_object()}

    def call_service(self, data):
        services.course_update(course=self.get_object(), **self.form.service_arguments())


class OutcomeAddView(CourseFormView):
    permission_required = "learning.manage_courses"
    form_class = OutcomeForm
    heading = "Add a learning outcome"
    intro = "It goes at the end of the list; move it up from the course's page."
    success_text = "The learning outcome has been added."

    def call_service(self, data):
        services.outcome_add(course=self.get_object(), **data)


class OutcomeFormView(OutcomeObjectMixin, RecordFormView):
    permission_required = "learning.manage_courses"

    def caption(self):
        return self.get_object().course.title

    def success_url(self, record):
        return self.get_object().course.get_absolute_url() + "#outcomes"


class OutcomeEditView(OutcomeFormView):
    form_class = OutcomeForm
    heading = "Change the learning outcome"
    intro = "Evaluations already received keep their ratings against it."
    success_text = "The learning outcome has been changed."

    def initial(self):
        return {"text": self.get_object().text}

    def call_service(self, data):
        services.outcome_update(outcome=self.get_object(), **data)


class OutcomeRemoveView(OutcomeFormView):
    form_class = ConfirmForm
    heading = "Remove the learning outcome"
    success_text = "The learning outcome has been removed."

    def form_kwargs(self):
        return {"submit_label": "Remove it"}

    def page_context(self):
        return {**super().page_context(), "lead": f"“{self.get_object().text}”"}

    def call_service(self, data):
        services.outcome_remove(outcome=self.get_object())


class OutcomeMoveView(OutcomeObjectMixin, View):
    """Move an outcome one place up or down the course's list (the buttons on its page)."""

    permission_required = "learning.manage_courses"

    def post(self, request, pk):
        outcome = self.get_object()
        services.outcome_move(outcome=outcome, up=request.POST.get("direction") != "down")
        return redirect(outcome.course.get_absolute_url() + "#outcomes")
