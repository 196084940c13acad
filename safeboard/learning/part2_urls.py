"""Registration, training needs and reach: added to learning/urls.py's patterns."""

from django.urls import path

from .views import needs, reach, registration

urlpatterns = [
    path("register/", registration.RegisterView.as_view(), name="register"),
    path("register/sent/", registration.RegisterSentView.as_view(), name="register_sent"),
    path("register/confirm/", registration.RegisterConfirmView.as_view(), name="register_confirm"),
    path(
        "agency-domains/",
        registration.AgencyDomainListView.as_view(),
        name="agency_domains",
    ),
    path(
        "agency-domains/<int:pk>/subdomains/",
        registration.AgencyDomainSubdomainsView.as_view(),
        name="agency_domain_subdomains",
    ),
    path(
        "agency-domains/<int:pk>/remove/",
        registration.AgencyDomainRemoveView.as_view(),
        name="agency_domain_remove",
    ),
    path("needs/", needs.NeedsMatrixView.as_view(), name="needs_matrix"),
    path("needs/compliance/", needs.ComplianceView.as_view(), name="needs_compliance"),
    path("needs/headcounts/<int:pk>/", needs.HeadcountsView.as_view(), name="needs_headcounts"),
    path("reach/", reach.ReachView.as_view(), name="reach"),
]
