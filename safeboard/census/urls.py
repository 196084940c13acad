from django.urls import path

from . import views

app_name = "census"
urlpatterns = [
    path("", views.ImportListView.as_view(), name="import_list"),
    path("upload/", views.ImportUploadView.as_view(), name="import_upload"),
    path("imports/<id:pk>/", views.ImportDetailView.as_view(), name="import_detail"),
    path("imports/<id:pk>/progress/", views.ImportProgressView.as_view(), name="import_progress"),
    path("imports/<id:pk>/decide/", views.ImportDecideView.as_view(), name="import_decide"),
    path("imports/<id:pk>/run-again/", views.ImportRunAgainView.as_view(), name="import_rerun"),
    path("settings/", views.CensusSettingsView.as_view(), name="settings"),
]
