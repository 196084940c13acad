from django.urls import path

from . import public_views, views

app_name = "reports"
urlpatterns = [
    path("", views.ReportListView.as_view(), name="list"),
    path("new/", views.ReportCreateView.as_view(), name="create"),
    path("contributions/", views.ContributionsView.as_view(), name="contributions"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path("<int:pk>/pdf/", views.ReportPdfView.as_view(), name="pdf"),
    path("<int:pk>/summary/", views.SummaryView.as_view(), name="summary"),
    path("<int:pk>/sections/<slug:key>/", views.NarrativeView.as_view(), name="narrative"),
    path("<int:pk>/send-for-review/", views.SendForReviewView.as_view(), name="send_for_review"),
    path("<int:pk>/return-to-draft/", views.ReturnToDraftView.as_view(), name="return_to_draft"),
    path("<int:pk>/sign-off/", views.SignOffView.as_view(), name="sign_off"),
    path("<int:pk>/publish/", views.PublishView.as_view(), name="publish"),
    path("<int:pk>/recipients/", views.RecipientView.as_view(), name="recipients"),
    path("<int:pk>/correct/", views.CorrectionView.as_view(), name="correct"),
    path("public/", public_views.PublicReportListView.as_view(), name="public_list"),
    path("public/<int:pk>/", public_views.PublicReportView.as_view(), name="public_detail"),
    path("public/<int:pk>/pdf/", public_views.PublicReportPdfView.as_view(), name="public_pdf"),
]
