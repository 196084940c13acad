"""The attendee's addresses: the evaluation, the certificate and the follow-up survey."""

from django.urls import path

from . import views

urlpatterns = [
    path("bookings/<id:pk>/evaluation/", views.EvaluationView.as_view(), name="evaluation"),
    path("bookings/<id:pk>/certificate/", views.CertificateView.as_view(), name="certificate"),
    path("bookings/<id:pk>/follow-up/", views.FollowUpView.as_view(), name="follow_up"),
]
