"""Registering for training (public pages) and the agencies' email domains it relies on."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import (
    AgencyDomainForm,
    AgencyDomainSubdomainsForm,
    ChoosePasswordForm,
    RegistrationForm,
)

TOO_MANY_REQUESTS = "Too many registrations have come from your network. Try again in an hour."
SESSION_BACKEND = "safeboard.accounts.backends.PasswordBackend"
SUBDOMAINS_ALLOWED = "Practitioners at subdomains of {domain} can now register for training."
SUBDOMAINS_REFUSED = (
    "Addresses at subdomains of {domain} can no longer register; only addresses at {domain} "
    "itself can."
)


@method_decorator(login_not_required, name="dispatch")
class RegisterView(View):
    """Anyone may register with an address at a known agency domain."""

    template_name = "learning/registration/register.html"

    def get(self, request):
        if request.user.is_authenticated:
            return redirect("core:home")
        return render(request, self.template_name, {"form": RegistrationForm()})

    def post(self, request):
        form = RegistrationForm(request.POST)
        if not services.client_within_limit(request.META.get("REMOTE_ADDR", "")):
            form.is_valid()
            form.add_error(None, TOO_MANY_REQUESTS)
            return render(request, self.template_name, {"form": form}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.registration_request(
                    full_name=data["full_name"],
                    email=data["email"],
                    job_role=data["job_role"],
                    confirm_url=request.build_absolute_uri(reverse("learning:register_confirm")),
                    sign_in_url=request.build_absolute_uri(reverse("accounts:login")),
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                return redirect("learning:register_sent")
        return render(request, self.template_name, {"form": form}, status=400)


@method_decorator(login_not_required, name="dispatch")
class RegisterSentView(View):
    def get(self, request):
        return render(request, "learning/registration/sent.html")


@method_decorator(login_not_required, name="dispatch")
class RegisterConfirmView(View):
    """The link from the email: choose a password, and the account is made."""

    template_name = "learning/registration/confirm.html"

    def _pending(self, request):
        token = request.POST.get("token") or request.GET.get("token") or ""
        try:
            return token, services.pending_from_token(token), None
        except ValidationError as error:
            return token, None, error

    def _link_problem(self, request, error: ValidationError, status: int):
        context = {
            "problem": error.messages[0],
            "registered": error.code == "registered",
        }
        return render(request, "learning/registration/link_problem.html", context, status=status)

    def get(self, request):
        token, pending, error = self._pending(request)
        if error is not None:
            # A page, not an error: someone following an old link needs to know what to do.
            return self._link_problem(request, error, status=200)
        return self._show(request, ChoosePasswordForm(), token, pending)

    def post(self, request):
        token, pending, error = self._pending(request)
        if error is not None:
            return self._link_problem(request, error, status=400)
        form = ChoosePasswordForm(request.POST)
        if form.is_valid():
            try:
                user = services.registration_confirm(
                    pending=pending, password=form.cleaned_data["password"]
                )
            except ValidationError as problem:
                form.add_error("password", problem)
            else:
                login(request, user, backend=SESSION_BACKEND)
                messages.success(
                    request, "Your account is ready. Choose a course and book a place."
                )
                return redirect("learning:course_list")
        return self._show(request, form, token, pending, status=400)

    def _show(self, request, form, token, pending, status=200):
        context = {"form": form, "token": token, "pending": pending, "agency": pending.agency}
        return render(request, self.template_name, context, status=status)


# ---- agencies' email domains --------------------------------------------------------------


class AgencyDomainListView(RulePermissionMixin, View):
    permission_required = "learning.manage_agency_domains"
    template_name = "learning/registration/domains.html"

    def get(self, request):
        return self._show(request, AgencyDomainForm())

    def post(self, request):
        form = AgencyDomainForm(request.POST)
        if form.is_valid():
            try:
                record = services.agency_domain_add(**form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(
                    request, f"Practitioners at {record.domain} can now register for training."
                )
                return redirect("learning:agency_domains")
        return self._show(request, form, status=400)

    def _show(self, request, form, status=200):
        context = {
            "form": form,
            "domains": selectors.agency_domains(),
            "crumbs": [
                {"text": "Training", "href": reverse("learning:course_list")},
                {"text": "Agency email domains"},
            ],
        }
        return render(request, self.template_name, context, status=status)


class AgencyDomainSubdomainsView(RulePermissionMixin, View):
    """Allows or refuses registration from addresses at the domain's subdomains."""

    permission_required = "learning.manage_agency_domains"

    def post(self, request, pk: int):
        record = get_object_or_404(selectors.agency_domains(), pk=pk)
        form = AgencyDomainSubdomainsForm(request.POST)
        form.is_valid()
        allow = bool(form.cleaned_data.get("allow"))
        services.agency_domain_set_subdomains(record=record, allow=allow)
        messages.success(
            request,
            (SUBDOMAINS_ALLOWED if allow else SUBDOMAINS_REFUSED).format(domain=record.domain),
        )
        return redirect("learning:agency_domains")


class AgencyDomainRemoveView(RulePermissionMixin, View):
    permission_required = "learning.manage_agency_domains"

    def post(self, request, pk: int):
        record = get_object_or_404(selectors.agency_domains(), pk=pk)
        services.agency_domain_remove(record=record)
        messages.success(request, f"{record.domain} was removed. Nobody new can register with it.")
        return redirect("learning:agency_domains")
