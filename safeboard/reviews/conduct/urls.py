"""The conduct of a review: its set-up, team, contributions, events, milestones, reports,
publication and quality grade."""

from django.urls import path

from . import views

urlpatterns = [
    path("<id:pk>/set-up/", views.ReviewSetUpView.as_view(), name="setup"),
    path("<id:pk>/team/new/", views.TeamMemberAddView.as_view(), name="team_add"),
    path(
        "<id:pk>/team/<id:member_pk>/remove/",
        views.TeamMemberRemoveView.as_view(),
        name="team_remove",
    ),
    path(
        "<id:pk>/contributions/new/",
        views.ContributionRequestView.as_view(),
        name="contribution_request",
    ),
    path(
        "<id:pk>/contributions/<id:contribution_pk>/received/",
        views.ContributionReceivedView.as_view(),
        name="contribution_received",
    ),
    path("<id:pk>/events/new/", views.EventAddView.as_view(), name="event_add"),
    path("<id:pk>/milestones/new/", views.MilestoneAddView.as_view(), name="milestone_add"),
    path(
        "<id:pk>/milestones/<id:milestone_pk>/done/",
        views.MilestoneCompleteView.as_view(),
        name="milestone_complete",
    ),
    path("<id:pk>/documents/new/", views.DocumentUploadView.as_view(), name="document_upload"),
    path(
        "<id:pk>/documents/<id:document_pk>/",
        views.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path("<id:pk>/publish/", views.PublishView.as_view(), name="publish"),
    path("<id:pk>/quality/", views.QualityGradeView.as_view(), name="quality"),
    path("<id:pk>/panel-feedback/", views.PanelFeedbackView.as_view(), name="panel_feedback"),
]
