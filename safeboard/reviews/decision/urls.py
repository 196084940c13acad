"""The decision against the criteria, and the chair's sign-off."""

from django.urls import path

from . import views

urlpatterns = [
    path("<id:pk>/decision/", views.DecisionView.as_view(), name="decision"),
    path(
        "<id:pk>/decision/record/",
        views.DecisionRecordView.as_view(),
        name="decision_record",
    ),
    path(
        "<id:pk>/decision/sign-off/",
        views.DecisionSignOffView.as_view(),
        name="decision_sign_off",
    ),
]
