"""An organisation's return: read by the board's scrutineers, answered by its own leads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views import View

from safeboard.core import breadcrumbs

from .. import return_services, selectors
from ..forms import ConfirmForm, EvidenceForm, ImprovementForm, RatingForm
from ..models import Cycle, Evidence, ImprovementItem, Return
from .common import ReturnFormView, ReturnObjectMixin, child_or_404


class ReturnDetailView(ReturnObjectMixin, View):
    permission_required = "section11.view_return"

    @staticmethod
    def crumb_title(agency_return: Return) -> str:
        return agency_return.agency.name

    @staticmethod
    def crumb_parent(agency_return: Return) -> Cycle:
        return agency_return.cycle

    def get(self, request, pk):
        agency_return = self.get_object()
        cycle = agency_return.cycle
        user = request.user
        rows = selectors.return_rows(agency_return)
        can_edit = user.has_perm("section11.edit_return", agency_return)
        editable = can_edit and cycle.is_open and not agency_return.is_submitted
        return render(
            request,
            "section11/return_detail.html",
            {
                "agency_return": agency_return,
                "cycle": cycle,
                "rows": rows,
                "scale_key": cycle.scale.key(),
                "editable": editable,
                "problems": return_services.submission_problems(
                    agency_return, [row.rating for row in rows]
                )
                if editable
                else [],
                "carried_forward": any(row.rating.is_carried_forward for row in rows),
                "can_moderate": agency_return.is_submitted
                and not cycle.is_closed
                and user.has_perm("section11.moderate", agency_return),
                "can_request": agency_return.is_submitted
                and not cycle.is_closed
                and user.has_perm("section11.request_evidence", agency_return),
                "can_chase": cycle.is_open
                and not agency_return.is_submitted
                and user.has_perm("section11.chase", agency_return),
                "can_view_chasing": user.has_perm("section11.view_chasing"),
                "chases": list(agency_return.chases.order_by("sent_on", "id"))
                if user.has_perm("section11.view_chasing")
                else [],
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class RatingEditView(ReturnFormView):
    changes_answers = True
    permission_required = "section11.edit_return"
    form_class = RatingForm
    heading = "Score the standard"
    success_text = "Your answer has been saved. The return is a draft until you submit it."

    def form_kwargs(self):
        return {"rating": self.get_rating()}

    def initial(self):
        rating = self.get_rating()
        return {"self_score": rating.self_score, "commentary": rating.commentary}

    def page_context(self):
        rating = self.get_rating()
        previous = selectors.previous_ratings(self.get_object()).get(rating.standard.code)
        return {**super().page_context(), "rating": rating, "previous": previous}

    def call_service(self, data):
        return_services.rating_save(rating=self.get_rating(), **data)


class EvidenceAddView(ReturnFormView):
    changes_answers = True
    permission_required = "section11.edit_return"
    form_class = EvidenceForm
    heading = "Add evidence"
    intro = "Each piece of evidence has its own date: when the evidence itself arose."
    multipart = True
    success_text = "The evidence has been added."

    def call_service(self, data):
        return_services.evidence_add(rating=self.get_rating(), added_by=self.request.user, **data)


class ImprovementAddView(ReturnFormView):
    changes_answers = True
    permission_required = "section11.edit_return"
    form_class = ImprovementForm
    heading = "Add to the improvement plan"
    intro = (
        "What your organisation will do to meet the standard fully. When the return is "
        "submitted, each step becomes an action on the partnership's action plan."
    )
    success_text = "The step has been added to the improvement plan."

    def form_kwargs(self):
        return {"agency": self.get_object().agency}

    def call_service(self, data):
        return_services.improvement_add(rating=self.get_rating(), **data)


class _RemoveView(ReturnObjectMixin, View):
    """A button on the return's page: POST only, then back to the standard."""

    permission_required = "section11.edit_return"
    success_text = ""

    def remove(self) -> int:
        raise NotImplementedError

    def post(self, request, **kwargs):
        agency_return = self.get_object()
        try:
            standard_id = self.remove()
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(agency_return.get_absolute_url())
        messages.success(request, self.success_text)
        return redirect(f"{agency_return.get_absolute_url()}#standard-{standard_id}")


class EvidenceRemoveView(_RemoveView):
    success_text = "The evidence has been removed."

    def remove(self) -> int:
        evidence = child_or_404(
            Evidence.objects.select_related("rating"),
            pk=self.kwargs["evidence_pk"],
            rating__agency_return=self.get_object(),
        )
        return_services.evidence_remove(evidence=evidence)
        return evidence.rating.standard_id


class ImprovementRemoveView(_RemoveView):
    success_text = "The step has been removed from the improvement plan."

    def remove(self) -> int:
        item = child_or_404(
            ImprovementItem.objects.select_related("rating"),
            pk=self.kwargs["item_pk"],
            rating__agency_return=self.get_object(),
        )
        return_services.improvement_remove(item=item)
        return item.rating.standard_id


class EvidenceFileView(ReturnObjectMixin, View):
    """Evidence files are never public: each download is checked like the return itself."""

    permission_required = "section11.view_return"

    def get(self, request, pk, evidence_pk):
        evidence = child_or_404(
            Evidence.objects.all(), pk=evidence_pk, rating__agency_return=self.get_object()
        )
        if not evidence.file:
            raise Http404("This evidence has no file.")
        return FileResponse(
            evidence.file.open("rb"),
            as_attachment=True,
            filename=evidence.file_name,
            content_type=evidence.content_type or "application/octet-stream",
        )


class ReturnSubmitView(ReturnFormView):
    changes_answers = True
    permission_required = "section11.edit_return"
    form_class = ConfirmForm
    heading = "Submit the return"
    template_name = "section11/return_submit.html"

    def form_kwargs(self):
        return {"submit_label": "Submit the return"}

    def page_context(self):
        agency_return = self.get_object()
        rows = selectors.return_rows(agency_return)
        return {
            **super().page_context(),
            "rows": rows,
            "problems": return_services.submission_problems(
                agency_return, [row.rating for row in rows]
            ),
        }

    def call_service(self, data):
        return_services.return_submit(
            agency_return=self.get_object(), submitted_by=self.request.user
        )

    def success_message(self, record):
        return (
            f"{self.get_object().agency}'s return has been submitted. Its improvement plan "
            "is now on the partnership's action plan."
        )
