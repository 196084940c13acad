"""What every view of one challenge shares: the challenge the permission is checked on."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Challenge

FORM_TEMPLATE = "challenges/challenge_form.html"


def log_crumb() -> dict:
    return {"text": "Challenge log", "href": reverse("challenges:list")}


class ChallengeObjectMixin(RulePermissionMixin):
    """Checks the view's rule against the challenge named in the URL."""

    def get_object(self) -> Challenge:
        if not hasattr(self, "_challenge"):
            self._challenge = get_object_or_404(
                Challenge.objects.select_related("agency", "raised_by__agency", "priority"),
                pk=self.kwargs["pk"],
            )
        return self._challenge

    def challenge_crumbs(self, *, current: str | None = None) -> list[dict]:
        challenge = self.get_object()
        crumbs = [log_crumb(), {"text": challenge.reference, "href": challenge.get_absolute_url()}]
        if current:
            crumbs.append({"text": current})
        else:
            del crumbs[-1]["href"]
        return crumbs


class ChallengeFormView(ChallengeObjectMixin, View):
    """A form on one challenge that calls one service; subclasses name the form and service."""

    form_class: type
    heading = ""
    intro = ""
    success_message = ""

    def initial(self) -> dict:
        return {}

    def extra_context(self) -> dict:
        return {}

    def get(self, request, pk):
        return self.show(self.form_class(initial=self.initial()))

    def post(self, request, pk):
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.call_service(form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, self.success_message)
                return redirect(self.get_object())
        return self.show(form, status=400)

    def call_service(self, data: dict) -> None:
        raise NotImplementedError

    def show(self, form, status=200):
        context = {
            "form": form,
            "challenge": self.get_object(),
            "heading": self.heading,
            "intro": self.intro,
            "crumbs": self.challenge_crumbs(current=self.heading),
            **self.extra_context(),
        }
        return render(self.request, FORM_TEMPLATE, context, status=status)
