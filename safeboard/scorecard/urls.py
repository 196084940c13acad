from django.urls import path

from .views import catalogue, submission

app_name = "scorecard"
urlpatterns = [
    path("", catalogue.IndicatorListView.as_view(), name="indicator_list"),
    path("indicators/new/", catalogue.IndicatorCreateView.as_view(), name="indicator_create"),
    path("indicators/<int:pk>/", catalogue.IndicatorDetailView.as_view(), name="indicator_detail"),
    path(
        "indicators/<int:pk>/change/",
        catalogue.IndicatorEditView.as_view(),
        name="indicator_edit",
    ),
    path("submit/", submission.SubmissionPeriodsView.as_view(), name="submission_periods"),
    path(
        "submit/<int:agency_pk>/<slug:period>/",
        submission.SubmissionFormView.as_view(),
        name="submission_form",
    ),
    path(
        "submit/<int:agency_pk>/<slug:period>/template/",
        submission.TemplateDownloadView.as_view(),
        name="template_download",
    ),
    path(
        "submit/<int:agency_pk>/<slug:period>/upload/",
        submission.SubmissionUploadView.as_view(),
        name="submission_upload",
    ),
    path("figures/<int:pk>/revise/", submission.FigureReviseView.as_view(), name="figure_revise"),
]
