"""Evidence of impact's pages: each part of the app lists its own routes."""

from django.urls import include, path

from . import views

app_name = "impact"
urlpatterns = [
    path("", include("safeboard.impact.chains.urls")),
    path("", include("safeboard.impact.scrutiny.urls")),
    path("claims/<slug:subject>/<id:pk>/new/", views.ClaimKindView.as_view(), name="claim_kind"),
    path(
        "claims/<slug:subject>/<id:pk>/new/<slug:kind>/",
        views.ClaimAddView.as_view(),
        name="claim_add",
    ),
    path("claims/<id:pk>/withdraw/", views.ClaimWithdrawView.as_view(), name="claim_withdraw"),
]
