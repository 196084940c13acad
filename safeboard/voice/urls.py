"""Children and young people's voice."""

from django.urls import path

from . import views

app_name = "voice"
urlpatterns = [
    path("", views.ActivityListView.as_view(), name="activity_list"),
    path("you-said-we-did/", views.YouSaidWeDidView.as_view(), name="you_said_we_did"),
    path("activities/new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("activities/<id:pk>/", views.ActivityDetailView.as_view(), name="activity_detail"),
    path("activities/<id:pk>/change/", views.ActivityEditView.as_view(), name="activity_edit"),
    path(
        "activities/<id:pk>/taking-part/",
        views.ParticipationAddView.as_view(),
        name="participation_add",
    ),
    path(
        "activities/<id:pk>/views/new/",
        views.ContributionAddView.as_view(),
        name="contribution_add",
    ),
    path("activities/<id:pk>/import/", views.SurveyImportView.as_view(), name="survey_import"),
    path("views/<id:pk>/", views.ContributionDetailView.as_view(), name="contribution_detail"),
    path("views/<id:pk>/themes/", views.ContributionCodeView.as_view(), name="contribution_code"),
    path("views/<id:pk>/respond/", views.ResponseView.as_view(), name="respond"),
    path("views/<id:pk>/publish/", views.PublishView.as_view(), name="publish"),
    path("views/<id:pk>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
]
