"""The public site's front page, the partnership's logo, and where the business manager
sets the partnership's name and logo."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from safeboard.accounts.requests import AuthenticatedHttpRequest
from safeboard.core.public_views import PublicPageMixin
from safeboard.core.service_views import ServiceFormView

from . import selectors, services
from .forms import BrandingForm
from .models import Branding


class FrontPageView(PublicPageMixin, View):
    """What the partnership publishes, for anyone, without signing in."""

    def get(self, request):
        return render(request, "public/front.html", {"pages": selectors.listed_public_pages()})


class LogoView(PublicPageMixin, View):
    """The partnership's logo, for every page's header: the one file served without sign-in."""

    def get(self, request):
        branding = Branding.objects.first()
        if branding is None or not branding.logo:
            raise Http404("No logo.")
        response = FileResponse(branding.logo.open("rb"), content_type=branding.logo_content_type)
        response["Cache-Control"] = "public, max-age=300"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class BrandingEditView(ServiceFormView):
    request: AuthenticatedHttpRequest
    permission_required = "public.change_branding"
    form_class = BrandingForm
    heading = "The partnership's name and logo"
    success_text = "The partnership's name and logo have been saved."
    template_name = "public/branding_form.html"

    def initial(self) -> dict:
        face = selectors.partnership_face()
        return {
            "name": face.name,
            "logo_text": face.logo_text,
            "footer_text": face.footer_text,
            "uses_open_government_licence": face.uses_open_government_licence,
        }

    def call_service(self, data: dict):
        services.branding_update(updated_by=self.request.user, **data)
        return None

    def success_url(self, record) -> str:
        return reverse("branding:edit")

    def page_context(self) -> dict:
        return {"face": selectors.partnership_face(), "upload": True}
