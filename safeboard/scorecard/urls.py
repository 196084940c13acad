from django.urls import path

from . import views as submission
from .api import token_views as api_token
from .catalogue import views as catalogue
from .comparators import views as comparators
from .grid import views as grid
from .public import views as public
from .queries import views as queries
from .spc import views as spc

app_name = "scorecard"
urlpatterns = [
    path("", catalogue.IndicatorListView.as_view(), name="indicator_list"),
    path("indicators/new/", catalogue.IndicatorCreateView.as_view(), name="indicator_create"),
    path("indicators/<id:pk>/", catalogue.IndicatorDetailView.as_view(), name="indicator_detail"),
    path(
        "indicators/<id:pk>/change/",
        catalogue.IndicatorEditView.as_view(),
        name="indicator_edit",
    ),
    path(
        "indicators/<id:pk>/chart-settings/",
        spc.IndicatorSpcSettingsView.as_view(),
        name="indicator_spc_settings",
    ),
    path(
        "indicators/<id:pk>/public/",
        public.IndicatorPublicView.as_view(),
        name="indicator_public",
    ),
    path("grid/", grid.ScorecardGridView.as_view(), name="grid"),
    path("submit/", submission.SubmissionPeriodsView.as_view(), name="submission_periods"),
    path(
        "submit/<id:agency_pk>/<slug:period>/",
        submission.SubmissionFormView.as_view(),
        name="submission_form",
    ),
    path(
        "submit/<id:agency_pk>/<slug:period>/template/",
        submission.TemplateDownloadView.as_view(),
        name="template_download",
    ),
    path(
        "submit/<id:agency_pk>/<slug:period>/upload/",
        submission.SubmissionUploadView.as_view(),
        name="submission_upload",
    ),
    path("api-token/", api_token.ApiTokenView.as_view(), name="api_token"),
    path("api-token/revoke/", api_token.ApiTokenRevokeView.as_view(), name="api_token_revoke"),
    path(
        "api-token/revoke-all/",
        api_token.ApiTokenRevokeAllView.as_view(),
        name="api_token_revoke_all",
    ),
    path("figures/<id:pk>/revise/", submission.FigureReviseView.as_view(), name="figure_revise"),
    path(
        "indicators/<id:pk>/comparators/new/",
        comparators.ComparatorAddView.as_view(),
        name="comparator_add",
    ),
    path(
        "comparators/import/",
        comparators.ComparatorImportView.as_view(),
        name="comparator_import",
    ),
    path("queries/", queries.QueryListView.as_view(), name="query_list"),
    path("queries/<id:pk>/", queries.QueryDetailView.as_view(), name="query_detail"),
    path("queries/<id:pk>/answer/", queries.QueryAnswerView.as_view(), name="query_answer"),
    path(
        "queries/<id:pk>/actions/new/",
        queries.QueryActionAddView.as_view(),
        name="query_add_action",
    ),
    path("queries/<id:pk>/judge/", queries.QueryJudgeView.as_view(), name="query_judge"),
    path("indicators/<id:pk>/queries/new/", queries.QueryRaiseView.as_view(), name="query_raise"),
]
