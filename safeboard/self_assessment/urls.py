from django.urls import path

from . import views

app_name = "self_assessment"
urlpatterns = [
    path("", views.AssessmentListView.as_view(), name="list"),
    path("new/", views.AssessmentOpenView.as_view(), name="open"),
    path("questions/", views.QuestionListView.as_view(), name="questions"),
    path("questions/new/", views.QuestionAddView.as_view(), name="question_add"),
    path("questions/<id:pk>/change/", views.QuestionEditView.as_view(), name="question_edit"),
    path("<id:pk>/", views.AssessmentDetailView.as_view(), name="detail"),
    path("<id:pk>/rate/", views.RateView.as_view(), name="rate"),
    path("<id:pk>/complete/", views.CompleteView.as_view(), name="complete"),
    path("<id:pk>/actions/new/", views.ImprovementAddView.as_view(), name="add_action"),
]
