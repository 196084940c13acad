from django.urls import path

from .views import reading, reports, running

app_name = "meetings"
urlpatterns = [
    path("", reading.MeetingListView.as_view(), name="list"),
    path("new/", running.MeetingCreateView.as_view(), name="create"),
    path("attendance/", reports.AttendanceReportView.as_view(), name="attendance_report"),
    path("<id:pk>/", reading.MeetingDetailView.as_view(), name="detail"),
    path("<id:pk>/change/", running.MeetingEditView.as_view(), name="edit"),
    path("<id:pk>/agenda/new/", running.AgendaItemAddView.as_view(), name="agenda_add"),
    path(
        "<id:pk>/agenda/<id:item_pk>/change/",
        running.AgendaItemEditView.as_view(),
        name="agenda_edit",
    ),
    path("<id:pk>/papers/new/", running.PaperUploadView.as_view(), name="paper_upload"),
    path("papers/<id:pk>/file/", reading.PaperDownloadView.as_view(), name="paper_download"),
    path("<id:pk>/decisions/new/", running.DecisionAddView.as_view(), name="decision_add"),
    path("<id:pk>/minutes/", running.MinutesEditView.as_view(), name="minutes_edit"),
    path("<id:pk>/attendance/", running.AttendanceView.as_view(), name="attendance"),
]
