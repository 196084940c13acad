from django.urls import path

from . import public_views, views

app_name = "reports"
urlpatterns = [
    path("", views.ReportListView.as_view(), name="list"),
    path("new/", views.ReportCreateView.as_view(), name="create"),
    path("contributions/", views.ContributionsView.as_view(), name="contributions"),
    path("<id:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path("<id:pk>/pdf/", views.ReportPdfView.as_view(), name="pdf"),
    path("<id:pk>/summary/", views.SummaryView.as_view(), name="summary"),
    path("<id:pk>/sections/<slug:key>/", views.NarrativeView.as_view(), name="narrative"),
    path("<id:pk>/send-for-review/", views.SendForReviewView.as_view(), name="send_for_review"),
    path("<id:pk>/return-to-draft/", views.ReturnToDraftView.as_view(), name="return_to_draft"),
    path("<id:pk>/sign-off/", views.SignOffView.as_view(), name="sign_off"),
    path("<id:pk>/publish/", views.PublishView.as_view(), name="publish"),
    path("<id:pk>/recipients/", views.RecipientView.as_view(), name="recipients"),
    path("<id:pk>/correct/", views.CorrectionView.as_view(), name="correct"),
    path("public/", public_views.PublicReportListView.as_view(), name="public_list"),
    path("public/<id:pk>/", public_views.PublicReportView.as_view(), name="public_detail"),
    path("public/<id:pk>/pdf/", public_views.PublicReportPdfView.as_view(), name="public_pdf"),
]
