"""The API's addresses, under /api/: a guide for people, the OpenAPI schema, the scorecard."""

from django.urls import path

from . import views
from .auth import signed_in_or_token

app_name = "api"
urlpatterns = [
    path("", views.ApiGuideView.as_view(), name="guide"),
    path("schema/", signed_in_or_token(views.SchemaApi.as_view()), name="schema"),
    path(
        "scorecard/indicators/",
        signed_in_or_token(views.IndicatorListApi.as_view()),
        name="indicator_list",
    ),
    path(
        "scorecard/indicators/<str:code>/figures/",
        signed_in_or_token(views.IndicatorFiguresApi.as_view()),
        name="indicator_figures",
    ),
    path(
        "scorecard/figures/",
        signed_in_or_token(views.FiguresRecordApi.as_view()),
        name="figures_record",
    ),
]
