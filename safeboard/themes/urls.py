from django.urls import path

from . import views

app_name = "themes"
urlpatterns = [
    path("", views.ThemeListView.as_view(), name="list"),
    path("new/", views.ThemeCreateView.as_view(), name="create"),
    path("<slug:slug>/", views.ThemeDetailView.as_view(), name="detail"),
    path("<slug:slug>/change/", views.ThemeEditView.as_view(), name="edit"),
    path("<slug:slug>/move/", views.ThemeMoveView.as_view(), name="move"),
    path("<slug:slug>/retire/", views.ThemeRetireView.as_view(), name="retire"),
    path("<slug:slug>/restore/", views.ThemeRestoreView.as_view(), name="restore"),
]
