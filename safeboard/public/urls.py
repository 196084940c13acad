from django.urls import path

from . import views

app_name = "public"
urlpatterns = [
    path("", views.FrontPageView.as_view(), name="front"),
    path("logo/", views.LogoView.as_view(), name="logo"),
]
