"""Adding evidence of impact to a record, and withdrawing it. The claims themselves are
shown on the record's own page (plug_ins.py registers the section)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import FORMS, ClaimKindForm, WithdrawForm
from .models import Claim

ADD_HEADING = "Add evidence of impact"


class SubjectMixin:
    """The record a claim is added to, named by the URL's subject slug and pk."""

    kwargs: dict

    def get_subject(self):
        if not hasattr(self, "_subject"):
            model = selectors.SUBJECT_SLUGS.get(self.kwargs["subject"])
            if model is None:
                raise Http404("No such kind of record.")
            content_type = ContentType.objects.get_by_natural_key(*model.split("."))
            self._subject = get_object_or_404(
                content_type.model_class()._default_manager, pk=self.kwargs["pk"]
            )
        return self._subject

    def get_permission_object(self):
        return self.get_subject()

    def subject_crumbs(self) -> list[dict]:
        subject = self.get_subject()
        return [{"text": str(subject), "href": selectors.subject_url(subject)}]


class ClaimKindView(SubjectMixin, RulePermissionMixin, View):
    """Step 1: which kind of evidence."""

    permission_required = "impact.add_claim"

    def get(self, request, **kwargs):
        return self.show(ClaimKindForm())

    def post(self, request, **kwargs):
        form = ClaimKindForm(request.POST)
        if form.is_valid():
            return redirect(
                "impact:claim_add",
                subject=self.kwargs["subject"],
                pk=self.kwargs["pk"],
                kind=form.cleaned_data["kind"],
            )
        return self.show(form, status=400)

    def show(self, form, status=200):
        context = {
            "form": form,
            "heading": ADD_HEADING,
            "caption": str(self.get_subject()),
            "lead": "SafeBoard judges the claim against its own data each time it is shown: "
            "supported, not supported, or not enough data to judge. A story is shown as a story.",
            "crumbs": [*self.subject_crumbs(), {"text": ADD_HEADING}],
        }
        return render(self.request, "core/form.html", context, status=status)


class ClaimAddView(SubjectMixin, ServiceFormView):
    """Step 2: the kind's form; back to the record, where the verdict shows."""

    permission_required = "impact.add_claim"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["kind"] not in Claim.Kind.values:
            raise Http404("No such kind of evidence.")
        self.kind = Claim.Kind(kwargs["kind"])
        self.form_class = FORMS[self.kind]
        self.heading = f"Add evidence of impact: {self.kind.label[0].lower()}{self.kind.label[1:]}"
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self):
        return self.subject_crumbs()

    def page_context(self):
        return {"caption": str(self.get_subject())}

    def call_service(self, data):
        return services.claim_add(
            subject=self.get_subject(), kind=self.kind, by=self.request.user, **data
        )

    def success_message(self, record):
        verdict = selectors.judged(record).verdict
        return f"Evidence of impact added: {verdict.label}."

    def success_url(self, record):
        return selectors.subject_url(self.get_subject()) + "#evidence-of-impact"


class ClaimWithdrawView(RecordMixin, ServiceFormView):
    permission_required = "impact.withdraw_claim"
    model = Claim
    form_class = WithdrawForm
    heading = "Withdraw evidence of impact"
    success_text = "The claim is withdrawn. Its history keeps what was claimed."

    def get_queryset(self):
        return Claim.objects.filter(withdrawn_on__isnull=True)

    def get_permission_object(self):
        return self.get_object()

    def crumbs(self):
        subject = self.get_object().subject
        return [{"text": str(subject), "href": selectors.subject_url(subject)}]

    def page_context(self):
        return {"caption": self.get_object().statement}

    def call_service(self, data):
        return services.claim_withdraw(claim=self.get_object(), by=self.request.user, **data)

    def success_url(self, record):
        return selectors.subject_url(record.subject) + "#evidence-of-impact"
