"""Registering for training, and the agencies' email domains it relies on."""

from django.urls import path

from . import views

urlpatterns = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("register/sent/", views.RegisterSentView.as_view(), name="register_sent"),
    path("register/confirm/", views.RegisterConfirmView.as_view(), name="register_confirm"),
    path("agency-domains/", views.AgencyDomainListView.as_view(), name="agency_domains"),
    path(
        "agency-domains/<id:pk>/subdomains/",
        views.AgencyDomainSubdomainsView.as_view(),
        name="agency_domain_subdomains",
    ),
    path(
        "agency-domains/<id:pk>/remove/",
        views.AgencyDomainRemoveView.as_view(),
        name="agency_domain_remove",
    ),
]
