from django.urls import path

from .views import register, risk

app_name = "risks"
urlpatterns = [
    path("", register.RiskListView.as_view(), name="list"),
    path("export/", register.RiskExportView.as_view(), name="export"),
    path("new/", risk.RiskCreateView.as_view(), name="create"),
    path("<id:pk>/", risk.RiskDetailView.as_view(), name="detail"),
    path("<id:pk>/change/", risk.RiskEditView.as_view(), name="edit"),
    path("<id:pk>/review/", risk.RiskReviewView.as_view(), name="review"),
    path("<id:pk>/actions/new/", risk.RiskActionAddView.as_view(), name="add_action"),
]
