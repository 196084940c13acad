from django.urls import path

from . import views

app_name = "actions"
urlpatterns = [
    path("", views.MyActionListView.as_view(), name="mine"),
    path("agency/", views.AgencyActionListView.as_view(), name="agency"),
    path("all/", views.ActionListView.as_view(), name="all"),
    path("new/", views.ActionCreateView.as_view(), name="create"),
    path("<id:pk>/", views.ActionDetailView.as_view(), name="detail"),
    path("<id:pk>/change/", views.ActionEditView.as_view(), name="edit"),
    path("<id:pk>/progress/", views.ProgressUpdateView.as_view(), name="progress"),
    path("<id:pk>/evidence/", views.EvidenceAddView.as_view(), name="evidence"),
    path("<id:pk>/due-date/", views.MoveDueDateView.as_view(), name="move_due_date"),
    path("<id:pk>/complete/", views.CompleteActionView.as_view(), name="complete"),
    path("evidence/<id:pk>/file/", views.EvidenceFileView.as_view(), name="evidence_file"),
]
