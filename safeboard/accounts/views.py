"""Signing in (email and password, then a second factor where the role needs one) and out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_ratelimit.decorators import ratelimit

from . import lockout, services
from .forms import (
    INVALID_TOKEN,
    EmailLoginForm,
    GovUKPasswordResetForm,
    GovUKSetPasswordForm,
    LogoutForm,
    TokenForm,
)

RATE_LIMITED_TITLE = "Too many requests"


@login_not_required
def rate_limited(request, exception=None):
    """The page for a client that asked too often (sign-in, password reset)."""
    return render(request, "accounts/rate_limited.html", {"title": RATE_LIMITED_TITLE}, status=429)


@method_decorator(
    ratelimit(key="ip", rate=lockout.sign_in_rate, method="POST", block=True), name="post"
)
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailLoginForm
    redirect_authenticated_user = True


def _safe_next(request, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


class TwoFactorView(View):
    """Verify a code from an enrolled authenticator, or enrol one on first sign-in."""

    template_name = "accounts/two_factor.html"

    def _context(self, request, form):
        device = services.confirmed_totp_device(request.user)
        context = {"form": form, "next": _safe_next(request), "enrolling": device is None}
        if device is None:
            device = services.totp_device_for_enrolment(user=request.user)
            context["secret"] = services.totp_secret_base32(device)
            context["qr_code_svg"] = services.totp_qr_code_svg(device)
        return device, context

    def get(self, request):
        if request.user.is_verified():
            return redirect(_safe_next(request))
        _, context = self._context(request, TokenForm())
        return render(request, self.template_name, context)

    def post(self, request):
        form = TokenForm(request.POST)
        device, context = self._context(request, form)
        if form.is_valid():
            if services.totp_verify(device=device, token=form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_safe_next(request))
            form.add_error("token", INVALID_TOKEN)
        return render(request, self.template_name, context, status=400)


class LogoutView(auth_views.LogoutView):
    """Sign out by POST; a GET shows the button (a link must never sign anyone out)."""

    template_name = "accounts/logged_out.html"
    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        return render(request, "accounts/logout_confirm.html", {"form": LogoutForm()})


class AccountView(TemplateView):
    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["has_two_factor"] = services.confirmed_totp_device(user) is not None
        return context


@method_decorator(login_not_required, name="dispatch")
@method_decorator(
    ratelimit(key="ip", rate=lockout.password_reset_rate, method="POST", block=True), name="post"
)
@method_decorator(
    ratelimit(
        key=lockout.password_reset_address,
        rate=lockout.password_reset_rate,
        method="POST",
        block=True,
    ),
    name="post",
)
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = GovUKPasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


@method_decorator(login_not_required, name="dispatch")
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = GovUKSetPasswordForm
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        messages.success(self.request, "Your password has been changed. Sign in with it now.")
        return super().form_valid(form)
