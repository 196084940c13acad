from django.urls import path

from . import views

app_name = "reminders"
urlpatterns = [
    path("", views.DigestListView.as_view(), name="list"),
    path("<id:pk>/", views.DigestDetailView.as_view(), name="detail"),
]
