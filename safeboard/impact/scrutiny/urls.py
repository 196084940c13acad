from django.urls import path

from . import views

urlpatterns = [
    path("scrutiny/", views.ScrutinyListView.as_view(), name="scrutiny"),
]
