"""The decision against the criteria, and the chair's sign-off."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/decision/", views.DecisionView.as_view(), name="decision"),
    path(
        "<int:pk>/decision/record/",
        views.DecisionRecordView.as_view(),
        name="decision_record",
    ),
    path(
        "<int:pk>/decision/sign-off/",
        views.DecisionSignOffView.as_view(),
        name="decision_sign_off",
    ),
]
