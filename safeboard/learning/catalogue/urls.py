"""The catalogue's addresses: the courses, and changing a course and its learning outcomes."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.CourseListView.as_view(), name="course_list"),
    path("courses/new/", views.CourseCreateView.as_view(), name="course_create"),
    path("courses/<id:pk>/", views.CourseDetailView.as_view(), name="course_detail"),
    path("courses/<id:pk>/change/", views.CourseEditView.as_view(), name="course_edit"),
    path("courses/<id:pk>/outcomes/new/", views.OutcomeAddView.as_view(), name="outcome_add"),
    path("outcomes/<id:pk>/change/", views.OutcomeEditView.as_view(), name="outcome_edit"),
    path("outcomes/<id:pk>/remove/", views.OutcomeRemoveView.as_view(), name="outcome_remove"),
    path("outcomes/<id:pk>/move/", views.OutcomeMoveView.as_view(), name="outcome_move"),
]
