from django.urls import path

from .views import reading, reports, running

app_name = "meetings"
urlpatterns = [
    path("", reading.MeetingListView.as_view(), name="list"),
    path("new/", running.MeetingCreateView.as_view(), name="create"),
    path("attendance/", reports.AttendanceReportView.as_view(), name="attendance_report"),
    path("<int:pk>/", reading.MeetingDetailView.as_view(), name="detail"),
    path("<int:pk>/change/", running.MeetingEditView.as_view(), name="edit"),
    path("<int:pk>/agenda/new/", running.AgendaItemAddView.as_view(), name="agenda_add"),
    path(
        "<int:pk>/agenda/<int:item_pk>/change/",
        running.AgendaItemEditView.as_view(),
        name="agenda_edit",
    ),
    path("<int:pk>/papers/new/", running.PaperUploadView.as_view(), name="paper_upload"),
    path("papers/<int:pk>/file/", reading.PaperDownloadView.as_view(), name="paper_download"),
    path("<int:pk>/decisions/new/", running.DecisionAddView.as_view(), name="decision_add"),
    path("<int:pk>/minutes/", running.MinutesEditView.as_view(), name="minutes_edit"),
    path("<int:pk>/attendance/", running.AttendanceView.as_view(), name="attendance"),
]
