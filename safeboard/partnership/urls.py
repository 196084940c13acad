from django.urls import path

from . import views

app_name = "partnership"
urlpatterns = [
    path("partnership/agencies/", views.AgencyListView.as_view(), name="agency_list"),
    path("induction/", views.InductionPlanListView.as_view(), name="induction_list"),
    path("handbook/", views.HandbookView.as_view(), name="handbook"),
]
