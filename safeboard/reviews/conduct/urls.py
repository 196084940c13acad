"""The conduct of a review: its set-up, team, contributions, events, milestones, reports,
publication and quality grade."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/set-up/", views.ReviewSetUpView.as_view(), name="setup"),
    path("<int:pk>/team/new/", views.TeamMemberAddView.as_view(), name="team_add"),
    path(
        "<int:pk>/team/<int:member_pk>/remove/",
        views.TeamMemberRemoveView.as_view(),
        name="team_remove",
    ),
    path(
        "<int:pk>/contributions/new/",
        views.ContributionRequestView.as_view(),
        name="contribution_request",
    ),
    path(
        "<int:pk>/contributions/<int:contribution_pk>/received/",
        views.ContributionReceivedView.as_view(),
        name="contribution_received",
    ),
    path("<int:pk>/events/new/", views.EventAddView.as_view(), name="event_add"),
    path("<int:pk>/milestones/new/", views.MilestoneAddView.as_view(), name="milestone_add"),
    path(
        "<int:pk>/milestones/<int:milestone_pk>/done/",
        views.MilestoneCompleteView.as_view(),
        name="milestone_complete",
    ),
    path("<int:pk>/documents/new/", views.DocumentUploadView.as_view(), name="document_upload"),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        views.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path("<int:pk>/publish/", views.PublishView.as_view(), name="publish"),
    path("<int:pk>/quality/", views.QualityGradeView.as_view(), name="quality"),
    path("<int:pk>/panel-feedback/", views.PanelFeedbackView.as_view(), name="panel_feedback"),
]
