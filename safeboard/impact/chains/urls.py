from django.urls import path

from . import views

urlpatterns = [
    path("themes/<slug:slug>/", views.ThemeChainView.as_view(), name="theme_chain"),
    path("priorities/<id:pk>/", views.PriorityChainView.as_view(), name="priority_chain"),
]
