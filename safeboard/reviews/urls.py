from django.urls import path

from .views import access_log, conduct, decision, documents, frameworks, referral, review

app_name = "reviews"
urlpatterns = [
    path("", referral.ReviewListView.as_view(), name="list"),
    path("refer/", referral.ReferCaseView.as_view(), name="refer"),
    path("access-log/", access_log.AccessLogView.as_view(), name="access_log"),
    # The framework table.
    path("frameworks/", frameworks.FrameworkListView.as_view(), name="framework_list"),
    path("frameworks/<int:pk>/", frameworks.FrameworkDetailView.as_view(), name="framework_detail"),
    path(
        "frameworks/<int:pk>/change/",
        frameworks.FrameworkEditView.as_view(),
        name="framework_edit",
    ),
    path(
        "frameworks/<int:pk>/history/",
        frameworks.FrameworkHistoryView.as_view(),
        name="framework_history",
    ),
    path(
        "frameworks/<int:pk>/criteria/new/",
        frameworks.CriterionAddView.as_view(),
        name="criterion_add",
    ),
    path(
        "frameworks/<int:pk>/criteria/<int:criterion_pk>/change/",
        frameworks.CriterionEditView.as_view(),
        name="criterion_edit",
    ),
    path(
        "frameworks/<int:pk>/criteria/<int:criterion_pk>/remove/",
        frameworks.CriterionRemoveView.as_view(),
        name="criterion_remove",
    ),
    # One review: every page goes through the review's gate (404 for those refused).
    path("<int:pk>/", review.ReviewDetailView.as_view(), name="detail"),
    path("<int:pk>/notification/", review.NotificationSentView.as_view(), name="notification"),
    path("<int:pk>/rapid-review/", review.RapidReviewSentView.as_view(), name="rapid_review"),
    path("<int:pk>/decision/", decision.DecisionView.as_view(), name="decision"),
    path(
        "<int:pk>/decision/record/",
        decision.DecisionRecordView.as_view(),
        name="decision_record",
    ),
    path(
        "<int:pk>/decision/sign-off/",
        decision.DecisionSignOffView.as_view(),
        name="decision_sign_off",
    ),
    path("<int:pk>/set-up/", conduct.ReviewSetUpView.as_view(), name="setup"),
    path("<int:pk>/team/new/", conduct.TeamMemberAddView.as_view(), name="team_add"),
    path(
        "<int:pk>/team/<int:member_pk>/remove/",
        conduct.TeamMemberRemoveView.as_view(),
        name="team_remove",
    ),
    path(
        "<int:pk>/contributions/new/",
        conduct.ContributionRequestView.as_view(),
        name="contribution_request",
    ),
    path(
        "<int:pk>/contributions/<int:contribution_pk>/received/",
        conduct.ContributionReceivedView.as_view(),
        name="contribution_received",
    ),
    path("<int:pk>/events/new/", conduct.EventAddView.as_view(), name="event_add"),
    path("<int:pk>/milestones/new/", conduct.MilestoneAddView.as_view(), name="milestone_add"),
    path(
        "<int:pk>/milestones/<int:milestone_pk>/done/",
        conduct.MilestoneCompleteView.as_view(),
        name="milestone_complete",
    ),
    path("<int:pk>/documents/new/", documents.DocumentUploadView.as_view(), name="document_upload"),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        documents.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path("<int:pk>/publish/", conduct.PublishView.as_view(), name="publish"),
    path("<int:pk>/quality/", conduct.QualityGradeView.as_view(), name="quality"),
]

# The review's learning: findings, recommendations, briefings and search.
from .learning_urls import urlpatterns as learning_urlpatterns  # noqa: E402

urlpatterns += learning_urlpatterns
