"""The address of what agencies owe."""

from django.urls import path

from . import views

urlpatterns = [
    path("charges/", views.ChargeListView.as_view(), name="charge_list"),
]
