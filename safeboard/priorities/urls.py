from django.urls import path

from .views import managing, reading

app_name = "priorities"
urlpatterns = [
    path("", reading.PlanListView.as_view(), name="plan_list"),
    path("plans/new/", managing.PlanCreateView.as_view(), name="plan_create"),
    path("plans/<id:pk>/", reading.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<id:pk>/change/", managing.PlanEditView.as_view(), name="plan_edit"),
    path("plans/<id:pk>/priorities/new/", managing.PriorityCreateView.as_view(), name="create"),
    path("<id:pk>/", reading.PriorityDetailView.as_view(), name="detail"),
    path("<id:pk>/change/", managing.PriorityEditView.as_view(), name="edit"),
    path("<id:pk>/review/", managing.PriorityReviewView.as_view(), name="review"),
    path("<id:pk>/measures/new/", managing.MeasureAddView.as_view(), name="measure_add"),
    path("measures/<id:pk>/remove/", managing.MeasureRemoveView.as_view(), name="measure_remove"),
    path("<id:pk>/actions/new/", managing.PriorityActionAddView.as_view(), name="action_add"),
]
