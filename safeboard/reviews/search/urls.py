"""Search of the findings and recommendations of the reviews a user may see."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
]
