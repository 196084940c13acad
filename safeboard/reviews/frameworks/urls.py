"""The framework table: editions of Working Together and their criteria."""

from django.urls import path

from . import views

urlpatterns = [
    path("frameworks/", views.FrameworkListView.as_view(), name="framework_list"),
    path("frameworks/<id:pk>/", views.FrameworkDetailView.as_view(), name="framework_detail"),
    path(
        "frameworks/<id:pk>/change/",
        views.FrameworkEditView.as_view(),
        name="framework_edit",
    ),
    path(
        "frameworks/<id:pk>/history/",
        views.FrameworkHistoryView.as_view(),
        name="framework_history",
    ),
    path(
        "frameworks/<id:pk>/criteria/new/",
        views.CriterionAddView.as_view(),
        name="criterion_add",
    ),
    path(
        "frameworks/<id:pk>/criteria/<id:criterion_pk>/change/",
        views.CriterionEditView.as_view(),
        name="criterion_edit",
    ),
    path(
        "frameworks/<id:pk>/criteria/<id:criterion_pk>/remove/",
        views.CriterionRemoveView.as_view(),
        name="criterion_remove",
    ),
]
