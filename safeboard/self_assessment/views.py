"""The board's self-assessment: the business manager runs it, the members rate it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .charts import results_chart_svg
from .forms import CompleteForm, ImprovementForm, OpenForm, QuestionForm, RatingForm
from .models import Question, SelfAssessment


def _list_crumb() -> dict:
    return {"text": "Self-assessment", "href": reverse("self_assessment:list")}


def _record_crumb(assessment: SelfAssessment) -> dict:
    return {"text": assessment.title, "href": assessment.get_absolute_url()}


class AssessmentListView(RulePermissionMixin, View):
    permission_required = "self_assessment.list_assessments"

    def get(self, request):
        return render(
            request,
            "self_assessment/list.html",
            {
                "assessments": selectors.assessment_list(),
                "can_run": request.user.has_perm("self_assessment.run"),
                "crumbs": [{"text": "Self-assessment"}],
            },
        )


class AssessmentMixin(RecordMixin):
    model = SelfAssessment


class AssessmentDetailView(AssessmentMixin, RulePermissionMixin, View):
    permission_required = "self_assessment.view_assessment"

    def get_permission_object(self):
        return self.get_object()

    def get(self, request, pk):
        assessment = self.get_object()
        results = selectors.results(assessment=assessment)
        user = request.user
        return render(
            request,
            "self_assessment/detail.html",
            {
                "assessment": assessment,
                "results": results,
                "chart_svg": results_chart_svg(
                    results=results, chart_id=f"self-assessment-{assessment.pk}"
                ),
                "questions": selectors.question_results(assessment=assessment),
                "actions": selectors.actions_from(assessment=assessment),
                "can_rate": assessment.is_open and user.has_perm("self_assessment.rate"),
                "can_run": user.has_perm("self_assessment.run"),
                "crumbs": [_list_crumb(), {"text": assessment.title}],
            },
        )


class AssessmentOpenView(ServiceFormView):
    permission_required = "self_assessment.run"
    form_class = OpenForm
    heading = "Open a self-assessment"

    def call_service(self, data):
        return services.self_assessment_open(opened_by=self.request.user, **data)

    def success_message(self, record):
        return f"{record.title} is open: the board's members can now rate it."

    def crumbs(self):
        return [_list_crumb()]


class RateView(AssessmentMixin, RulePermissionMixin, View):
    permission_required = "self_assessment.rate"
    heading = "Rate the board's work"

    def get_permission_object(self):
        return self.get_object()

    def questions(self) -> list[Question]:
        return list(selectors.question_bank(active_only=True))

    def get(self, request, pk):
        assessment = self.get_object()
        if not assessment.is_open:
            return self.closed()
        ratings = selectors.ratings_of(assessment=assessment, rater=request.user.person)
        form = RatingForm(initial=RatingForm.initial_for(ratings), questions=self.questions())
        return self.show(form)

    def post(self, request, pk):
        assessment = self.get_object()
        if not assessment.is_open:
            return self.closed()
        form = RatingForm(request.POST, questions=self.questions())
        if form.is_valid():
            data = form.cleaned_data
            answers = [
                services.Answer(
                    question=question,
                    score=data[f"score_{question.pk}"],
                    evidence=data[f"evidence_{question.pk}"],
                )
                for question in form.questions
            ]
            try:
                services.ratings_record(
                    assessment=assessment, rater=request.user.person, answers=answers
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, "Your ratings have been saved.")
                return redirect(assessment)
        return self.show(form, status=400)

    def closed(self):
        messages.warning(self.request, services.NOT_OPEN)
        return redirect(self.get_object())

    def show(self, form, status=200):
        assessment = self.get_object()
        return render(
            self.request,
            "self_assessment/rate.html",
            {
                "form": form,
                "heading": self.heading,
                "assessment": assessment,
                "crumbs": [_list_crumb(), _record_crumb(assessment), {"text": self.heading}],
            },
            status=status,
        )


class AssessmentFormView(AssessmentMixin, ServiceFormView):
    permission_required = "self_assessment.run"

    def get_permission_object(self):
        return self.get_object()

    def crumbs(self):
        return [_list_crumb(), _record_crumb(self.get_object())]

    def page_context(self):
        return {"caption": self.get_object().title}


class CompleteView(AssessmentFormView):
    form_class = CompleteForm
    heading = "Complete the self-assessment"
    success_text = "The self-assessment is completed: its results are the board's view."

    def call_service(self, data):
        services.self_assessment_complete(assessment=self.get_object(), **data)


class ImprovementAddView(AssessmentFormView):
    form_class = ImprovementForm
    heading = "Add an agreed improvement"
    success_text = "The improvement is on the partnership's action plan."

    def call_service(self, data):
        services.self_assessment_add_action(
            assessment=self.get_object(), created_by=self.request.user, **data
        )


class QuestionListView(RulePermissionMixin, View):
    permission_required = "self_assessment.manage_questions"

    def get(self, request):
        return render(
            request,
            "self_assessment/questions.html",
            {
                "areas": selectors.questions_by_area(active_only=False),
                "crumbs": [_list_crumb(), {"text": "Questions"}],
            },
        )


def _questions_crumb() -> dict:
    return {"text": "Questions", "href": reverse("self_assessment:questions")}


class QuestionAddView(ServiceFormView):
    permission_required = "self_assessment.manage_questions"
    form_class = QuestionForm
    heading = "Add a question"
    success_text = "The question has been added."

    def call_service(self, data):
        return services.question_save(changed_by=self.request.user, **data)

    def success_url(self, record):
        return reverse("self_assessment:questions")

    def crumbs(self):
        return [_list_crumb(), _questions_crumb()]


class QuestionEditView(QuestionAddView):
    heading = "Change the question"
    success_text = "The question has been changed."

    def get_object(self) -> Question:
        return get_object_or_404(Question, pk=self.kwargs["pk"])

    def initial(self):
        question = self.get_object()
        return {
            "area": question.area,
            "text": question.text,
            "position": question.position,
            "is_active": question.is_active,
        }

    def call_service(self, data):
        return services.question_save(
            question=self.get_object(), changed_by=self.request.user, **data
        )
